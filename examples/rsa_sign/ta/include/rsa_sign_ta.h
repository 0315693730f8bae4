/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The rsa_sign TA's interface, shared by the TA and its host program.
 * A session holds one RSA key pair, generated in the TA: the private
 * key never leaves it, the public key can be read.  The TA signs the
 * SHA-256 digests its client sends, and verifies signatures of them.
 *
 * Errors: a command with other parameter types, a digest that is not 32
 * bytes or an unknown scheme gets TEE_ERROR_BAD_PARAMETERS; one before
 * GENERATE_KEY TEE_ERROR_BAD_STATE; an output buffer too small
 * TEE_ERROR_SHORT_BUFFER and the size needed.
 */
#ifndef TA_RSA_SIGN_H
#define TA_RSA_SIGN_H

/* This TA's UUID: eb932e6b-af62-4de3-a9a2-20b5983b19ed */
#define TA_RSA_SIGN_UUID \
	{ 0xeb932e6b, 0xaf62, 0x4de3, \
		{ 0xa9, 0xa2, 0x20, 0xb5, 0x98, 0x3b, 0x19, 0xed } }

/* Signature schemes: RSASSA-PKCS1-v1_5 and RSASSA-PSS (MGF1, a salt as
 * long as the digest), both with SHA-256 */
#define TA_RSA_SIGN_PKCS1_V1_5		0
#define TA_RSA_SIGN_PSS			1

#define TA_RSA_SIGN_DIGEST_SIZE		32	/* SHA-256 */

/*
 * params[0] VALUE_INPUT: a = the modulus size in bits, as the TEE takes
 * them (vtee: 256 to 4096; signing a SHA-256 digest needs 528 or more
 * for PSS; 2048 and more for real use).  A new key pair (public
 * exponent 65537) replaces the session's.  A size the TEE does not take:
 * TEE_ERROR_NOT_SUPPORTED.
 */
#define TA_RSA_SIGN_CMD_GENERATE_KEY	0
/*
 * params[0] MEMREF_OUTPUT: the modulus, big-endian;
 * params[1] MEMREF_OUTPUT: the public exponent, big-endian.
 */
#define TA_RSA_SIGN_CMD_GET_PUBLIC_KEY	1
/*
 * params[0] VALUE_INPUT: a = TA_RSA_SIGN_PKCS1_V1_5 or _PSS;
 * params[1] MEMREF_INPUT: the digest; params[2] MEMREF_OUTPUT: the
 * signature (as long as the modulus).
 */
#define TA_RSA_SIGN_CMD_SIGN		2
/*
 * params[0] VALUE_INPUT: a = the scheme; params[1] MEMREF_INPUT: the
 * digest; params[2] MEMREF_INPUT: the signature.  TEE_SUCCESS if it is
 * a signature of that digest by the session's key, else
 * TEE_ERROR_SIGNATURE_INVALID.
 */
#define TA_RSA_SIGN_CMD_VERIFY		3

#endif /* TA_RSA_SIGN_H */
