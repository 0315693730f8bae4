// SPDX-License-Identifier: BSD-2-Clause
/*
 * vtee verify: runs the trusted OS's checks on a .ta file and says what it
 * would decide, and why.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vtee/ta_image.h"
#include "vtee_cmd.h"

struct verify_args {
	const char *pubkey;
	const char *file;
	const char *uuid_str;
	uint8_t uuid[TA_IMAGE_UUID_LEN];
};

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: vtee verify [--pubkey PUB.pem] [--uuid UUID] FILE.ta\n\n"
		"Checks a signed TA image as vtee's trusted OS does, prints its "
		"header and\nOK, or why it would be refused.\n\n"
		"  -p, --pubkey PUB.pem  the trusted public key (default: "
		"$VTEE_TA_PUBKEY)\n"
		"  -u, --uuid UUID       also require the image to be signed "
		"for this UUID\n"
		"  -h, --help            show this help\n\n"
		"Exit status: 0 valid, 1 refused or unreadable, 2 bad command "
		"line.\n");
}

static int args_check(struct verify_args *a)
{
	if (!a->pubkey || !*a->pubkey) {
		vtee_err("verify", "no public key: give --pubkey or set "
			 "VTEE_TA_PUBKEY");
		return VTEE_EXIT_USAGE;
	}
	if (a->uuid_str && ta_image_uuid_from_str(a->uuid_str, a->uuid)) {
		vtee_err("verify", "bad UUID '%s'", a->uuid_str);
		return VTEE_EXIT_USAGE;
	}
	return VTEE_ARGS_OK;
}

static int args_parse(int argc, char **argv, struct verify_args *a)
{
	static const struct option opts[] = {
		{ "pubkey", required_argument, NULL, 'p' },
		{ "uuid", required_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 }
	};
	int c;

	a->pubkey = getenv("VTEE_TA_PUBKEY");
	while ((c = getopt_long(argc, argv, "p:u:h", opts, NULL)) != -1) {
		switch (c) {
		case 'p': a->pubkey = optarg; break;
		case 'u': a->uuid_str = optarg; break;
		case 'h': usage(stdout); return VTEE_EXIT_OK;
		default: usage(stderr); return VTEE_EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		vtee_err("verify", "expected exactly one FILE.ta");
		return VTEE_EXIT_USAGE;
	}
	a->file = argv[optind];
	return args_check(a);
}

static void header_print(const struct ta_image *img)
{
	char uuid[TA_IMAGE_UUID_STR_LEN + 1];
	size_t i;

	ta_image_uuid_to_str(img->uuid, uuid);
	printf("uuid:        %s\n", uuid);
	printf("ta version:  %u\n", img->ta_version);
	printf("format:      version %u, type %u (x86-64 ELF shared "
	       "object)\n", img->version, img->img_type);
	printf("algorithm:   0x%08x (RSASSA-PSS, MGF1-SHA-256)\n", img->algo);
	printf("hash:        ");
	for (i = 0; i < img->hash_size; i++)
		printf("%02x", img->hash[i]);
	printf("\nsignature:   %zu octets (RSA-%zu)\n", img->sig_size,
	       img->sig_size * 8);
	printf("elf:         %zu octets at offset %zu\n", img->elf_size,
	       img->elf_offset);
}

/* The trusted OS's decision on the image in `buf`, printed. */
static int image_check(const struct verify_args *a, EVP_PKEY *pub,
		       const uint8_t *buf, size_t len)
{
	struct ta_image img;
	int rc = ta_image_parse(buf, len, &img);

	if (rc) {
		printf("result:      REFUSED: %s\n", ta_image_strerror(rc));
		return VTEE_EXIT_FAIL;
	}
	header_print(&img);
	rc = ta_image_verify(&img, pub);
	if (!rc && a->uuid_str)
		rc = ta_image_check_uuid(&img, a->uuid);
	if (rc) {
		printf("result:      REFUSED: %s\n", ta_image_strerror(rc));
		return VTEE_EXIT_FAIL;
	}
	printf("result:      OK\n");
	return VTEE_EXIT_OK;
}

int vtee_cmd_verify(int argc, char **argv)
{
	struct verify_args a = { 0 };
	EVP_PKEY *pub;
	uint8_t *buf;
	size_t len;
	int rc = args_parse(argc, argv, &a);

	if (rc != VTEE_ARGS_OK)
		return rc;
	pub = ta_image_load_pubkey(a.pubkey);
	if (!pub) {
		vtee_err("verify", "cannot load public key '%s': %s", a.pubkey,
			 strerror(errno));
		return VTEE_EXIT_FAIL;
	}
	rc = vtee_file_read(a.file, &buf, &len);
	if (rc) {
		vtee_err("verify", "cannot read '%s': %s", a.file,
			 strerror(-rc));
		EVP_PKEY_free(pub);
		return VTEE_EXIT_FAIL;
	}
	printf("file:        %s\n", a.file);
	rc = image_check(&a, pub, buf, len);
	free(buf);
	EVP_PKEY_free(pub);
	return rc;
}
