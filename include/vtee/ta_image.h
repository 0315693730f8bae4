/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The signed TA image: how a Trusted Application travels from the build
 * to the trusted OS.  The supplicant hands the file's bytes over unchanged
 * (OPTEE_RPC_CMD_LOAD_TA); only the trusted OS interprets them, so nothing
 * in the normal world has to be trusted for the image to be.
 *
 * File layout (every integer little-endian, no padding anywhere):
 *
 *   offset              size       what
 *   0                   48         struct ta_image_hdr (below)
 *   48                  hash_size  SHA-256 of header (48 octets) || ELF
 *   48 + hash_size      sig_size   RSASSA-PSS signature of that hash
 *   48 + hash + sig     img_size   the TA: an ELF shared object
 *
 * and nothing after the ELF: the file size is exactly the sum.
 *
 * The hash covers every header field, so no field can be changed without
 * breaking it; the hash and the signature themselves sit outside the header
 * because they cannot cover themselves.  The signature is RSASSA-PSS with
 * MGF1-SHA-256 and a salt as long as the digest (32 octets), computed over
 * the 32-octet hash, by an RSA key of 2048 to 4096 bits (vtee generates
 * 3072).  The file is conventionally named <uuid>.ta, the UUID in lower
 * case canonical form (ta_image_uuid_to_str()).
 *
 * Mapping of failures to the TEE_Result a trusted OS returns for an open
 * session, as OP-TEE's REE-FS TA store does (ree_fs_ta.c, signed_hdr.c):
 *   every refusal of the signed header, its sizes, hash, signature or UUID
 *     (TRUNCATED, MAGIC, VERSION, TYPE, ALGO, HASH_SIZE, SIG_SIZE, FLAGS,
 *      SIZE, HASH, SIGNATURE, UUID)              -> TEE_ERROR_SECURITY
 *   ELF: signed, but not an x86-64 ELF shared object (what OP-TEE's ELF
 *     loader reports for a signed image it cannot load)
 *                                               -> TEE_ERROR_BAD_FORMAT
 *   KEY: the trusted OS's own key is unusable   -> TEE_ERROR_GENERIC
 *   NOMEM                                       -> TEE_ERROR_OUT_OF_MEMORY
 *   CRYPTO (OpenSSL failed internally)          -> TEE_ERROR_GENERIC
 * and, from the supplicant, a missing file      -> TEE_ERROR_ITEM_NOT_FOUND.
 * SECURITY tells a client "this is not an image this TEE will run"; the
 * exact reason belongs in the trusted OS's log (ta_image_strerror()), not
 * in a result an attacker can probe.
 *
 * Usage by a trusted OS: ta_image_parse() on the bytes it received (no
 * crypto, so it may run on anything), then ta_image_verify() with the
 * trusted public key, then ta_image_check_uuid() with the UUID the client
 * asked for.  Only then are img.elf / img.elf_size worth loading.
 */
#ifndef VTEE_TA_IMAGE_H
#define VTEE_TA_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#include <openssl/evp.h>

/* "VTSH" in file order: 'V' 'T' 'S' 'H' read as a little-endian u32. */
#define TA_IMAGE_MAGIC			0x48535456u
/* Layout version; a parser refuses any other. */
#define TA_IMAGE_VERSION		1u
/* img_type: an ELF64 shared object (ET_DYN) for x86-64, loaded by dlopen. */
#define TA_IMAGE_TYPE_ELF_X86_64	1u
/* The GP Internal Core API value of TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA256. */
#define TA_IMAGE_ALGO_RSA_PSS_SHA256	0x70414930u
#define TA_IMAGE_HASH_SIZE		32u	/* SHA-256 */
#define TA_IMAGE_SIG_MIN		256u	/* RSA-2048 */
#define TA_IMAGE_SIG_MAX		512u	/* RSA-4096 */
/* Larger ELF images are refused: no TA needs it, and it bounds the
 * memory a hostile file can make the trusted OS hash. */
#define TA_IMAGE_MAX_ELF_SIZE		(64u << 20)
#define TA_IMAGE_UUID_LEN		16u
/* Length of a canonical UUID string, without its NUL. */
#define TA_IMAGE_UUID_STR_LEN		36u

/* The fixed header exactly as stored (fields little-endian). */
struct ta_image_hdr {
	uint32_t magic;		/*  0: TA_IMAGE_MAGIC */
	uint32_t version;	/*  4: TA_IMAGE_VERSION */
	uint32_t img_type;	/*  8: TA_IMAGE_TYPE_ELF_X86_64 */
	uint32_t img_size;	/* 12: ELF size, 1..TA_IMAGE_MAX_ELF_SIZE */
	uint32_t algo;		/* 16: TA_IMAGE_ALGO_RSA_PSS_SHA256 */
	uint16_t hash_size;	/* 20: TA_IMAGE_HASH_SIZE */
	uint16_t sig_size;	/* 22: RSA modulus size in octets, 256..512 */
	uint8_t uuid[16];	/* 24: the TA's UUID, RFC 4122 octet order */
	uint32_t ta_version;	/* 40: the signer's version of this TA;
				 *     informational, for rollback checks */
	uint32_t flags;		/* 44: none defined yet: must be 0, so a
				 *     future flag cannot be silently ignored */
};

