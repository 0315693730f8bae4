// SPDX-License-Identifier: BSD-2-Clause
/* vtee sign: wraps a TA's ELF shared object into a signed <uuid>.ta. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vtee/ta_image.h"
#include "vtee_cmd.h"

struct sign_args {
	const char *key;
	const char *uuid_str;
	const char *in;
	const char *out;
	uint8_t uuid[TA_IMAGE_UUID_LEN];
	uint32_t ta_version;
};

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: vtee sign --key KEY.pem --uuid UUID --in TA.so "
		"--out UUID.ta [--ta-version N]\n\n"
		"Wraps the TA's ELF shared object into a signed TA image that "
		"vtee's trusted OS\nwill load (see docs/ta-image-format.md).\n\n"
		"  -k, --key KEY.pem     RSA private key (PEM, unencrypted)\n"
		"  -u, --uuid UUID       the TA's UUID, "
		"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\n"
		"  -i, --in TA.so        the TA: an x86-64 ELF shared object\n"
		"  -o, --out UUID.ta     the signed image to write (replaced "
		"atomically)\n"
		"  -V, --ta-version N    the TA's version, 0..4294967295 "
		"(default 0)\n"
		"  -h, --help            show this help\n");
}

/* A u32 in decimal or 0x-hex, with nothing after it. */
static int u32_parse(const char *s, uint32_t *out)
{
	unsigned long long v;
	char *end;

	if (*s == '-' || *s == '\0')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || *end || v > UINT32_MAX)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

static int args_parse(int argc, char **argv, struct sign_args *a)
{
	static const struct option opts[] = {
		{ "key", required_argument, NULL, 'k' },
		{ "uuid", required_argument, NULL, 'u' },
		{ "in", required_argument, NULL, 'i' },
		{ "out", required_argument, NULL, 'o' },
		{ "ta-version", required_argument, NULL, 'V' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "k:u:i:o:V:h", opts, NULL)) != -1) {
		switch (c) {
		case 'k': a->key = optarg; break;
		case 'u': a->uuid_str = optarg; break;
		case 'i': a->in = optarg; break;
		case 'o': a->out = optarg; break;
		case 'V':
			if (u32_parse(optarg, &a->ta_version)) {
				vtee_err("sign", "bad --ta-version '%s'",
					 optarg);
				return VTEE_EXIT_USAGE;
			}
			break;
		case 'h': usage(stdout); return VTEE_EXIT_OK;
		default: usage(stderr); return VTEE_EXIT_USAGE;
		}
	}
	if (optind != argc || !a->key || !a->uuid_str || !a->in || !a->out) {
		vtee_err("sign", "--key, --uuid, --in and --out are required, "
			 "and nothing else");
		return VTEE_EXIT_USAGE;
	}
	if (ta_image_uuid_from_str(a->uuid_str, a->uuid)) {
		vtee_err("sign", "bad UUID '%s'", a->uuid_str);
		return VTEE_EXIT_USAGE;
	}
	return VTEE_ARGS_OK;
}

/* Signs the ELF in `elf` and writes the image; returns an exit status. */
static int sign_write(const struct sign_args *a, EVP_PKEY *key,
		      const uint8_t *elf, size_t elf_len)
{
	uint8_t *img;
	size_t img_len;
	int rc = ta_image_sign(key, a->uuid, a->ta_version, elf, elf_len,
			       &img, &img_len);

	if (rc) {
		vtee_err("sign", "cannot sign '%s': %s", a->in,
			 ta_image_strerror(rc));
		return VTEE_EXIT_FAIL;
	}
	rc = vtee_file_write(a->out, img, img_len, 0644);
	free(img);
	if (rc) {
		vtee_err("sign", "cannot write '%s': %s", a->out,
			 strerror(-rc));
		return VTEE_EXIT_FAIL;
	}
	return VTEE_EXIT_OK;
}

int vtee_cmd_sign(int argc, char **argv)
{
	struct sign_args a = { 0 };
	EVP_PKEY *key;
	uint8_t *elf;
	size_t elf_len;
	int rc = args_parse(argc, argv, &a);

	if (rc != VTEE_ARGS_OK)
		return rc;
	key = ta_image_load_privkey(a.key);
	if (!key) {
		vtee_err("sign", "cannot load private key '%s': %s", a.key,
			 strerror(errno));
		return VTEE_EXIT_FAIL;
	}
	rc = vtee_file_read(a.in, &elf, &elf_len);
	if (rc) {
		vtee_err("sign", "cannot read '%s': %s", a.in, strerror(-rc));
		EVP_PKEY_free(key);
		return VTEE_EXIT_FAIL;
	}
	rc = sign_write(&a, key, elf, elf_len);
	free(elf);
	EVP_PKEY_free(key);
	return rc;
}
