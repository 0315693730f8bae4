/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The input format of fuzz_storage_format, shared with its seed
 * generator: a struct fsf_head, then a body whose meaning depends on the
 * mode (head.mode modulo FSF_MODES):
 *
 *  FSF_DIR_FILE, FSF_OBJ_FILE: the body is a sealed directory or object
 *    file (docs/storage.md) as the normal world hands it back, opened
 *    with key fsf_keys[head.key] (and, for an object, the file number and
 *    generation of fsf_files[head.file]).
 *  FSF_DIR_PLAIN: the body is what a directory holds: a counter (8 bytes)
 *    then entries of FSF_DIR_ENTRY bytes (id length (1), id (64), file
 *    number (8), generation (8), file key (32)); a partial entry at the
 *    end is ignored.  Sealed, then opened.
 *  FSF_OBJ_PLAIN: the body is what an object holds: type, object size,
 *    maximum object size, usage (4 bytes each), the blob length (2; at
 *    most what is left), then the blob, then the data (the rest).  Sealed
 *    with fsf_keys[head.key] as generation fsf_files[head.file], then
 *    opened.
 *
 * In the plaintext modes, head.flip (modulo the sealed file's bits) is
 * the bit flipped to check that the file no longer opens.  Integers,
 * head.flip's too, are little-endian.
 */
#ifndef VTEE_FUZZ_STORAGE_FORMAT_H
#define VTEE_FUZZ_STORAGE_FORMAT_H

#include <stdint.h>

enum fsf_mode {
	FSF_DIR_FILE,
	FSF_OBJ_FILE,
	FSF_DIR_PLAIN,
	FSF_OBJ_PLAIN,
	FSF_MODES
};

struct fsf_head {
	uint8_t mode;
	uint8_t key;		/* index into fsf_keys, modulo FSF_KEYS */
	uint8_t file;		/* index into fsf_files, modulo FSF_FILES */
	uint8_t pad;
	uint8_t flip[4];	/* plaintext modes: the bit to flip */
};

#define FSF_DIR_ENTRY	(1 + 64 + 8 + 8 + 32)
#define FSF_OBJ_META	(4 * 4 + 2)

#define FSF_KEYS	2
#define FSF_FILES	4

/* Key i is 32 bytes of (i + 1) * 0x11 ^ byte index. */
static inline uint8_t fsf_key_byte(unsigned int key, unsigned int i)
{
	return (uint8_t)(((key % FSF_KEYS) + 1) * 0x11 ^ i);
}

/* The file number and generation of an object file. */
static const struct {
	uint64_t file_no;
	uint64_t gen;
} fsf_files[FSF_FILES] = {
	{ 1, 1 },
	{ 0x1122334455667788ull, 2 },
	{ 0x8000000000000000ull, 0 },
	{ UINT64_MAX, UINT64_MAX },
};

#endif /* VTEE_FUZZ_STORAGE_FORMAT_H */
