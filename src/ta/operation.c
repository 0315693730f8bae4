// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP operations in the TA runtime (operation.h): handles, allocation,
 * info, reset, copy, TEE_IsAlgorithmSupported, and the state checks the
 * class functions share.  Keys are operation_key.c; each family's class
 * functions are its own files.
 */
#include <stdlib.h>
#include <string.h>

#include "handles.h"
#include "object_attrs.h"
#include "operation.h"

/* ------------------------------------------------------------------ */
/* Handles and state checks                                            */
/* ------------------------------------------------------------------ */

/* GP: an invalid handle is a programming error and panics. */
struct ta_operation *ta_op_get(TEE_OperationHandle h)
{
	struct ta_operation *op = ta_handle_get((uintptr_t)h,
						TA_HANDLE_OPERATION);

	if (!op)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return op;
}

struct ta_operation *ta_op_get_class(TEE_OperationHandle h,
				     uint32_t op_class)
{
	struct ta_operation *op = ta_op_get(h);

	if (op->info.operationClass != op_class)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return op;
}

void ta_op_expect_state(const struct ta_operation *op, uint32_t state)
{
	if (op->state != state)
		TEE_Panic(TEE_ERROR_BAD_STATE);
}

bool ta_op_has_keys(const struct ta_operation *op)
{
	return op->info.handleState & TEE_HANDLE_FLAG_KEY_SET;
}

void ta_op_expect_key(const struct ta_operation *op)
{
	if (!ta_op_has_keys(op))
		TEE_Panic(TEE_ERROR_BAD_STATE);
}

void ta_op_expect_initialized(const struct ta_operation *op)
{
	if (!(op->info.handleState & TEE_HANDLE_FLAG_INITIALIZED))
		TEE_Panic(TEE_ERROR_BAD_STATE);
}

void ta_op_set_active(struct ta_operation *op)
{
	op->info.handleState |= TEE_HANDLE_FLAG_INITIALIZED;
	op->state = TEE_OPERATION_STATE_ACTIVE;
}

/* A digest needs no Init, so it stays INITIALIZED (GP v1.1 on). */
static void back_to_initial(struct ta_operation *op)
{
	const struct ta_op_backend *b = op->alg->backend;

	op->state = TEE_OPERATION_STATE_INITIAL;
	op->info.handleState &= ~TEE_HANDLE_FLAG_EXTRACTING;
	if (op->info.operationClass == TEE_OPERATION_DIGEST)
		op->info.handleState |= TEE_HANDLE_FLAG_INITIALIZED;
	else
		op->info.handleState &= ~TEE_HANDLE_FLAG_INITIALIZED;
	if (b->reset)
		b->reset(op);
}

void ta_op_finish(struct ta_operation *op)
{
	back_to_initial(op);
}

TEE_Result ta_op_out_fits(size_t need, size_t *len)
{
	if (!len)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	if (*len < need) {
		*len = need;
		return TEE_ERROR_SHORT_BUFFER;
	}
	return TEE_SUCCESS;
}

void ta_op_expect_buf(const void *buf, size_t len)
{
	if (!buf && len)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
}

/* ------------------------------------------------------------------ */
/* Allocation                                                          */
/* ------------------------------------------------------------------ */

static uint32_t default_usage(uint32_t mode)
{
	switch (mode) {
	case TEE_MODE_ENCRYPT:
		return TEE_USAGE_ENCRYPT;
	case TEE_MODE_DECRYPT:
		return TEE_USAGE_DECRYPT;
	case TEE_MODE_SIGN:
		return TEE_USAGE_SIGN;
	case TEE_MODE_VERIFY:
		return TEE_USAGE_VERIFY;
	case TEE_MODE_MAC:
		return TEE_USAGE_MAC;
	case TEE_MODE_DERIVE:
		return TEE_USAGE_DERIVE;
	default:
		return 0;	/* a digest has no key */
	}
}

static bool range_ok(const struct ta_alg *a, uint32_t bits)
{
	if (bits < a->key_min || bits > a->key_max)
		return false;
	return !a->key_step || (bits - a->key_min) % a->key_step == 0;
}

/*
 * maxKeySize: a digest takes anything (GP ignores it there), an entry
 * with its own range uses it, any other the key type's sizes; a two-key
 * algorithm's maxKeySize is both keys together, as in OP-TEE.
 */
