// SPDX-License-Identifier: BSD-2-Clause
/*
 * libFuzzer target for the sealed storage formats (src/secure/storage/
 * sfmt.c): directory and object files come back from the normal world,
 * which may have changed any byte.  Input: fuzz_storage_format.h.
 *
 * A sealed file is any bytes (FSF_*_FILE): opened, it must answer 0,
 * -EBADMSG or -ENOMEM, and what it accepts must be a well-formed
 * directory or object that seals and opens back to the same thing.
 * Mutations rarely get past the GCM tag, so the plaintext modes
 * (FSF_*_PLAIN) take the fields from the input, seal them and check that
 *  - a directory opens iff its ids fit and ids and file numbers are
 *    unique, and then gives back exactly the entries and counter sealed;
 *  - an object opens with exactly the meta, blob and data sealed, and
 *    nothing of the plaintext is left in the buffer past them;
 *  - the file no longer opens with another key, file number or
 *    generation, one bit flipped (chosen by the input) or a byte short.
 * sfmt.c is compiled into this program with the fuzzer's instrumentation.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_storage_format.h"
#include "sfmt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FILE_OVERHEAD	(12 + 16)	/* nonce, tag */
#define DIR_HDR		24
#define OBJ_HDR		32

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_storage_format: %s\n", what);
	abort();
}

static uint64_t get_le(const uint8_t *p, size_t n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

static void key_of(unsigned int k, uint8_t key[SFMT_KEY_SIZE])
{
	for (unsigned int i = 0; i < SFMT_KEY_SIZE; i++)
		key[i] = fsf_key_byte(k, i);
}

static void check_rc(int rc)
{
	if (rc && rc != -EBADMSG && rc != -ENOMEM)
		fail("open answered something else than 0, EBADMSG, ENOMEM");
}

/* A copy of exactly len bytes, so ASan sees any read past the end. */
static uint8_t *dup_exact(const uint8_t *p, size_t len)
{
	uint8_t *c = malloc(len ? len : 1);

	if (!c)
		fail("out of memory");
	if (len)
		memcpy(c, p, len);
	return c;
}

/* ------------------------------------------------------ directories */
static bool same_entry(const struct sfmt_dir_entry *a,
		       const struct sfmt_dir_entry *b)
{
	return a->id_len == b->id_len && !memcmp(a->id, b->id, SFMT_ID_MAX) &&
	       a->file_no == b->file_no && a->gen == b->gen &&
	       !memcmp(a->fek, b->fek, SFMT_KEY_SIZE);
}

/* What the format says a directory may hold. */
static bool model_dir_ok(const struct sfmt_dir_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (e[i].id_len > SFMT_ID_MAX)
			return false;
		for (size_t j = 0; j < i; j++)
			if (e[j].file_no == e[i].file_no ||
			    (e[j].id_len == e[i].id_len &&
			     !memcmp(e[j].id, e[i].id, e[i].id_len)))
				return false;
	}
	return true;
}

/* Seals (key, counter, e[n]); the file, malloc'd, of *len bytes. */
static uint8_t *dir_seal(const uint8_t *key, uint64_t counter,
			 const struct sfmt_dir_entry *e, size_t n, size_t *len)
{
	uint8_t *out;

	*len = sfmt_dir_size(n);
	out = malloc(*len);
	if (!out)
		fail("out of memory");
	if (sfmt_dir_seal(key, counter, e, n, out))
		fail("sealing a directory failed");
	if (memcmp(out, "VTSD", 4) ||
	    get_le(out + 16, 4) != *len - DIR_HDR - FILE_OVERHEAD)
		fail("a sealed directory's header is not the format's");
	return out;
}

/* Opens a file that must be refused (another key, a flip, ...). */
static void dir_refused(const uint8_t *key, const uint8_t *buf, size_t len,
			const char *why)
{
	struct sfmt_dir_entry *e = NULL;
	uint64_t counter;
	size_t n;
	uint8_t *copy = dup_exact(buf, len);
	int rc = sfmt_dir_open(key, copy, len, &counter, &e, &n);

	free(copy);
	if (rc == -ENOMEM)
		return;
	if (rc != -EBADMSG)
		fail(why);
}

