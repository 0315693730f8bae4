// SPDX-License-Identifier: BSD-2-Clause
/*
 * The algorithm table: each family's list (defined next to its backend),
 * searched in turn.  A new family adds its list here.
 */
#include "operation.h"

static const struct ta_alg_list *const families[] = {
	&ta_algs_digest,
	&ta_algs_cipher,
	&ta_algs_mac,
	&ta_algs_ae,
	&ta_algs_rsa,
	&ta_algs_dsa,
	&ta_algs_ecdsa,
	&ta_algs_eddsa,
	&ta_algs_sm2_dsa,
	&ta_algs_sm2_pke,
	&ta_algs_sm2_kep,
	&ta_algs_dh,
	&ta_algs_ecdh,
	&ta_algs_kdf,
};

const struct ta_alg *ta_alg_find(uint32_t id)
{
	for (size_t f = 0; f < sizeof(families) / sizeof(families[0]); f++)
		for (size_t i = 0; i < families[f]->n; i++)
			if (families[f]->algs[i].id == id)
				return &families[f]->algs[i];
	return NULL;
}