static bool max_key_size_ok(const struct ta_alg *a, uint32_t bits)
{
	const struct ta_obj_type *t;

	if (!a->n_keys)
		return true;
	if (a->key_max)
		return range_ok(a, bits);
	if (a->n_keys == 2) {
		if (bits % 2)
			return false;
		bits /= 2;
	}
	t = ta_obj_type_find(a->key_type);
	return t && ta_obj_type_max_ok(t, bits);
}

static void fill_info(struct ta_operation *op, const struct ta_alg *a,
		      uint32_t mode, uint32_t max_key_size)
{
	op->alg = a;
	op->info.algorithm = a->id;
	op->info.operationClass = a->op_class;
	op->info.mode = mode;
	op->info.digestLength = a->digest_len;
	op->info.maxKeySize = max_key_size;
	op->info.requiredKeyUsage = a->usage_override[mode] ?
				    a->usage_override[mode] :
				    default_usage(mode);
	if (a->n_keys == 2)
		op->info.handleState |= TEE_HANDLE_FLAG_EXPECT_TWO_KEYS;
	/* a digest is keyed and initialized from the start (GP v1.1 on) */
	if (a->op_class == TEE_OPERATION_DIGEST)
		op->info.handleState |= TEE_HANDLE_FLAG_KEY_SET |
					TEE_HANDLE_FLAG_INITIALIZED;
	op->state = TEE_OPERATION_STATE_INITIAL;
}

static void op_free(struct ta_operation *op)
{
	if (op->alg->backend->free)
		op->alg->backend->free(op);
	ta_op_key_free(op->key[0]);
	ta_op_key_free(op->key[1]);
	ta_handle_release(op->handle);
	free(op);
}

TEE_Result TEE_AllocateOperation(TEE_OperationHandle *operation,
				 uint32_t algorithm, uint32_t mode,
				 uint32_t maxKeySize)
{
	const struct ta_alg *a = ta_alg_find(algorithm);
	struct ta_operation *op;
	TEE_Result res = TEE_SUCCESS;

	if (!operation)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	*operation = TEE_HANDLE_NULL;
	if (!a || mode > TEE_MODE_DERIVE || !(a->modes & TA_MODE(mode)) ||
	    !max_key_size_ok(a, maxKeySize))
		return TEE_ERROR_NOT_SUPPORTED;
	op = calloc(1, sizeof(*op));
	if (!op)
		return TEE_ERROR_OUT_OF_MEMORY;
	fill_info(op, a, mode, maxKeySize);
	op->handle = ta_handle_new(TA_HANDLE_OPERATION, op);
	if (!op->handle)
		res = TEE_ERROR_OUT_OF_MEMORY;
	else if (a->backend->alloc)
		res = a->backend->alloc(op);
	if (res) {
		op_free(op);
		return res;
	}
	*operation = (TEE_OperationHandle)(uintptr_t)op->handle;
	return TEE_SUCCESS;
}

/* GP v1.2 on: freeing TEE_HANDLE_NULL does nothing. */
void TEE_FreeOperation(TEE_OperationHandle operation)
{
	if (operation == TEE_HANDLE_NULL)
		return;
	op_free(ta_op_get(operation));
}

/* ------------------------------------------------------------------ */
/* Info                                                                */
/* ------------------------------------------------------------------ */

/* A two-key operation has no single key to describe (as in OP-TEE). */
void TEE_GetOperationInfo(TEE_OperationHandle operation,
			  TEE_OperationInfo *operationInfo)
{
	struct ta_operation *op = ta_op_get(operation);

	if (!operationInfo)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	*operationInfo = op->info;
	if (op->alg->n_keys == 2) {
		operationInfo->keySize = 0;
		operationInfo->requiredKeyUsage = 0;
	}
}

static uint32_t number_of_keys(const struct ta_operation *op)
{
	return op->info.operationClass == TEE_OPERATION_DIGEST ?
	       0 : op->alg->n_keys;
}

