/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Sealed storage formats: what trusted storage writes into the normal
 * world's files (docs/storage-format.md).  Two kinds of file, each
 *
 *   header (plain, authenticated) | nonce (12) | ciphertext | tag (16)
 *
 * sealed with AES-256-GCM: a directory (the volume key; every object's
 * id, file number, generation and file key) and an object file (its own
 * random file key; type, sizes, usage, attributes and data).  The header
 * binds what a file claims to be (kind, counter or file number and
 * generation), so a file that is swapped, truncated, flipped, rolled
 * back or taken from another TA fails to open.  Opening never trusts a
 * byte it has not authenticated, and every length is checked first.
 */
#ifndef VTEE_SECURE_SFMT_H
#define VTEE_SECURE_SFMT_H

#include <stddef.h>
#include <stdint.h>

#define SFMT_KEY_SIZE	32
#define SFMT_ID_MAX	64		/* TEE_OBJECT_ID_MAX_LEN */
/* The largest sealed file either kind may be: bounds every allocation
 * made for what a file claims. */
#define SFMT_FILE_MAX	((size_t)64 << 20)
/* Object plaintext is padded to this, so file sizes tell little. */
#define SFMT_PAD	256

struct sfmt_dir_entry {
	uint8_t id[SFMT_ID_MAX];
	uint32_t id_len;
	uint64_t file_no;	/* names the object's files */
	uint64_t gen;		/* the object file's current generation */
	uint8_t fek[SFMT_KEY_SIZE];
};

/* The directory file's size for n entries. */
size_t sfmt_dir_size(size_t n);
/* Seals entries under key with a fresh nonce into out (sfmt_dir_size(n)
 * bytes).  0, or -1 if the crypto library failed. */
int sfmt_dir_seal(const uint8_t key[SFMT_KEY_SIZE], uint64_t counter,
		  const struct sfmt_dir_entry *e, size_t n, uint8_t *out);
/*
 * Opens a directory file: 0 with *counter, and *entries (malloc'd, *n of
 * them, ids unique) on success; -EBADMSG if anything is wrong with it;
 * -ENOMEM.
 */
int sfmt_dir_open(const uint8_t key[SFMT_KEY_SIZE], const uint8_t *buf,
		  size_t len, uint64_t *counter,
		  struct sfmt_dir_entry **entries, size_t *n);

/* What an object file holds besides its attribute blob and data. */
struct sfmt_obj_meta {
	uint32_t type;
	uint32_t object_size;
	uint32_t max_object_size;
	uint32_t usage;
	uint32_t blob_len;
	uint64_t data_len;
};

/* The object file's size; 0 if it would exceed SFMT_FILE_MAX. */
size_t sfmt_obj_size(uint32_t blob_len, uint64_t data_len);
/* Seals meta, blob (meta->blob_len bytes) and data (meta->data_len) into
 * out (sfmt_obj_size() bytes).  0 or -1. */
int sfmt_obj_seal(const uint8_t fek[SFMT_KEY_SIZE], uint64_t file_no,
		  uint64_t gen, const struct sfmt_obj_meta *meta,
		  const uint8_t *blob, const uint8_t *data, uint8_t *out);
/*
 * Opens an object file that must be generation gen of file file_no:
 * 0 with *meta and *plain (malloc'd: the blob, then the data); -EBADMSG
 * if anything is wrong with it; -ENOMEM.
 */
int sfmt_obj_open(const uint8_t fek[SFMT_KEY_SIZE], uint64_t file_no,
		  uint64_t gen, const uint8_t *buf, size_t len,
		  struct sfmt_obj_meta *meta, uint8_t **plain);

#endif /* VTEE_SECURE_SFMT_H */
