/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The ecdh TA's interface, shared by the TA and its host program.  A
 * session holds one ECDH key pair on a NIST curve, generated in the TA.
 * The client reads its public point, sends its own, and the TA derives
 * the shared secret (TEE_DeriveKey).  The secret stays in the TA: what
 * the client gets back is an HMAC-SHA256 keyed with it, of a message of
 * the client's, which the client can compare with one it computes with
 * the secret on its side (key confirmation).
 *
 * Errors: a command with other parameter types, an unknown curve or
 * coordinates longer than the curve's get TEE_ERROR_BAD_PARAMETERS; one
 * before GENERATE_KEY TEE_ERROR_BAD_STATE; an output buffer too small
 * TEE_ERROR_SHORT_BUFFER and the size needed.  A peer point that is not
 * on the curve makes TEE_DeriveKey panic, as GP has it (the function
 * returns nothing): the client sees TEEC_ERROR_TARGET_DEAD.
 */
#ifndef TA_ECDH_H
#define TA_ECDH_H

/* This TA's UUID: 8cc41503-f166-43ae-942e-79e48c74aa84 */
#define TA_ECDH_UUID \
	{ 0x8cc41503, 0xf166, 0x43ae, \
		{ 0x94, 0x2e, 0x79, 0xe4, 0x8c, 0x74, 0xaa, 0x84 } }

/* Curves */
#define TA_ECDH_CURVE_P256		0
#define TA_ECDH_CURVE_P384		1
#define TA_ECDH_CURVE_P521		2

#define TA_ECDH_COORD_MAX		66	/* P-521 */
#define TA_ECDH_MAC_SIZE		32	/* HMAC-SHA256 */

/*
 * params[0] VALUE_INPUT: a = TA_ECDH_CURVE_*.  A new key pair replaces
 * the session's.
 */
#define TA_ECDH_CMD_GENERATE_KEY	0
/*
 * params[0] MEMREF_OUTPUT: the public point's x, big-endian;
 * params[1] MEMREF_OUTPUT: its y.
 */
#define TA_ECDH_CMD_GET_PUBLIC_KEY	1
/*
 * params[0] MEMREF_INPUT: the peer's x; params[1] MEMREF_INPUT: its y;
 * params[2] MEMREF_INPUT: a message; params[3] MEMREF_OUTPUT: the
 * HMAC-SHA256 of the message keyed with the shared secret (the shared
 * point's x, as long as a coordinate).
 */
#define TA_ECDH_CMD_DERIVE		2

#endif /* TA_ECDH_H */
