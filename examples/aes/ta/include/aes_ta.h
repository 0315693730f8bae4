/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The aes TA's interface, shared by the TA and its host program.  A
 * session holds one AES key (set by the client, or generated in the TA
 * and never leaving it) and one operation on it, prepared for an
 * algorithm and a direction; the commands follow GP's API call for
 * call: TEE_CipherInit + TEE_CipherDoFinal for ECB, CBC and CTR,
 * TEE_AEInit + TEE_AEUpdateAAD + TEE_AEEncryptFinal / TEE_AEDecryptFinal
 * for GCM and CCM.
 *
 * Errors: a command with other parameter types, or sizes its algorithm
 * does not take, gets TEE_ERROR_BAD_PARAMETERS; one out of order (no
 * key, no operation, no IV) TEE_ERROR_BAD_STATE; an output buffer too
 * small TEE_ERROR_SHORT_BUFFER and the size needed.
 */
#ifndef TA_AES_H
#define TA_AES_H

/* This TA's UUID: d6c0fedd-eb8f-4274-8f80-16f967417527 */
#define TA_AES_UUID \
	{ 0xd6c0fedd, 0xeb8f, 0x4274, \
		{ 0x8f, 0x80, 0x16, 0xf9, 0x67, 0x41, 0x75, 0x27 } }

/* Algorithms (GP's AES_ECB_NOPAD, AES_CBC_NOPAD, AES_CTR, AES_CCM,
 * AES_GCM) */
#define TA_AES_ALGO_ECB			0
#define TA_AES_ALGO_CBC			1
#define TA_AES_ALGO_CTR			2
#define TA_AES_ALGO_CCM			3
#define TA_AES_ALGO_GCM			4

#define TA_AES_MODE_ENCODE		1
#define TA_AES_MODE_DECODE		0

#define TA_AES_BLOCK_SIZE		16

/*
 * params[0] MEMREF_INPUT: the key, 16, 24 or 32 bytes.  Replaces the
 * session's key (and drops its operation).
 */
#define TA_AES_CMD_SET_KEY		0
/*
 * params[0] VALUE_INPUT: a = the key size in bits, 128, 192 or 256.
 * A random key made in the TA (TEE_GenerateKey) replaces the session's
 * key (and drops its operation); no command hands it out.
 */
#define TA_AES_CMD_GENERATE_KEY		1
/*
 * params[0] VALUE_INPUT: a = TA_AES_ALGO_*, b = TA_AES_MODE_*.
 * A new operation on the session's key.
 */
#define TA_AES_CMD_PREPARE		2
/*
 * ECB, CBC, CTR.  params[0] MEMREF_INPUT: the IV (16 bytes; ECB: none,
 * an empty or NULL buffer).  Starts a message.
 */
#define TA_AES_CMD_SET_IV		3
/*
 * ECB, CBC, CTR.  params[0] MEMREF_INPUT: the rest of the message
 * (ECB, CBC: whole blocks), params[1] MEMREF_OUTPUT: as many bytes of
 * output.  Ends the message: the next one needs SET_IV.
 */
#define TA_AES_CMD_CIPHER		4
/*
 * GCM, CCM.  params[0] MEMREF_INPUT: the nonce (GCM: 1 byte or more,
 * CCM: 7 to 13 bytes); params[1] VALUE_INPUT: a = the tag length in
 * bits (GCM: 96 to 128 in steps of 8, CCM: 32 to 128 in steps of 16),
 * b = the payload's length (CCM needs it first); params[2]
 * MEMREF_INPUT: additional authenticated data, may be empty.  Starts a
 * message.
 */
#define TA_AES_CMD_AE_INIT		5
/*
 * GCM, CCM, encoding.  params[0] MEMREF_INPUT: the payload;
 * params[1] MEMREF_OUTPUT: the ciphertext, as long; params[2]
 * MEMREF_OUTPUT: the tag.  Ends the message.
 */
#define TA_AES_CMD_AE_ENCRYPT		6
/*
 * GCM, CCM, decoding.  params[0] MEMREF_INPUT: the ciphertext;
 * params[1] MEMREF_OUTPUT: the payload, as long; params[2]
 * MEMREF_INPUT: the tag.  A ciphertext, AAD or tag that is not the one
 * encrypted gets TEE_ERROR_MAC_INVALID, and no plaintext.  Ends the
 * message.
 */
#define TA_AES_CMD_AE_DECRYPT		7

#endif /* TA_AES_H */
