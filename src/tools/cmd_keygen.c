// SPDX-License-Identifier: BSD-2-Clause
/* vtee keygen: a new RSA key pair for signing TAs. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include "vtee/ta_image.h"
#include "vtee_cmd.h"

struct keygen_args {
	const char *key;
	const char *pub;
	unsigned int bits;
	bool force;
};

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: vtee keygen --out-key KEY.pem --out-pub PUB.pem "
		"[--bits N] [--force]\n\n"
		"Generates an RSA key pair for signing TAs: the private key "
		"(PEM, unencrypted,\nmode 0600) for `vtee sign`, the public "
		"key (PEM) for the trusted OS.\n\n"
		"  -k, --out-key KEY.pem  where to write the private key\n"
		"  -p, --out-pub PUB.pem  where to write the public key\n"
		"  -b, --bits N           modulus size, 2048..4096, a multiple "
		"of 8 (default 3072)\n"
		"  -f, --force            replace existing files\n"
		"  -h, --help             show this help\n");
}

static int bits_parse(const char *s, unsigned int *bits)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || *s == '\0' || v < TA_IMAGE_SIG_MIN * 8 ||
	    v > TA_IMAGE_SIG_MAX * 8 || v % 8)
		return -1;
	*bits = (unsigned int)v;
	return 0;
}

static int args_parse(int argc, char **argv, struct keygen_args *a)
{
	static const struct option opts[] = {
		{ "out-key", required_argument, NULL, 'k' },
		{ "out-pub", required_argument, NULL, 'p' },
		{ "bits", required_argument, NULL, 'b' },
		{ "force", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "k:p:b:fh", opts, NULL)) != -1) {
		switch (c) {
		case 'k': a->key = optarg; break;
		case 'p': a->pub = optarg; break;
		case 'f': a->force = true; break;
		case 'b':
			if (bits_parse(optarg, &a->bits)) {
				vtee_err("keygen", "bad --bits '%s' (2048..4096,"
					 " a multiple of 8)", optarg);
				return VTEE_EXIT_USAGE;
			}
			break;
		case 'h': usage(stdout); return VTEE_EXIT_OK;
		default: usage(stderr); return VTEE_EXIT_USAGE;
		}
	}
	if (optind != argc || !a->key || !a->pub) {
		vtee_err("keygen", "--out-key and --out-pub are required, and "
			 "nothing else");
		return VTEE_EXIT_USAGE;
	}
	return VTEE_ARGS_OK;
}

/*
 * Creates `path` with exactly `mode` (also when replacing a file that had
 * looser permissions) and writes the PEM into it.  0 or -errno.
 */
static int pem_write(const char *path, mode_t mode, bool force,
		     EVP_PKEY *key, bool private_key)
{
	int flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW;
	int fd = open(path, flags | (force ? 0 : O_EXCL), mode);
	FILE *f;
	int ok;

	if (fd < 0)
		return -errno;
	if (fchmod(fd, mode) || !(f = fdopen(fd, "w"))) {
		int rc = -errno;

		close(fd);
		return rc;
	}
	ok = private_key ? PEM_write_PrivateKey(f, key, NULL, NULL, 0, NULL,
						NULL)
			 : PEM_write_PUBKEY(f, key);
	if (fclose(f) || !ok) {
		ERR_clear_error();
		unlink(path);	/* no half-written key left behind */
		return -EIO;
	}
	return 0;
}

static int pair_write(const struct keygen_args *a, EVP_PKEY *key)
{
	int rc = pem_write(a->key, 0600, a->force, key, true);

	if (rc) {
		vtee_err("keygen", "cannot write '%s': %s%s", a->key,
			 strerror(-rc),
			 rc == -EEXIST ? " (--force replaces it)" : "");
		return VTEE_EXIT_FAIL;
	}
	rc = pem_write(a->pub, 0644, a->force, key, false);
	if (rc) {
		vtee_err("keygen", "cannot write '%s': %s%s", a->pub,
			 strerror(-rc),
			 rc == -EEXIST ? " (--force replaces it)" : "");
		/* half a pair is worse than none */
		unlink(a->key);
		return VTEE_EXIT_FAIL;
	}
	return VTEE_EXIT_OK;
}

int vtee_cmd_keygen(int argc, char **argv)
{
	struct keygen_args a = { .bits = 3072 };
	EVP_PKEY *key;
	int rc = args_parse(argc, argv, &a);

	if (rc != VTEE_ARGS_OK)
		return rc;
	key = EVP_RSA_gen(a.bits);
	if (!key) {
		vtee_err("keygen", "RSA key generation failed");
		return VTEE_EXIT_FAIL;
	}
	rc = pair_write(&a, key);
	EVP_PKEY_free(key);
	return rc;
}
