// SPDX-License-Identifier: BSD-2-Clause
#include "sfmt.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#define NONCE_SIZE	12
#define TAG_SIZE	16
#define VERSION		1

#define DIR_HDR_SIZE	24	/* "VTSD", version, counter, ct_len, 0 */
#define DIR_ENTRY_SIZE	116	/* id_len, id[64], file_no, gen, fek */
#define DIR_LIST_HDR	8	/* n, 0 */
#define OBJ_HDR_SIZE	32	/* "VTSO", version, file_no, gen, ct_len */
#define OBJ_META_SIZE	32

static void put32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static void put64(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static uint32_t get32(const uint8_t *p)
{
	uint32_t v = 0;

	for (int i = 3; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static uint64_t get64(const uint8_t *p)
{
	return get32(p) | (uint64_t)get32(p + 4) << 32;
}

/* AES-256-GCM over plain (in place into ct); aad is the plain header. */
static int gcm_seal(const uint8_t *key, const uint8_t *aad, size_t aad_len,
		    const uint8_t *plain, size_t len, uint8_t *nonce,
		    uint8_t *ct, uint8_t *tag)
{
	EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
	int out, ok;

	ok = c && RAND_bytes(nonce, NONCE_SIZE) == 1 &&
	     EVP_EncryptInit_ex(c, EVP_aes_256_gcm(), NULL, key, nonce) &&
	     EVP_EncryptUpdate(c, NULL, &out, aad, (int)aad_len) &&
	     (!len || EVP_EncryptUpdate(c, ct, &out, plain, (int)len)) &&
	     EVP_EncryptFinal_ex(c, ct + len, &out) &&
	     EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, TAG_SIZE, tag);
	EVP_CIPHER_CTX_free(c);
	return ok ? 0 : -1;
}

static int gcm_open(const uint8_t *key, const uint8_t *aad, size_t aad_len,
		    const uint8_t *nonce, const uint8_t *ct, size_t len,
		    const uint8_t *tag, uint8_t *plain)
{
	EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
	int out, ok;

	ok = c && EVP_DecryptInit_ex(c, EVP_aes_256_gcm(), NULL, key, nonce) &&
	     EVP_DecryptUpdate(c, NULL, &out, aad, (int)aad_len) &&
	     (!len || EVP_DecryptUpdate(c, plain, &out, ct, (int)len)) &&
	     EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, TAG_SIZE,
				 (void *)tag) &&
	     EVP_DecryptFinal_ex(c, plain + len, &out) > 0;
	EVP_CIPHER_CTX_free(c);
	return ok ? 0 : -EBADMSG;
}

/* Seals plain after a header of hdr_len bytes already in out. */
static int seal_after_header(const uint8_t *key, uint8_t *out, size_t hdr_len,
			     const uint8_t *plain, size_t len)
{
	uint8_t *nonce = out + hdr_len, *ct = nonce + NONCE_SIZE;

	return gcm_seal(key, out, hdr_len, plain, len, nonce, ct, ct + len);
}

/* Opens the ct_len bytes after a header; *plain is malloc'd. */
static int open_after_header(const uint8_t *key, const uint8_t *buf,
			     size_t hdr_len, size_t ct_len, uint8_t **plain)
{
	const uint8_t *nonce = buf + hdr_len, *ct = nonce + NONCE_SIZE;
	uint8_t *p = malloc(ct_len ? ct_len : 1);
	int rc;

	if (!p)
		return -ENOMEM;
	rc = gcm_open(key, buf, hdr_len, nonce, ct, ct_len, ct + ct_len, p);
	if (rc) {
		free(p);
		return rc;
	}
	*plain = p;
	return 0;
}

/* ------------------------------------------------------------ dirs */
size_t sfmt_dir_size(size_t n)
{
	return DIR_HDR_SIZE + NONCE_SIZE + DIR_LIST_HDR + n * DIR_ENTRY_SIZE +
	       TAG_SIZE;
}

static void put_entry(uint8_t *p, const struct sfmt_dir_entry *e)
{
	put32(p, e->id_len);
	memcpy(p + 4, e->id, SFMT_ID_MAX);
	put64(p + 68, e->file_no);
	put64(p + 76, e->gen);
	memcpy(p + 84, e->fek, SFMT_KEY_SIZE);
}

int sfmt_dir_seal(const uint8_t key[SFMT_KEY_SIZE], uint64_t counter,
		  const struct sfmt_dir_entry *e, size_t n, uint8_t *out)
{
	size_t ct_len = DIR_LIST_HDR + n * DIR_ENTRY_SIZE;
	uint8_t *plain = calloc(1, ct_len);
	int rc;

	if (!plain)
		return -1;
	put32(plain, (uint32_t)n);
	for (size_t i = 0; i < n; i++)
		put_entry(plain + DIR_LIST_HDR + i * DIR_ENTRY_SIZE, &e[i]);
	memcpy(out, "VTSD", 4);
	put32(out + 4, VERSION);
	put64(out + 8, counter);
	put32(out + 16, (uint32_t)ct_len);
	put32(out + 20, 0);
	rc = seal_after_header(key, out, DIR_HDR_SIZE, plain, ct_len);
	OPENSSL_cleanse(plain, ct_len);
	free(plain);
	return rc;
}

static bool entry_valid(const uint8_t *p, struct sfmt_dir_entry *e)
{
	e->id_len = get32(p);
	if (e->id_len > SFMT_ID_MAX)
		return false;
	memcpy(e->id, p + 4, SFMT_ID_MAX);
	e->file_no = get64(p + 68);
	e->gen = get64(p + 76);
	memcpy(e->fek, p + 84, SFMT_KEY_SIZE);
	return true;
}

static bool ids_unique(const struct sfmt_dir_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if ((e[i].id_len == e[j].id_len &&
			     !memcmp(e[i].id, e[j].id, e[i].id_len)) ||
			    e[i].file_no == e[j].file_no)
				return false;
	return true;
}

static int parse_entries(const uint8_t *plain, size_t len,
			 struct sfmt_dir_entry **entries, size_t *n)
{
	size_t count = get32(plain);
	struct sfmt_dir_entry *e;

	if (get32(plain + 4) || count != (len - DIR_LIST_HDR) / DIR_ENTRY_SIZE ||
	    (len - DIR_LIST_HDR) % DIR_ENTRY_SIZE)
		return -EBADMSG;
	e = calloc(count ? count : 1, sizeof(*e));
	if (!e)
		return -ENOMEM;
	for (size_t i = 0; i < count; i++)
		if (!entry_valid(plain + DIR_LIST_HDR + i * DIR_ENTRY_SIZE,
				 &e[i]))
			goto bad;
	if (!ids_unique(e, count))
		goto bad;
	*entries = e;
	*n = count;
	return 0;
bad:
	OPENSSL_cleanse(e, count * sizeof(*e));
	free(e);
	return -EBADMSG;
}

int sfmt_dir_open(const uint8_t key[SFMT_KEY_SIZE], const uint8_t *buf,
		  size_t len, uint64_t *counter,
		  struct sfmt_dir_entry **entries, size_t *n)
{
	size_t ct_len;
	uint8_t *plain;
	int rc;

	if (len < sfmt_dir_size(0) || len > SFMT_FILE_MAX ||
	    memcmp(buf, "VTSD", 4) || get32(buf + 4) != VERSION ||
	    get32(buf + 20))
		return -EBADMSG;
	ct_len = get32(buf + 16);
	if (ct_len < DIR_LIST_HDR ||
	    len != DIR_HDR_SIZE + NONCE_SIZE + ct_len + TAG_SIZE)
		return -EBADMSG;
	rc = open_after_header(key, buf, DIR_HDR_SIZE, ct_len, &plain);
	if (rc)
		return rc;
	rc = parse_entries(plain, ct_len, entries, n);
	if (!rc)
		*counter = get64(buf + 8);
	OPENSSL_cleanse(plain, ct_len);
	free(plain);
	return rc;
}

/* --------------------------------------------------------- objects */
static size_t obj_plain_size(uint32_t blob_len, uint64_t data_len)
{
	uint64_t raw = OBJ_META_SIZE + (uint64_t)blob_len + data_len;

	if (data_len > SFMT_FILE_MAX || raw > SFMT_FILE_MAX)
		return 0;
	return (size_t)((raw + SFMT_PAD - 1) / SFMT_PAD * SFMT_PAD);
}

size_t sfmt_obj_size(uint32_t blob_len, uint64_t data_len)
{
	size_t plain = obj_plain_size(blob_len, data_len);
	size_t total = OBJ_HDR_SIZE + NONCE_SIZE + plain + TAG_SIZE;

	return plain && total <= SFMT_FILE_MAX ? total : 0;
}

static void put_obj_header(uint8_t *out, uint64_t file_no, uint64_t gen,
			   size_t ct_len)
{
	memcpy(out, "VTSO", 4);
	put32(out + 4, VERSION);
	put64(out + 8, file_no);
	put64(out + 16, gen);
	put64(out + 24, ct_len);
}

int sfmt_obj_seal(const uint8_t fek[SFMT_KEY_SIZE], uint64_t file_no,
		  uint64_t gen, const struct sfmt_obj_meta *meta,
		  const uint8_t *blob, const uint8_t *data, uint8_t *out)
{
	size_t len = obj_plain_size(meta->blob_len, meta->data_len);
	uint8_t *plain = len ? calloc(1, len) : NULL;
	int rc;

	if (!plain)
		return -1;
	put32(plain, meta->type);
	put32(plain + 4, meta->object_size);
	put32(plain + 8, meta->max_object_size);
	put32(plain + 12, meta->usage);
	put32(plain + 16, meta->blob_len);
	put64(plain + 24, meta->data_len);
	if (meta->blob_len)
		memcpy(plain + OBJ_META_SIZE, blob, meta->blob_len);
	if (meta->data_len)
		memcpy(plain + OBJ_META_SIZE + meta->blob_len, data,
		       meta->data_len);
	put_obj_header(out, file_no, gen, len);
	rc = seal_after_header(fek, out, OBJ_HDR_SIZE, plain, len);
	OPENSSL_cleanse(plain, len);
	free(plain);
	return rc;
}

static bool zeros(const uint8_t *p, size_t len)
{
	uint8_t acc = 0;

	for (size_t i = 0; i < len; i++)
		acc |= p[i];
	return !acc;
}

/* The plaintext's own claims, checked against its length. */
static int parse_meta(const uint8_t *plain, size_t len,
		      struct sfmt_obj_meta *meta)
{
	meta->type = get32(plain);
	meta->object_size = get32(plain + 4);
	meta->max_object_size = get32(plain + 8);
	meta->usage = get32(plain + 12);
	meta->blob_len = get32(plain + 16);
	meta->data_len = get64(plain + 24);
	if (get32(plain + 20) ||
	    obj_plain_size(meta->blob_len, meta->data_len) != len)
		return -EBADMSG;
	/* the padding is zeros: nothing unaccounted for hides in it */
	if (!zeros(plain + OBJ_META_SIZE + meta->blob_len + meta->data_len,
		   len - OBJ_META_SIZE - meta->blob_len - meta->data_len))
		return -EBADMSG;
	return 0;
}

int sfmt_obj_open(const uint8_t fek[SFMT_KEY_SIZE], uint64_t file_no,
		  uint64_t gen, const uint8_t *buf, size_t len,
		  struct sfmt_obj_meta *meta, uint8_t **plain)
{
	uint64_t ct_len;
	uint8_t *p;
	int rc;

	if (len < OBJ_HDR_SIZE + NONCE_SIZE + OBJ_META_SIZE + TAG_SIZE ||
	    len > SFMT_FILE_MAX || memcmp(buf, "VTSO", 4) ||
	    get32(buf + 4) != VERSION || get64(buf + 8) != file_no ||
	    get64(buf + 16) != gen)
		return -EBADMSG;
	ct_len = get64(buf + 24);
	if (ct_len < OBJ_META_SIZE || ct_len % SFMT_PAD ||
	    len != OBJ_HDR_SIZE + NONCE_SIZE + ct_len + TAG_SIZE)
		return -EBADMSG;
	rc = open_after_header(fek, buf, OBJ_HDR_SIZE, (size_t)ct_len, &p);
	if (rc)
		return rc;
	rc = parse_meta(p, (size_t)ct_len, meta);
	if (rc) {
		OPENSSL_cleanse(p, (size_t)ct_len);
		free(p);
		return rc;
	}
	/* hand back blob then data, without the meta in front */
	memmove(p, p + OBJ_META_SIZE, meta->blob_len + meta->data_len);
	/* the move left the plaintext's last bytes twice: wipe the copy the
	 * caller does not know of (it wipes only blob and data) */
	OPENSSL_cleanse(p + meta->blob_len + meta->data_len, OBJ_META_SIZE);
	*plain = p;
	return 0;
}
