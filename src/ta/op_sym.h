/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the symmetric families (ciphers, MACs, authenticated encryption)
 * share: the class functions' view of a cipher backend, the key bytes,
 * libcrypto contexts for them, and the two-block buffering of CTS and
 * XTS.
 */
#ifndef VTEE_TA_OP_SYM_H
#define VTEE_TA_OP_SYM_H

#include <openssl/evp.h>
#include <stddef.h>
#include <stdint.h>

#include "operation.h"

/*
 * A cipher backend's functions (struct ta_op_backend.ops of the
 * TEE_OPERATION_CIPHER family).  The class functions (op_cipher.c) check
 * GP's state rules and buffer sizes; these only compute.
 */
struct ta_cipher_ops {
	/* A new message with this IV; panics if the IV does not suit the
	 * algorithm (GP: a wrong IV length is a panic reason). */
	void (*init)(struct ta_operation *op, const uint8_t *iv,
		     size_t iv_len);
	/* How many bytes update/final would write for len more bytes
	 * in; final_out panics if the message cannot end there (NOPAD
	 * and not a whole number of blocks, CTS/XTS under one block). */
	size_t (*update_out)(const struct ta_operation *op, size_t len);
	size_t (*final_out)(const struct ta_operation *op, size_t len);
	/* Write exactly what update_out/final_out said. */
	void (*update)(struct ta_operation *op, const uint8_t *in, size_t len,
		       uint8_t *out);
	void (*final)(struct ta_operation *op, const uint8_t *in, size_t len,
		      uint8_t *out);
};

/* The cipher family's backends (op_cipher_evp.c, _cts.c, _xts.c) */
extern const struct ta_op_backend ta_cipher_evp_backend;
extern const struct ta_op_backend ta_cipher_cts_backend;
extern const struct ta_op_backend ta_cipher_xts_backend;

/* bytes: the longest key a cipher takes */
#define TA_SYM_KEY_MAX	64

/*
 * Key i's bytes into key[TA_SYM_KEY_MAX]; a two-key DES3 key (16 bytes)
 * becomes the three-key form K1 K2 K1.  Returns the length.  The caller
 * wipes key[] after use.
 */
size_t ta_sym_key(const struct ta_operation *op, int i, uint8_t *key);

/*
 * A libcrypto cipher context for `pattern` (a name with '*' for the key
 * bits: "AES-*-CBC"; or a plain name: "DES-EDE3-ECB") with that key,
 * encrypting (enc 1) or decrypting (0), no padding, IV to come.  NULL if
 * the library has no such cipher or it refuses the key.
 */
EVP_CIPHER_CTX *ta_sym_ctx(const char *pattern, const uint8_t *key,
			   size_t key_len, int enc);
/* The same from op's key i (wiping its copy of the bytes) */
EVP_CIPHER_CTX *ta_sym_ctx_of(const struct ta_operation *op, int i,
			      const char *pattern, int enc);
/* A copy of src (NULL for NULL); panics if out of memory. */
EVP_CIPHER_CTX *ta_sym_ctx_dup(const EVP_CIPHER_CTX *src);
/* Restart ctx with a new IV (NULL: none), keeping its key; no padding. */
void ta_sym_restart(EVP_CIPHER_CTX *ctx, const uint8_t *iv);
/* Runs ctx over len bytes (any length; in may be out); panics if the
 * library fails.  Returns what it wrote. */
size_t ta_sym_run(EVP_CIPHER_CTX *ctx, const uint8_t *in, size_t len,
		  uint8_t *out);

/*
 * CTS and XTS hold back the last bytes until they know where the message
 * ends: more than one block and at most two stay buffered.  `held` holds
 * n bytes; blocks() processes whole blocks.
 */
#define TA_SYM_HOLD	32
struct ta_sym_hold {
	uint8_t held[TA_SYM_HOLD];
	size_t n;
};
/* held + len, the bytes a message has in the runtime and the caller's
 * next piece; panics (BAD_PARAMETERS) if it does not fit a size_t, so a
 * hostile srcLen cannot wrap the output size below what is written. */
size_t ta_sym_total(size_t held, size_t len);
/* What feeding len more bytes releases (a multiple of the block) */
size_t ta_sym_hold_out(const struct ta_sym_hold *h, size_t len,
		       size_t block);
/* What a message's last len bytes produce in all; panics if the message
 * is shorter than a block (it cannot end there). */
size_t ta_sym_hold_final_out(const struct ta_sym_hold *h, size_t len,
			     size_t block);
/* Whole blocks of the mode, or (tail) the message's held end */
typedef void ta_sym_blocks_fn(struct ta_operation *op, const uint8_t *in,
			      size_t len, uint8_t *out);
