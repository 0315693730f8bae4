/* SPDX-License-Identifier: BSD-2-Clause */
/* FRAMEWORK READY */
/*
 * GP cryptographic operations inside the TA runtime: the state behind a
 * TEE_OperationHandle, the algorithm table, and what every operation file
 * shares.  docs/crypto.md has the state machine and the table in prose.
 *
 * operation.c:        handles, allocation, free, info, reset, copy,
 *                     TEE_IsAlgorithmSupported
 * operation_key.c:    TEE_SetOperationKey/2 and the key checks
 * operation_algs.c:   the list of per-family algorithm tables
 * operation_gp11.c:   the GP v1.1 twins (32-bit lengths)
 * op_digest.c, op_cipher.c, op_mac_*.c, op_ae_*.c: one family each, its
 *                     backend and its table; the asymmetric and key
 *                     derivation families live in files of their own the
 *                     same way.
 *
 * A family is a table of struct ta_alg entries pointing at one struct
 * ta_op_backend.  The generic functions (allocate, free, reset, copy, set
 * key) call the backend's lifecycle hooks; the class functions (Digest*,
 * Cipher*, MAC*, AE*, Asymmetric*, DeriveKey) live in the family's files
 * and reach their own state through op->ctx and their own function table
 * through op->alg->backend->ops.
 */
#ifndef VTEE_TA_OPERATION_H
#define VTEE_TA_OPERATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <tee_internal_api.h>

#include "object.h"

struct ta_operation;

/* A mode bit for struct ta_alg.modes: TA_MODE(TEE_MODE_ENCRYPT) ... */
#define TA_MODE(m)		(1u << (m))

/* Elements TEE_IsAlgorithmSupported accepts (struct ta_alg.elements) */
#define TA_ELEM_P192		0x0001u
#define TA_ELEM_P224		0x0002u
#define TA_ELEM_P256		0x0004u
#define TA_ELEM_P384		0x0008u
#define TA_ELEM_P521		0x0010u
#define TA_ELEM_25519		0x0020u
#define TA_ELEM_SM2		0x0040u
#define TA_ELEM_NIST		0x001fu

/*
 * What a family does at the generic functions.  Every hook may be NULL
 * when the family keeps nothing there.  op->ctx is the family's own.
 */
struct ta_op_backend {
	/* TEE_AllocateOperation, after op->info is filled: build op->ctx.
	 * TEE_ERROR_OUT_OF_MEMORY (NOT_SUPPORTED if the library lacks the
	 * algorithm). */
	TEE_Result (*alloc)(struct ta_operation *op);
	/* Wipe and free op->ctx (TEE_FreeOperation, failed allocation). */
	void (*free)(struct ta_operation *op);
	/* TEE_CopyOperation: dst->ctx becomes a copy of src->ctx, which has
	 * the same algorithm and mode; dst's keys are copied already.  An
	 * error other than OUT_OF_MEMORY is a panic. */
	TEE_Result (*copy)(struct ta_operation *dst,
			   const struct ta_operation *src);
	/* Back to the initial state: drop the running computation, keep
	 * the keys (TEE_ResetOperation, SetOperationKey, and the family's
	 * own final functions if it wants). */
	void (*reset)(struct ta_operation *op);
	/* The keys changed (set, or cleared when op->key[0] is NULL): a
	 * family that prepares keys once (a key schedule, an EVP_PKEY) does
	 * it here.  TEE_ERROR_BAD_PARAMETERS if the key cannot be used (the
	 * caller panics), OUT_OF_MEMORY. */
	TEE_Result (*key_changed)(struct ta_operation *op);
	/* The family's own functions for its class functions */
	const void *ops;
};

/*
 * One algorithm: what TEE_AllocateOperation, TEE_SetOperationKey and
 * TEE_IsAlgorithmSupported check, and what the backend needs.
 */
struct ta_alg {
	uint32_t id;		/* TEE_ALG_* */
	uint32_t op_class;	/* TEE_OPERATION_* */
	uint32_t modes;		/* TA_MODE() bits it allows */
	/* Key object types: key_type for a secret key or for the private
	 * modes (DECRYPT, SIGN, DERIVE); pub_type, if not 0, is accepted
	 * as well in the public modes (ENCRYPT, VERIFY).  No key for a
	 * digest (key_type 0). */
	uint32_t key_type;
	uint32_t pub_type;
	uint8_t n_keys;		/* 0 (digest), 1, or 2 (XTS, SM2 KEP) */
	/* maxKeySize: min, min + step, ..., max bits; all 0: what the key
	 * type allows (ta_obj_type_max_ok), summed over both keys for a
	 * two-key algorithm */
	uint16_t key_min, key_max, key_step;
	uint16_t digest_len;	/* TEE_OperationInfo.digestLength, bytes */
	uint8_t block_len;	/* cipher block (0: not a block algorithm) */
	uint16_t elements;	/* TA_ELEM_*; 0: TEE_CRYPTO_ELEMENT_NONE */
	uint32_t hash;		/* the TEE_ALG_* digest it uses, or 0 */
	const char *lib_name;	/* the library's name for it, or NULL */
	/* requiredKeyUsage per mode; 0 for a mode: the default (ENCRYPT,
	 * DECRYPT, SIGN, VERIFY, MAC, DERIVE usage bit for that mode) */
	uint32_t usage_override[TEE_MODE_DERIVE + 1];
	const struct ta_op_backend *backend;
};

