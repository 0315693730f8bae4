// SPDX-License-Identifier: BSD-2-Clause
/*
 * Writes the seed corpus of fuzz_storage_format (fuzz_storage_format.h):
 * valid sealed directory and object files, sealed here byte by byte from
 * the format in docs/storage.md with OpenSSL's AES-256-GCM rather than
 * by the code under test (so a drift of either shows), and plaintext-mode
 * inputs: directories with valid, duplicate and oversized ids, objects
 * of sizes at and around the padding boundary.
 */
#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>

#include "fuzz_storage_format.h"
#include "seed_file.h"

#define NONCE_SIZE	12
#define TAG_SIZE	16
#define PAD		256

struct seed {
	uint8_t bytes[16384];
	size_t len;
};

static void put(struct seed *s, uint64_t v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		s->bytes[s->len++] = (uint8_t)(v >> (8 * i));
}

static void put_bytes(struct seed *s, const void *p, size_t n)
{
	memcpy(s->bytes + s->len, p, n);
	s->len += n;
}

static void head(struct seed *s, enum fsf_mode mode, uint8_t key,
		 uint8_t file, uint32_t flip)
{
	s->len = 0;
	put(s, mode, 1);
	put(s, key, 1);
	put(s, file, 1);
	put(s, 0, 1);
	put(s, flip, 4);
}

/* Seals the plain bytes after the header already at s->bytes[hdr]. */
static int seal(struct seed *s, size_t hdr, uint8_t key_index,
		const uint8_t *plain, size_t len)
{
	uint8_t key[32], *nonce, *ct;
	EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
	int out, ok;

	for (unsigned int i = 0; i < sizeof(key); i++)
		key[i] = fsf_key_byte(key_index, i);
	nonce = s->bytes + s->len;
	for (int i = 0; i < NONCE_SIZE; i++)
		nonce[i] = (uint8_t)(0xa0 + i);
	ct = nonce + NONCE_SIZE;
	ok = c && EVP_EncryptInit_ex(c, EVP_aes_256_gcm(), NULL, key, nonce) &&
	     EVP_EncryptUpdate(c, NULL, &out, s->bytes + hdr,
			       (int)(s->len - hdr)) &&
	     EVP_EncryptUpdate(c, ct, &out, plain, (int)len) &&
	     EVP_EncryptFinal_ex(c, ct + len, &out) &&
	     EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, TAG_SIZE, ct + len);
	EVP_CIPHER_CTX_free(c);
	s->len += NONCE_SIZE + len + TAG_SIZE;
	return ok ? 0 : -1;
}

static int seed_write(const char *dir, const char *name, const struct seed *s)
{
	return seed_file_write(dir, name, s->bytes, s->len);
}

/* Entry i of a directory, in the plaintext mode's layout or the sealed
 * file's (id length 4 bytes instead of 1). */
static void put_entry(struct seed *s, unsigned int i, size_t id_len,
		      size_t len_size)
{
	uint8_t id[64] = { 0 }, fek[32];

	snprintf((char *)id, sizeof(id), "object-%u", i);
	memset(fek, 0x30 + (int)i, sizeof(fek));
	put(s, id_len, len_size);
	put_bytes(s, id, sizeof(id));
	put(s, 0x1000 + i, 8);		/* file number */
	put(s, i + 1, 8);		/* generation */
	put_bytes(s, fek, sizeof(fek));
}

static int seed_dir_file(const char *dir, const char *name, uint8_t key,
			 unsigned int n)
{
	struct seed s, plain = { .len = 0 };
	size_t hdr;

	put(&plain, n, 4);
	put(&plain, 0, 4);
	for (unsigned int i = 0; i < n; i++)
		put_entry(&plain, i, 8, 4);
	head(&s, FSF_DIR_FILE, key, 0, 0);
	hdr = s.len;
	put_bytes(&s, "VTSD", 4);
	put(&s, 1, 4);			/* version */
	put(&s, 7 + n, 8);		/* counter */
	put(&s, plain.len, 4);
	put(&s, 0, 4);
	return seal(&s, hdr, key, plain.bytes, plain.len) ||
	       seed_write(dir, name, &s);
}

