// SPDX-License-Identifier: BSD-2-Clause
/*
 * The emulated RPMB partition on disk: rpmb.img in the data directory.
 *
 *   offset  size  field (integers little-endian)
 *        0     8  magic "vteeRPMB"
 *        8     4  version (1)
 *       12     4  flags: bit 0 = key programmed; no other bit is valid
 *       16     4  write counter
 *       20     4  data size: 262144 (1024 blocks of 256 bytes)
 *       24    32  key (zero until programmed)
 *       56     8  reserved, zero
 *       64    32  SHA-256 of bytes 0..63 and of the data
 *       96        the data
 *
 * The digest catches a torn or damaged file, not an attacker (anyone who
 * can write the file can recompute it): replacing the file with an older
 * copy rolls the partition back, which real RPMB hardware prevents and
 * no file can.  The emulation guards against accidents only.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "rpmb_emu.h"

#define IMAGE_MAGIC		"vteeRPMB"
#define IMAGE_VERSION		1
#define IMAGE_FLAG_KEY_SET	1u
#define IMAGE_HDR_SIZE		96
#define IMAGE_DIGEST_OFF	64
#define IMAGE_SIZE		(IMAGE_HDR_SIZE + RPMB_EMU_DATA_SIZE)

static void le32_put(uint8_t *b, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		b[i] = (uint8_t)(v >> (8 * i));
}

static uint32_t le32_get(const uint8_t *b)
{
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	       (uint32_t)b[3] << 24;
}

/* SHA-256 of the header's first 64 bytes and of the data. */
static int image_digest(const uint8_t *hdr, const uint8_t *data,
			uint8_t digest[32])
{
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	unsigned int len = 0;
	int ok = md && EVP_DigestInit_ex(md, EVP_sha256(), NULL) &&
		 EVP_DigestUpdate(md, hdr, IMAGE_DIGEST_OFF) &&
		 EVP_DigestUpdate(md, data, RPMB_EMU_DATA_SIZE) &&
		 EVP_DigestFinal_ex(md, digest, &len) && len == 32;

	EVP_MD_CTX_free(md);
	return ok ? 0 : -EIO;
}

static int header_encode(const struct rpmb_emu_state *st,
			 uint8_t hdr[IMAGE_HDR_SIZE])
{
	memset(hdr, 0, IMAGE_HDR_SIZE);
	memcpy(hdr, IMAGE_MAGIC, 8);
	le32_put(hdr + 8, IMAGE_VERSION);
	le32_put(hdr + 12, st->key_set ? IMAGE_FLAG_KEY_SET : 0);
	le32_put(hdr + 16, st->counter);
	le32_put(hdr + 20, RPMB_EMU_DATA_SIZE);
	memcpy(hdr + 24, st->key, RPMB_KEY_SIZE);
	return image_digest(hdr, st->data, hdr + IMAGE_DIGEST_OFF);
}

/* Checks everything a sound image must satisfy; -EBADMSG otherwise. */
static int header_decode(const uint8_t hdr[IMAGE_HDR_SIZE],
			 struct rpmb_emu_state *st)
{
	static const uint8_t zero[8];
	uint8_t digest[32];
	uint32_t flags = le32_get(hdr + 12);

	if (memcmp(hdr, IMAGE_MAGIC, 8) || le32_get(hdr + 8) != IMAGE_VERSION ||
	    (flags & ~IMAGE_FLAG_KEY_SET) ||
	    le32_get(hdr + 20) != RPMB_EMU_DATA_SIZE ||
	    memcmp(hdr + 56, zero, sizeof(zero)))
		return -EBADMSG;
	if (image_digest(hdr, st->data, digest))
		return -EIO;
	if (CRYPTO_memcmp(digest, hdr + IMAGE_DIGEST_OFF, sizeof(digest)))
		return -EBADMSG;
	st->key_set = flags & IMAGE_FLAG_KEY_SET;
	st->counter = le32_get(hdr + 16);
	memcpy(st->key, hdr + 24, RPMB_KEY_SIZE);
	/* a device without a key has never been written */
	if (!st->key_set && st->counter)
		return -EBADMSG;
	return 0;
}