/* Seals e[n], opens it and checks what comes back; then spoils it. */
static void dir_round_trip(unsigned int k, uint64_t counter,
			   const struct sfmt_dir_entry *e, size_t n,
			   uint32_t flip)
{
	uint8_t key[SFMT_KEY_SIZE], other[SFMT_KEY_SIZE];
	struct sfmt_dir_entry *got = NULL;
	uint64_t got_counter = 0;
	size_t len, got_n = 0;
	uint8_t *file;
	bool ok = model_dir_ok(e, n);
	int rc;

	key_of(k, key);
	key_of(k + 1, other);
	file = dir_seal(key, counter, e, n, &len);
	rc = sfmt_dir_open(key, file, len, &got_counter, &got, &got_n);
	check_rc(rc);
	if (rc == -ENOMEM)
		goto out;
	if (!ok != (rc == -EBADMSG))
		fail(ok ? "a valid directory was refused" :
			  "a directory with a bad or duplicate id or file "
			  "number was accepted");
	if (!rc) {
		if (got_counter != counter || got_n != n)
			fail("a directory's counter or count changed");
		for (size_t i = 0; i < n; i++)
			if (!same_entry(&got[i], &e[i]))
				fail("a directory entry changed");
		free(got);
	}
	dir_refused(other, file, len, "a directory opened with another key");
	dir_refused(key, file, len - 1, "a truncated directory opened");
	file[(flip / 8) % len] ^= (uint8_t)(1u << (flip % 8));
	dir_refused(key, file, len, "a directory with a flipped bit opened");
out:
	free(file);
}

static void dir_plain(unsigned int k, const uint8_t *p, size_t len,
		      uint32_t flip)
{
	size_t n = len < 8 ? 0 : (len - 8) / FSF_DIR_ENTRY;
	struct sfmt_dir_entry *e = calloc(n ? n : 1, sizeof(*e));
	uint64_t counter = len < 8 ? 0 : get_le(p, 8);

	if (!e)
		fail("out of memory");
	for (size_t i = 0; i < n; i++) {
		const uint8_t *q = p + 8 + i * FSF_DIR_ENTRY;

		e[i].id_len = q[0];
		memcpy(e[i].id, q + 1, SFMT_ID_MAX);
		e[i].file_no = get_le(q + 65, 8);
		e[i].gen = get_le(q + 73, 8);
		memcpy(e[i].fek, q + 81, SFMT_KEY_SIZE);
	}
	dir_round_trip(k, counter, e, n, flip);
	free(e);
}

static void dir_file(unsigned int k, const uint8_t *buf, size_t len)
{
	uint8_t key[SFMT_KEY_SIZE];
	struct sfmt_dir_entry *e = NULL;
	uint64_t counter = 0;
	size_t n = 0;
	int rc;

	key_of(k, key);
	rc = sfmt_dir_open(key, buf, len, &counter, &e, &n);
	check_rc(rc);
	if (rc)
		return;
	if (len != sfmt_dir_size(n) || !model_dir_ok(e, n))
		fail("an accepted directory is not well formed");
	dir_round_trip(k, counter, e, n, 0);
	free(e);
}

/* ---------------------------------------------------------- objects */
static bool same_meta(const struct sfmt_obj_meta *a,
		      const struct sfmt_obj_meta *b)
{
	return a->type == b->type && a->object_size == b->object_size &&
	       a->max_object_size == b->max_object_size &&
	       a->usage == b->usage && a->blob_len == b->blob_len &&
	       a->data_len == b->data_len;
}

static void obj_refused(const uint8_t *fek, uint64_t file_no, uint64_t gen,
			const uint8_t *buf, size_t len, const char *why)
{
	struct sfmt_obj_meta meta;
	uint8_t *plain = NULL;
	uint8_t *copy = dup_exact(buf, len);
	int rc = sfmt_obj_open(fek, file_no, gen, copy, len, &meta, &plain);

	free(copy);
	if (rc == -ENOMEM)
		return;
	if (rc != -EBADMSG)
		fail(why);
}

/* The opened plaintext: blob then data, and only zeros after them up to
 * the plaintext's size (the rest of the file), so no copy of meta, blob
 * or data is left behind in memory the caller does not know of. */
static void check_plain(const uint8_t *plain, size_t file_len,
			const struct sfmt_obj_meta *meta, const uint8_t *blob,
			const uint8_t *data)
{
	size_t used = meta->blob_len + (size_t)meta->data_len;
	size_t cap = file_len - OBJ_HDR - FILE_OVERHEAD;

	if (memcmp(plain, blob, meta->blob_len) ||
	    memcmp(plain + meta->blob_len, data, (size_t)meta->data_len))
		fail("an object's blob or data changed");
	for (size_t i = used; i < cap; i++)
		if (plain[i])
			fail("plaintext left in the buffer past blob and data");
}