TEE_Result
TEE_GetOperationInfoMultiple(TEE_OperationHandle operation,
			     TEE_OperationInfoMultiple *operationInfoMultiple,
			     size_t *operationSize)
{
	struct ta_operation *op = ta_op_get(operation);
	TEE_OperationInfoMultiple *m = operationInfoMultiple;
	uint32_t n = number_of_keys(op);
	size_t need = sizeof(*m) + n * sizeof(TEE_OperationInfoKey);
	TEE_Result res = ta_op_out_fits(need, operationSize);

	if (res)
		return res;
	if (!m)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	memset(m, 0, need);
	m->algorithm = op->info.algorithm;
	m->operationClass = op->info.operationClass;
	m->mode = op->info.mode;
	m->digestLength = op->info.digestLength;
	m->maxKeySize = op->info.maxKeySize;
	m->handleState = op->info.handleState;
	m->operationState = op->state;
	m->numberOfKeys = n;
	for (uint32_t i = 0; i < n; i++) {
		m->keyInformation[i].keySize =
			op->key[i] ? op->key[i]->info.objectSize : 0;
		m->keyInformation[i].requiredKeyUsage =
			op->info.requiredKeyUsage;
	}
	*operationSize = need;
	return TEE_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* Reset and copy                                                      */
/* ------------------------------------------------------------------ */

/* GP: resetting an operation without its key panics. */
void TEE_ResetOperation(TEE_OperationHandle operation)
{
	struct ta_operation *op = ta_op_get(operation);

	ta_op_expect_key(op);
	back_to_initial(op);
}

static void copy_keys(struct ta_operation *dst, const struct ta_operation *src)
{
	for (int i = 0; i < 2; i++) {
		ta_op_key_free(dst->key[i]);
		dst->key[i] = NULL;
		if (src->key[i] &&
		    ta_op_key_dup(src->key[i], &dst->key[i]) != TEE_SUCCESS)
			TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
	}
}

/*
 * Same algorithm and mode, and room for the source's key (GP's panic
 * reasons); the destination then is what the source is: keys, state and
 * the running computation.
 */
void TEE_CopyOperation(TEE_OperationHandle dstOperation,
		       TEE_OperationHandle srcOperation)
{
	struct ta_operation *dst = ta_op_get(dstOperation);
	const struct ta_operation *src = ta_op_get(srcOperation);
	const struct ta_op_backend *b = src->alg->backend;

	if (dst == src)
		return;
	if (dst->alg != src->alg || dst->info.mode != src->info.mode ||
	    dst->info.maxKeySize < src->info.keySize)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	copy_keys(dst, src);
	dst->info.handleState = src->info.handleState;
	dst->info.keySize = src->info.keySize;
	dst->info.digestLength = src->info.digestLength;
	dst->state = src->state;
	if (b->copy && b->copy(dst, src) != TEE_SUCCESS)
		TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
}

/* ------------------------------------------------------------------ */
/* TEE_IsAlgorithmSupported                                            */
/* ------------------------------------------------------------------ */

static uint16_t element_bit(uint32_t element)
{
	switch (element) {
	case TEE_ECC_CURVE_NIST_P192:
		return TA_ELEM_P192;
	case TEE_ECC_CURVE_NIST_P224:
		return TA_ELEM_P224;
	case TEE_ECC_CURVE_NIST_P256:
		return TA_ELEM_P256;
	case TEE_ECC_CURVE_NIST_P384:
		return TA_ELEM_P384;
	case TEE_ECC_CURVE_NIST_P521:
		return TA_ELEM_P521;
	case TEE_ECC_CURVE_25519:
		return TA_ELEM_25519;
	case TEE_ECC_CURVE_SM2:
		return TA_ELEM_SM2;
	default:
		return 0;
	}
}

/* An algorithm with elements (ECC) is supported with one of its curves;
 * any other only with TEE_CRYPTO_ELEMENT_NONE. */
TEE_Result TEE_IsAlgorithmSupported(uint32_t algId, uint32_t element)
{
	const struct ta_alg *a = ta_alg_find(algId);

	if (!a)
		return TEE_ERROR_NOT_SUPPORTED;
	if (!a->elements)
		return element == TEE_CRYPTO_ELEMENT_NONE ?
		       TEE_SUCCESS : TEE_ERROR_NOT_SUPPORTED;
	return a->elements & element_bit(element) ?
	       TEE_SUCCESS : TEE_ERROR_NOT_SUPPORTED;
}
