// SPDX-License-Identifier: BSD-2-Clause
/*
 * TEE_SetOperationKey and TEE_SetOperationKey2 (operation.h): which keys
 * an operation takes, and the runtime's own copies of them.  Every rule
 * here is a GP panic reason: a key of another type, without the usage
 * the operation requires, bigger than maxKeySize, not initialized, or an
 * operation that has been initialized (or, in GP v1.1, is not in its
 * initial state).
 */
#include <stdlib.h>

#include "object_attrs.h"
#include "operation.h"

TEE_Result ta_op_key_dup(const struct ta_object *src, struct ta_object **out)
{
	struct ta_object *k = calloc(1, sizeof(*k));
	TEE_Result res;

	if (!k)
		return TEE_ERROR_OUT_OF_MEMORY;
	k->info = src->info;
	res = ta_attrs_dup(src->attrs, src->nattrs, &k->attrs);
	if (res) {
		free(k);
		return res;
	}
	k->nattrs = src->nattrs;
	*out = k;
	return TEE_SUCCESS;
}

void ta_op_key_free(struct ta_object *key)
{
	if (!key)
		return;
	ta_object_clear_attrs(key);
	free(key);
}

const struct ta_attr *ta_op_secret(const struct ta_operation *op, int i)
{
	const struct ta_attr *a = op->key[i] ?
		ta_object_attr(op->key[i], TEE_ATTR_SECRET_VALUE) : NULL;

	if (!a)
		TEE_Panic(TEE_ERROR_BAD_STATE);
	return a;
}

/* A key pair always; its public type only in the public modes. */
static bool type_ok(const struct ta_operation *op, uint32_t type)
{
	const struct ta_alg *a = op->alg;
	uint32_t mode = op->info.mode;

	if (type == a->key_type)
		return true;
	return a->pub_type && type == a->pub_type &&
	       (mode == TEE_MODE_ENCRYPT || mode == TEE_MODE_VERIFY);
}

/* Sizes compared with DES parity bits, whichever way either counts. */
static bool size_ok(const struct ta_operation *op, const struct ta_object *o)
{
	uint32_t type = o->info.objectType;
	uint32_t max = op->info.maxKeySize;

	if (op->alg->n_keys == 2)
		max /= 2;
	return ta_obj_size_with_parity(type, o->info.objectSize) <=
	       ta_obj_size_with_parity(type, max);
}

static const struct ta_object *usable_key(const struct ta_operation *op,
					  TEE_ObjectHandle key)
{
	const struct ta_object *o = ta_object_get(key);
	uint32_t need = op->info.requiredKeyUsage;

	if (!(o->info.handleFlags & TEE_HANDLE_FLAG_INITIALIZED) ||
	    !type_ok(op, o->info.objectType) ||
	    (o->info.objectUsage & need) != need || !size_ok(op, o))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return o;
}

static void drop_keys(struct ta_operation *op)
{
	for (int i = 0; i < 2; i++) {
		ta_op_key_free(op->key[i]);
		op->key[i] = NULL;
	}
	op->info.handleState &= ~TEE_HANDLE_FLAG_KEY_SET;
	op->info.keySize = 0;
}

/* The keys changed: the family prepares them, the operation starts
 * over. */
static void keys_changed(struct ta_operation *op)
{
	const struct ta_op_backend *b = op->alg->backend;

	if (b->key_changed && b->key_changed(op) != TEE_SUCCESS)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	ta_op_finish(op);
}

static void take_key(struct ta_operation *op, int i, const struct ta_object *o)
{
	if (ta_op_key_dup(o, &op->key[i]) != TEE_SUCCESS)
		TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
}

static TEE_Result set_key(struct ta_operation *op, TEE_ObjectHandle key)
{
	const struct ta_object *o;

	if (op->alg->n_keys != 1)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	if (key == TEE_HANDLE_NULL) {
		drop_keys(op);
		keys_changed(op);
		return TEE_SUCCESS;
	}
	o = usable_key(op, key);
	drop_keys(op);
	take_key(op, 0, o);
	op->info.handleState |= TEE_HANDLE_FLAG_KEY_SET;
	op->info.keySize = o->info.objectSize;
	keys_changed(op);
	return TEE_SUCCESS;
}

/* Both keys or neither; the same size (GP: XTS's two AES keys). */
static TEE_Result set_key2(struct ta_operation *op, TEE_ObjectHandle key1,
			   TEE_ObjectHandle key2)
{
	const struct ta_object *o1, *o2;

	if (op->alg->n_keys != 2)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	if (key1 == TEE_HANDLE_NULL && key2 == TEE_HANDLE_NULL) {
		drop_keys(op);
		keys_changed(op);
		return TEE_SUCCESS;
	}
	if (key1 == TEE_HANDLE_NULL || key2 == TEE_HANDLE_NULL)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	o1 = usable_key(op, key1);
	o2 = usable_key(op, key2);
	if (o1->info.objectSize != o2->info.objectSize)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	drop_keys(op);
	take_key(op, 0, o1);
	take_key(op, 1, o2);
	op->info.handleState |= TEE_HANDLE_FLAG_KEY_SET;
	op->info.keySize = o1->info.objectSize;
	keys_changed(op);
	return TEE_SUCCESS;
}

/* GP v1.2 on: not once Init has run (a digest counts as initialized,
 * and takes no key anyway). */
static struct ta_operation *settable(TEE_OperationHandle operation)
{
	struct ta_operation *op = ta_op_get(operation);

	if (op->info.handleState & TEE_HANDLE_FLAG_INITIALIZED)
		TEE_Panic(TEE_ERROR_BAD_STATE);
	return op;
}

/* GP v1.1: only in the initial state. */
static struct ta_operation *settable_gp11(TEE_OperationHandle operation)
{
	struct ta_operation *op = ta_op_get(operation);

	if (op->state != TEE_OPERATION_STATE_INITIAL ||
	    op->info.operationClass == TEE_OPERATION_DIGEST)
		TEE_Panic(TEE_ERROR_BAD_STATE);
	return op;
}

TEE_Result TEE_SetOperationKey(TEE_OperationHandle operation,
			       TEE_ObjectHandle key)
{
	return set_key(settable(operation), key);
}

TEE_Result __GP11_TEE_SetOperationKey(TEE_OperationHandle operation,
				      TEE_ObjectHandle key)
{
	return set_key(settable_gp11(operation), key);
}

/* GP v1.2 on: the same object twice is TEE_ERROR_SECURITY. */
TEE_Result TEE_SetOperationKey2(TEE_OperationHandle operation,
				TEE_ObjectHandle key1, TEE_ObjectHandle key2)
{
	struct ta_operation *op = settable(operation);

	if (key1 != TEE_HANDLE_NULL && key1 == key2)
		return TEE_ERROR_SECURITY;
	return set_key2(op, key1, key2);
}

TEE_Result __GP11_TEE_SetOperationKey2(TEE_OperationHandle operation,
				       TEE_ObjectHandle key1,
				       TEE_ObjectHandle key2)
{
	return set_key2(settable_gp11(operation), key1, key2);
}