_Static_assert(sizeof(struct ta_image_hdr) == 48, "ta_image_hdr size");
_Static_assert(offsetof(struct ta_image_hdr, hash_size) == 20, "hash_size");
_Static_assert(offsetof(struct ta_image_hdr, uuid) == 24, "uuid");
_Static_assert(offsetof(struct ta_image_hdr, flags) == 44, "flags");

/*
 * A parsed image.  Pointers refer into the buffer given to
 * ta_image_parse(), which must outlive this struct; numbers are in host
 * order.
 */
struct ta_image {
	const uint8_t *hdr;	/* the 48 header octets, as hashed */
	uint32_t version;
	uint32_t img_type;
	uint32_t algo;
	uint32_t ta_version;
	uint8_t uuid[TA_IMAGE_UUID_LEN];
	const uint8_t *hash;
	size_t hash_size;
	const uint8_t *sig;
	size_t sig_size;
	const uint8_t *elf;	/* the TA's ELF image */
	size_t elf_offset;	/* its offset in the file */
	size_t elf_size;
};

/* Results: 0 or one of these; each failure has its own code. */
enum ta_image_err {
	TA_IMAGE_E_TRUNCATED = -1,	/* shorter than its header says */
	TA_IMAGE_E_MAGIC = -2,		/* not a signed TA image */
	TA_IMAGE_E_VERSION = -3,	/* unsupported header version */
	TA_IMAGE_E_TYPE = -4,		/* unsupported image type */
	TA_IMAGE_E_ALGO = -5,		/* unsupported signature algorithm */
	TA_IMAGE_E_HASH_SIZE = -6,	/* hash size does not fit the algo */
	TA_IMAGE_E_SIG_SIZE = -7,	/* signature size out of range */
	TA_IMAGE_E_FLAGS = -8,		/* unknown flags set */
	TA_IMAGE_E_SIZE = -9,		/* image size out of range, or bytes
					 * after the image */
	TA_IMAGE_E_HASH = -10,		/* content does not match the hash */
	TA_IMAGE_E_SIGNATURE = -11,	/* signature invalid for this key */
	TA_IMAGE_E_UUID = -12,		/* signed for another UUID */
	TA_IMAGE_E_ELF = -13,		/* not an x86-64 ELF shared object */
	TA_IMAGE_E_KEY = -14,		/* key not RSA of 2048..4096 bits */
	TA_IMAGE_E_NOMEM = -15,
	TA_IMAGE_E_CRYPTO = -16,	/* OpenSSL failed internally */
};

/*
 * Checks the structure of `len` bytes at `buf` without any cryptography:
 * magic, version, type, algorithm, hash and signature sizes, flags, image
 * size, and that the file is exactly header + hash + signature + image.
 * On success fills `out` (pointing into buf) and returns 0.
 */
int ta_image_parse(const uint8_t *buf, size_t len, struct ta_image *out);

/*
 * Authenticates a parsed image with the trusted public key `pub`: the
 * signature over the stored hash (RSASSA-PSS, SHA-256, salt 32), then the
 * hash over header and ELF, then that the ELF identifies itself as an
 * x86-64 shared object.  Returns 0 or TA_IMAGE_E_{KEY, SIGNATURE, HASH,
 * ELF, NOMEM, CRYPTO}.
 */
int ta_image_verify(const struct ta_image *img, EVP_PKEY *pub);

/* 0 if `img` was signed for `uuid` (16 RFC-order octets), else
 * TA_IMAGE_E_UUID: a validly signed TA must not stand in for another. */
int ta_image_check_uuid(const struct ta_image *img, const uint8_t *uuid);

/* A short description of a result of this API, for log lines. */
const char *ta_image_strerror(int err);

/*
 * Builds a signed image of `elf` (elf_size octets, an x86-64 ELF shared
 * object) for `uuid` and `ta_version` with the private key `key`.  On
 * success *out is a malloc()ed buffer of *out_len octets that the caller
 * frees.  Returns 0 or TA_IMAGE_E_{KEY, ELF, SIZE, NOMEM, CRYPTO}.
 */
int ta_image_sign(EVP_PKEY *key, const uint8_t *uuid, uint32_t ta_version,
		  const uint8_t *elf, size_t elf_size,
		  uint8_t **out, size_t *out_len);

/*
 * Read a PEM public key (SubjectPublicKeyInfo) or an unencrypted PEM
 * private key.  NULL on failure with errno set: the file's open error, or
 * EBADMSG if it holds no such key.  Free with EVP_PKEY_free().
 */
EVP_PKEY *ta_image_load_pubkey(const char *pem_path);
EVP_PKEY *ta_image_load_privkey(const char *pem_path);

/* Writes the canonical lower-case form of 16 RFC-order octets into `str`
 * (TA_IMAGE_UUID_STR_LEN + 1 octets). */
void ta_image_uuid_to_str(const uint8_t *uuid, char *str);

/* Parses "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (either case) into 16
 * RFC-order octets.  0, or -1 if `str` is not exactly that. */
int ta_image_uuid_from_str(const char *str, uint8_t *uuid);

#endif /* VTEE_TA_IMAGE_H */