static void obj_round_trip(unsigned int k, unsigned int f,
			   const struct sfmt_obj_meta *meta,
			   const uint8_t *blob, const uint8_t *data,
			   uint32_t flip)
{
	uint64_t file_no = fsf_files[f].file_no, gen = fsf_files[f].gen;
	uint8_t key[SFMT_KEY_SIZE], other[SFMT_KEY_SIZE];
	size_t len = sfmt_obj_size(meta->blob_len, meta->data_len);
	struct sfmt_obj_meta got;
	uint8_t *file, *plain = NULL;
	int rc;

	if (!len)
		fail("a small object has no file size");
	key_of(k, key);
	key_of(k + 1, other);
	file = malloc(len);
	if (!file)
		fail("out of memory");
	if (sfmt_obj_seal(key, file_no, gen, meta, blob, data, file))
		fail("sealing an object failed");
	if (memcmp(file, "VTSO", 4) || get_le(file + 8, 8) != file_no ||
	    get_le(file + 16, 8) != gen ||
	    get_le(file + 24, 8) != len - OBJ_HDR - FILE_OVERHEAD ||
	    (len - OBJ_HDR - FILE_OVERHEAD) % SFMT_PAD)
		fail("a sealed object's header is not the format's");
	rc = sfmt_obj_open(key, file_no, gen, file, len, &got, &plain);
	check_rc(rc);
	if (rc == -EBADMSG)
		fail("a sealed object was refused");
	if (!rc) {
		if (!same_meta(&got, meta))
			fail("an object's meta changed");
		check_plain(plain, len, meta, blob, data);
		free(plain);
	}
	obj_refused(other, file_no, gen, file, len,
		    "an object opened with another key");
	obj_refused(key, file_no + 1, gen, file, len,
		    "an object opened as another file number");
	obj_refused(key, file_no, gen + 1, file, len,
		    "an object opened as another generation");
	obj_refused(key, file_no, gen, file, len - 1,
		    "a truncated object opened");
	file[(flip / 8) % len] ^= (uint8_t)(1u << (flip % 8));
	obj_refused(key, file_no, gen, file, len,
		    "an object with a flipped bit opened");
	free(file);
}

static void obj_plain(unsigned int k, unsigned int f, const uint8_t *p,
		      size_t len, uint32_t flip)
{
	struct sfmt_obj_meta meta = { 0 };
	size_t rest;

	if (len < FSF_OBJ_META)
		return;
	meta.type = (uint32_t)get_le(p, 4);
	meta.object_size = (uint32_t)get_le(p + 4, 4);
	meta.max_object_size = (uint32_t)get_le(p + 8, 4);
	meta.usage = (uint32_t)get_le(p + 12, 4);
	meta.blob_len = (uint32_t)get_le(p + 16, 2);
	rest = len - FSF_OBJ_META;
	if (meta.blob_len > rest)
		meta.blob_len = (uint32_t)rest;
	meta.data_len = rest - meta.blob_len;
	p += FSF_OBJ_META;
	obj_round_trip(k, f, &meta, p, p + meta.blob_len, flip);
}

static void obj_file(unsigned int k, unsigned int f, const uint8_t *buf,
		     size_t len)
{
	uint8_t key[SFMT_KEY_SIZE];
	struct sfmt_obj_meta meta;
	uint8_t *plain = NULL;
	int rc;

	key_of(k, key);
	rc = sfmt_obj_open(key, fsf_files[f].file_no, fsf_files[f].gen, buf,
			   len, &meta, &plain);
	check_rc(rc);
	if (rc)
		return;
	if (sfmt_obj_size(meta.blob_len, meta.data_len) != len)
		fail("an accepted object's lengths do not add up to its size");
	check_plain(plain, len, &meta, plain, plain + meta.blob_len);
	/* the accepted bytes, sealed again, open to the same object */
	obj_round_trip(k, f, &meta, plain, plain + meta.blob_len, 0);
	free(plain);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fsf_head h;
	uint32_t flip;
	uint8_t *body;
	size_t len;

	if (size < sizeof(h))
		return 0;
	memcpy(&h, data, sizeof(h));
	flip = (uint32_t)get_le(h.flip, 4);
	len = size - sizeof(h);
	body = dup_exact(data + sizeof(h), len);
	switch (h.mode % FSF_MODES) {
	case FSF_DIR_FILE:
		dir_file(h.key, body, len);
		break;
	case FSF_OBJ_FILE:
		obj_file(h.key, h.file % FSF_FILES, body, len);
		break;
	case FSF_DIR_PLAIN:
		dir_plain(h.key, body, len, flip);
		break;
	default:
		obj_plain(h.key, h.file % FSF_FILES, body, len, flip);
		break;
	}
	free(body);
	return 0;
}