/* blob_len bytes of 'b', then data_len bytes of 'd' */
static void put_obj_plain(struct seed *s, size_t blob_len, size_t data_len,
			  size_t len_size)
{
	put(s, 0xa0000010, 4);		/* TEE_TYPE_AES */
	put(s, 256, 4);
	put(s, 256, 4);
	put(s, 0xffffffff, 4);
	put(s, blob_len, len_size);
	if (len_size == 4) {
		put(s, 0, 4);
		put(s, data_len, 8);
	}
	memset(s->bytes + s->len, 'b', blob_len);
	s->len += blob_len;
	memset(s->bytes + s->len, 'd', data_len);
	s->len += data_len;
}

static int seed_obj_file(const char *dir, const char *name, uint8_t key,
			 uint8_t file, size_t blob_len, size_t data_len)
{
	struct seed s, plain = { .len = 0 };
	size_t hdr, padded;

	put_obj_plain(&plain, blob_len, data_len, 4);
	padded = (plain.len + PAD - 1) / PAD * PAD;
	memset(plain.bytes + plain.len, 0, padded - plain.len);
	plain.len = padded;
	head(&s, FSF_OBJ_FILE, key, file, 0);
	hdr = s.len;
	put_bytes(&s, "VTSO", 4);
	put(&s, 1, 4);			/* version */
	put(&s, fsf_files[file].file_no, 8);
	put(&s, fsf_files[file].gen, 8);
	put(&s, plain.len, 8);
	return seal(&s, hdr, key, plain.bytes, plain.len) ||
	       seed_write(dir, name, &s);
}

static int seeds_files(const char *dir)
{
	return seed_dir_file(dir, "dir_file_empty", 0, 0) ||
	       seed_dir_file(dir, "dir_file_three", 1, 3) ||
	       seed_obj_file(dir, "obj_file_empty", 0, 0, 0, 0) ||
	       seed_obj_file(dir, "obj_file_small", 1, 1, 40, 100) ||
	       /* meta, blob and data fill one padding unit exactly */
	       seed_obj_file(dir, "obj_file_full_pad", 0, 2, 24, 200) ||
	       seed_obj_file(dir, "obj_file_two_pads", 1, 3, 0, 225);
}

static int seeds_plain(const char *dir)
{
	struct seed s;
	int rc = 0;

	head(&s, FSF_DIR_PLAIN, 0, 0, 77);
	put(&s, 41, 8);			/* counter */
	for (unsigned int i = 0; i < 3; i++)
		put_entry(&s, i, i == 2 ? 64 : 8, 1);
	rc |= seed_write(dir, "dir_plain", &s);
	/* an id longer than the format's */
	s.bytes[sizeof(struct fsf_head) + 8 + FSF_DIR_ENTRY] = 65;
	rc |= seed_write(dir, "dir_plain_long_id", &s);
	/* entry 2 repeats entry 0's id */
	head(&s, FSF_DIR_PLAIN, 1, 0, 5);
	put(&s, 0, 8);
	for (unsigned int i = 0; i < 3; i++)
		put_entry(&s, i, 8, 1);
	memcpy(s.bytes + sizeof(struct fsf_head) + 8 + 2 * FSF_DIR_ENTRY + 1,
	       "object-0", 8);
	rc |= seed_write(dir, "dir_plain_dup_id", &s);
	head(&s, FSF_OBJ_PLAIN, 0, 1, 1000);
	put_obj_plain(&s, 40, 100, 2);
	rc |= seed_write(dir, "obj_plain", &s);
	head(&s, FSF_OBJ_PLAIN, 1, 2, 3);
	put_obj_plain(&s, 0, 224, 2);
	rc |= seed_write(dir, "obj_plain_full_pad", &s);
	head(&s, FSF_OBJ_PLAIN, 0, 3, 0);
	put_obj_plain(&s, 0, 0, 2);
	rc |= seed_write(dir, "obj_plain_empty", &s);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s DIR\n", argv[0]);
		return 2;
	}
	return seeds_files(argv[1]) || seeds_plain(argv[1]) ? 1 : 0;
}
