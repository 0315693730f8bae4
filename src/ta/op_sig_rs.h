/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * (r, s) signatures (op_sig_rs.c) for DSA, ECDSA and SM2: GP's r || s
 * on libcrypto's DER signatures.
 */
#ifndef VTEE_TA_OP_SIG_RS_H
#define VTEE_TA_OP_SIG_RS_H

#include "op_asym.h"

/*
 * Signs the digest with the operation's EVP key; *out is r || s, n bytes
 * each.  TEE_ERROR_BAD_PARAMETERS if libcrypto cannot sign with the key.
 */
TEE_Result ta_rs_sign(struct ta_operation *op, const uint8_t *digest,
		      size_t len, size_t n, uint8_t **out, size_t *out_len);
/* TEE_SUCCESS, or TEE_ERROR_SIGNATURE_INVALID (a signature of another
 * length than 2n included) */
TEE_Result ta_rs_verify(struct ta_operation *op, const uint8_t *digest,
			size_t len, size_t n, const uint8_t *sig,
			size_t sig_len);

#endif /* VTEE_TA_OP_SIG_RS_H */