/* A family's table */
struct ta_alg_list {
	const struct ta_alg *algs;
	size_t n;
};

/* The families (each defined next to its backend; a new family adds its
 * declaration here and its list to operation_algs.c) */
extern const struct ta_alg_list ta_algs_digest;
extern const struct ta_alg_list ta_algs_cipher;
extern const struct ta_alg_list ta_algs_mac;
extern const struct ta_alg_list ta_algs_ae;
/* the asymmetric and key derivation families (op_asym.h) */
extern const struct ta_alg_list ta_algs_rsa;
extern const struct ta_alg_list ta_algs_dsa;
extern const struct ta_alg_list ta_algs_ecdsa;
extern const struct ta_alg_list ta_algs_eddsa;
extern const struct ta_alg_list ta_algs_sm2_dsa;
extern const struct ta_alg_list ta_algs_sm2_pke;
extern const struct ta_alg_list ta_algs_sm2_kep;
extern const struct ta_alg_list ta_algs_dh;
extern const struct ta_alg_list ta_algs_ecdh;
extern const struct ta_alg_list ta_algs_kdf;

/* The algorithm's entry, or NULL (operation_algs.c) */
const struct ta_alg *ta_alg_find(uint32_t id);

/*
 * An operation.  info holds GP's TEE_OperationInfo fields (algorithm,
 * operationClass, mode, digestLength, maxKeySize, keySize,
 * requiredKeyUsage, handleState); state is GP's operationState
 * (TEE_OPERATION_STATE_INITIAL, _ACTIVE, _EXTRACTING).
 *
 * key[] are the runtime's own copies of the keys SetOperationKey/2 were
 * given (struct ta_object with handle 0: no TA handle reaches them), NULL
 * while no key is set.  A key-pair algorithm in a public mode may hold a
 * key pair (its private attributes are simply not used).
 */
struct ta_operation {
	const struct ta_alg *alg;
	TEE_OperationInfo info;
	uint32_t state;
	struct ta_object *key[2];
	void *ctx;		/* the backend's running state */
	uint32_t handle;	/* the TEE_OperationHandle value */
};

/* The operation behind a handle; panics (GP) if h is not a live
 * operation handle of this instance. */
struct ta_operation *ta_op_get(TEE_OperationHandle h);
/* The same, also panicking unless the operation is of class op_class. */
struct ta_operation *ta_op_get_class(TEE_OperationHandle h,
				     uint32_t op_class);

/* Panics unless the operation is in that state (TEE_OPERATION_STATE_*) */
void ta_op_expect_state(const struct ta_operation *op, uint32_t state);
/* Panics unless every key the algorithm needs is set */
void ta_op_expect_key(const struct ta_operation *op);
/* Panics unless the operation was initialized (Cipher/MAC/AE Init):
 * TEE_HANDLE_FLAG_INITIALIZED */
void ta_op_expect_initialized(const struct ta_operation *op);

/* Init done: INITIALIZED set, state ACTIVE */
void ta_op_set_active(struct ta_operation *op);
/* A final function done: back to the initial state; the caller's backend
 * reset runs, and INITIALIZED is cleared unless it is a digest (which
 * needs no Init). */
void ta_op_finish(struct ta_operation *op);

/* Whether all the algorithm's keys are set */
bool ta_op_has_keys(const struct ta_operation *op);

/*
 * GP's output rule: an output of `need` bytes into a buffer of *len.
 * Panics if len is NULL; if *len < need sets *len = need and answers
 * TEE_ERROR_SHORT_BUFFER (nothing done, state unchanged); else
 * TEE_SUCCESS.
 */
TEE_Result ta_op_out_fits(size_t need, size_t *len);
/* Panics if buf is NULL while len is not 0 (GP's [in]/[out] buffers) */
void ta_op_expect_buf(const void *buf, size_t len);

/* The runtime's copy of a key: a handle-less object with src's info and
 * a copy of its attributes.  TEE_ERROR_OUT_OF_MEMORY. */
TEE_Result ta_op_key_dup(const struct ta_object *src,
			 struct ta_object **out);
/* Wipes and frees such a copy (NULL is fine). */
void ta_op_key_free(struct ta_object *key);
/* The TEE_ATTR_SECRET_VALUE of key i (0 or 1); panics if there is none */
const struct ta_attr *ta_op_secret(const struct ta_operation *op, int i);

#endif /* VTEE_TA_OPERATION_H */