/* Feeds len bytes, releasing ta_sym_hold_out() of them through blocks() */
void ta_sym_hold_feed(struct ta_operation *op, struct ta_sym_hold *h,
		      const uint8_t *in, size_t len, uint8_t *out,
		      size_t block, ta_sym_blocks_fn *blocks);
/* Feeds the message's last len bytes like ta_sym_hold_feed(), then hands
 * what stays held (one block to two) to tail() and empties the hold. */
void ta_sym_hold_final(struct ta_operation *op, struct ta_sym_hold *h,
		       const uint8_t *in, size_t len, uint8_t *out,
		       size_t block, ta_sym_blocks_fn *blocks,
		       ta_sym_blocks_fn *tail);

/*
 * A MAC backend's functions (struct ta_op_backend.ops of the
 * TEE_OPERATION_MAC family; op_mac.c holds GP's rules).
 */
struct ta_mac_ops {
	void (*init)(struct ta_operation *op);
	void (*update)(struct ta_operation *op, const uint8_t *in,
		       size_t len);
	/* digestLength bytes into mac; panics if the message cannot end
	 * there (NOPAD and not a whole number of blocks) */
	void (*final)(struct ta_operation *op, uint8_t *mac);
};

/* The MAC family's backends (op_mac_hmac.c, op_mac_cmac.c,
 * op_mac_cbc.c) */
extern const struct ta_op_backend ta_mac_hmac_backend;
extern const struct ta_op_backend ta_mac_cmac_backend;
extern const struct ta_op_backend ta_mac_cbc_backend;

/*
 * An authenticated-encryption backend's functions (struct
 * ta_op_backend.ops of the TEE_OPERATION_AE family; op_ae.c holds GP's
 * rules and keeps a decryption's last plaintext until its tag is
 * checked).
 */
struct ta_ae_ops {
	/* A new message.  TEE_ERROR_NOT_SUPPORTED for a tag length (bytes)
	 * the algorithm does not have; panics for a nonce it cannot take. */
	TEE_Result (*init)(struct ta_operation *op, const uint8_t *nonce,
			   size_t nonce_len, size_t tag_len, size_t aad_len,
			   size_t payload_len);
	void (*aad)(struct ta_operation *op, const uint8_t *in, size_t len);
	/* Payload in, as many bytes out (encrypted or decrypted) */
	void (*crypt)(struct ta_operation *op, const uint8_t *in, size_t len,
		      uint8_t *out);
	/* Encrypting, after the payload: the tag (tag_len bytes) */
	void (*tag)(struct ta_operation *op, uint8_t *tag);
	/* Decrypting, after the payload: whether tag (len bytes, the
	 * length Init was given) is right */
	bool (*check)(struct ta_operation *op, const uint8_t *tag,
		      size_t len);
};

/* TEE_AEUpdateAAD as GP v1.1 has it: in any state (operation_gp11.c) */
void ta_ae_update_aad_gp11(TEE_OperationHandle operation, const void *aad,
			   size_t len);

/* The AE family's backends (op_ae_gcm.c, op_ae_ccm.c) */
extern const struct ta_op_backend ta_ae_gcm_backend;
extern const struct ta_op_backend ta_ae_ccm_backend;

/*
 * CBC-MAC over whole blocks (op_cbc_mac.c), for the CBC-MAC algorithms
 * and for CCM: the chain value of a CBC encryption from a zero IV, with
 * a partial block kept until more data completes it.
 */
#define TA_CBC_MAC_BLOCK_MAX	16
struct ta_cbc_mac {
	EVP_CIPHER_CTX *ctx;	/* CBC, encrypting, no padding */
	size_t block;
	uint8_t part[TA_CBC_MAC_BLOCK_MAX];
	size_t n;		/* bytes in part */
	uint8_t chain[TA_CBC_MAC_BLOCK_MAX];
};
/* A new message: zero IV, nothing pending */
void ta_cbc_mac_start(struct ta_cbc_mac *m);
void ta_cbc_mac_update(struct ta_cbc_mac *m, const uint8_t *in, size_t len);
/* Completes a partial block with zero bytes (CCM's padding) */
void ta_cbc_mac_pad_zero(struct ta_cbc_mac *m);
/* Frees the context and wipes the state */
void ta_cbc_mac_clear(struct ta_cbc_mac *m);
/* A copy of src into dst (dst cleared first); OUT_OF_MEMORY */
TEE_Result ta_cbc_mac_copy(struct ta_cbc_mac *dst,
			   const struct ta_cbc_mac *src);

#endif /* VTEE_TA_OP_SYM_H */