static int read_all(int fd, uint8_t *buf, size_t len, off_t off)
{
	while (len) {
		ssize_t n = pread(fd, buf, len, off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? -errno : -EBADMSG;
		buf += n;
		len -= (size_t)n;
		off += n;
	}
	return 0;
}

static int write_all(int fd, const uint8_t *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

int rpmb_image_load(const char *path, struct rpmb_emu_state *st)
{
	uint8_t hdr[IMAGE_HDR_SIZE];
	struct stat sb;
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc;

	if (fd < 0)
		return -errno;
	if (fstat(fd, &sb))
		rc = -errno;
	else if (!S_ISREG(sb.st_mode) || sb.st_size != IMAGE_SIZE)
		rc = -EBADMSG;
	else
		rc = read_all(fd, hdr, sizeof(hdr), 0);
	if (!rc)
		rc = read_all(fd, st->data, RPMB_EMU_DATA_SIZE, IMAGE_HDR_SIZE);
	close(fd);
	return rc ? rc : header_decode(hdr, st);
}

static int fsync_path(const char *path, int flags)
{
	int fd = open(path, flags | O_RDONLY | O_CLOEXEC), rc = 0;

	if (fd < 0)
		return -errno;
	if (fsync(fd))
		rc = -errno;
	close(fd);
	return rc;
}

/* Syncs the directory holding path (which it may not modify for good). */
static int parent_sync(char *path)
{
	char *slash = strrchr(path, '/');
	int rc;

	if (!slash)
		return fsync_path(".", O_DIRECTORY);
	if (slash == path)
		return fsync_path("/", O_DIRECTORY);
	*slash = '\0';
	rc = fsync_path(path, O_DIRECTORY);
	*slash = '/';
	return rc;
}

/*
 * mkdir -p, 0700.  Each directory made is synced into its parent, or a
 * crash could forget the directory, and the image in it, after the image
 * was reported durable.
 */
static int dir_make(const char *dir)
{
	char path[PATH_MAX];
	size_t len = strlen(dir);
	int rc;

	if (!len || len >= sizeof(path))
		return -ENAMETOOLONG;
	memcpy(path, dir, len + 1);
	for (char *p = path + 1; ; p++) {
		char c = *p;

		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) == 0)
			rc = parent_sync(path);
		else
			rc = errno == EEXIST ? 0 : -errno;
		*p = c;
		if (rc || c == '\0')
			return rc;
	}
}

/* Writes st to a new file tmp and makes it durable. */
static int tmp_write(const char *tmp, const struct rpmb_emu_state *st)
{
	uint8_t hdr[IMAGE_HDR_SIZE];
	int fd, rc = header_encode(st, hdr);

	if (rc)
		return rc;
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return -errno;
	rc = write_all(fd, hdr, sizeof(hdr));
	if (!rc)
		rc = write_all(fd, st->data, RPMB_EMU_DATA_SIZE);
	if (!rc && fsync(fd))
		rc = -errno;
	if (close(fd) && !rc)
		rc = -errno;
	return rc;
}

enum rpmb_image_stored rpmb_image_store(const char *dir, const char *path,
					const struct rpmb_emu_state *st)
{
	char tmp[PATH_MAX];

	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp) ||
	    dir_make(dir) || tmp_write(tmp, st)) {
		unlink(tmp);
		return RPMB_IMAGE_NOT_STORED;
	}
	if (rename(tmp, path)) {
		unlink(tmp);
		return RPMB_IMAGE_NOT_STORED;
	}
	/* the rename happened, but is it durable?  Not before this. */
	if (fsync_path(dir, O_DIRECTORY))
		return RPMB_IMAGE_UNKNOWN;
	return RPMB_IMAGE_STORED;
}
