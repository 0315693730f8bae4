// SPDX-License-Identifier: BSD-2-Clause
/*
 * TEE_DeriveKey (GP TEE Internal Core API v1.3.1 §6.9): the family
 * derives (op_asym.h's derive), and the bytes become the
 * TEE_ATTR_SECRET_VALUE of derivedKey, a transient, uninitialized
 * TEE_TYPE_GENERIC_SECRET object, as TEE_PopulateTransientObject would
 * store them.  The function returns nothing, so every failure is a
 * panic: GP's (a wrong handle, class, state or derived key object), a
 * parameter that makes no secret, a secret longer than the object holds.
 */
#include <stdlib.h>

#include "object_attrs.h"
#include "op_asym.h"

/* The object the secret goes into: GP's panics if it is not one */
static struct ta_object *derived_object(TEE_ObjectHandle h)
{
	struct ta_object *o = ta_object_get(h);

	if (o->info.objectType != TEE_TYPE_GENERIC_SECRET ||
	    ta_object_is_persistent(o) ||
	    (o->info.handleFlags & TEE_HANDLE_FLAG_INITIALIZED))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return o;
}

static void store_secret(struct ta_object *o, uint8_t *secret, size_t len)
{
	struct ta_attr attr = { .id = TEE_ATTR_SECRET_VALUE, .buf = secret,
				.len = len };
	TEE_Result res = ta_object_fill_generated(o, &attr, 1);

	OPENSSL_cleanse(secret, len);
	free(secret);
	/* a secret of a size the object type does not allow */
	if (res != TEE_SUCCESS)
		TEE_Panic(res);
}

void TEE_DeriveKey(TEE_OperationHandle operation, const TEE_Attribute *params,
		   uint32_t paramCount, TEE_ObjectHandle derivedKey)
{
	struct ta_operation *op = ta_op_get_class(operation,
						  TEE_OPERATION_KEY_DERIVATION);
	const struct ta_asym_ops *ops = op->alg->backend->ops;
	struct ta_params p = { params, paramCount };
	struct ta_object *o;
	uint8_t *out = NULL;
	size_t out_len = 0;
	TEE_Result res;

	if (op->info.mode != TEE_MODE_DERIVE || !ops->derive)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	ta_op_expect_key(op);
	if (paramCount && !params)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	o = derived_object(derivedKey);
	res = ops->derive(op, &p, o->info.maxObjectSize / 8, &out, &out_len);
	if (res != TEE_SUCCESS) {
		if (out) {
			OPENSSL_cleanse(out, out_len);
			free(out);
		}
		TEE_Panic(res);
	}
	store_secret(o, out, out_len);
}
