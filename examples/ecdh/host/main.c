// SPDX-License-Identifier: BSD-2-Clause
/*
 * The ecdh client: the ecdh TA and this program agree on a secret by
 * elliptic-curve Diffie-Hellman.  The TA generates its key pair, this
 * program one of its own with OpenSSL; each takes the other's public
 * point.  The TA derives the shared secret and sends back an
 * HMAC-SHA256 of a message keyed with it; this program derives the
 * secret on its side with OpenSSL and checks that its HMAC of the
 * message is the same, so both hold one secret that never crossed
 * between them.  The TEE is reached through the GP TEE Client API only;
 * OpenSSL's libcrypto is the normal world's end of the exchange.
 */
#include <err.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

/* The GlobalPlatform TEE Client API */
#include <tee_client_api.h>

/* The TA's UUID and commands */
#include <ecdh_ta.h>

#define DEMO_TEXT	"Keyed with a secret agreed by ECDH."
#define HEX_SHOWN	8	/* bytes of a coordinate or MAC printed */

struct curve {
	const char *name;	/* printed */
	const char *arg;	/* on the command line */
	const char *group;	/* OpenSSL's */
	uint32_t id;		/* TA_ECDH_CURVE_* */
	size_t len;		/* bytes of a coordinate */
};

static const struct curve curves[] = {
	{ "P-256", "p256", "P-256", TA_ECDH_CURVE_P256, 32 },
	{ "P-384", "p384", "P-384", TA_ECDH_CURVE_P384, 48 },
	{ "P-521", "p521", "P-521", TA_ECDH_CURVE_P521, 66 },
};
#define N_CURVES (sizeof(curves) / sizeof(curves[0]))

/* A public point, each coordinate as long as the curve's */
struct point {
	uint8_t x[TA_ECDH_COORD_MAX], y[TA_ECDH_COORD_MAX];
};

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: ecdh [OPTION]...\n"
		"Agrees on a secret with the ecdh TA by elliptic-curve "
		"Diffie-Hellman: the TA\ngenerates a key pair, this program "
		"another with OpenSSL, and each derives\nthe shared secret "
		"from the other's public point.  The TA returns an\n"
		"HMAC-SHA256 of a message keyed with its secret; this program "
		"checks that its\nown, keyed with the secret it derived, is "
		"the same.  Neither the private key\nnor the secret leaves "
		"the TA.\n\n"
		"  -c, --curve CURVE     p256, p384 or p521 (default p256)\n"
		"  -t, --text TEXT       the message (default: \"%s\")\n"
		"  -h, --help            show this help\n\n"
		"The vteed of $VTEE_RUNTIME_DIR (or the default one) serves "
		"the calls.\n\n"
		"Exit status: 0 the two ends agree, 1 a call or a check "
		"failed, 2 bad command\nline.\n", DEMO_TEXT);
}

/* The names of the results this program may meet. */
static const char *result_name(TEEC_Result res)
{
	switch (res) {
	case TEEC_SUCCESS: return "TEEC_SUCCESS";
	case TEEC_ERROR_GENERIC: return "TEEC_ERROR_GENERIC";
	case TEEC_ERROR_BAD_PARAMETERS: return "TEEC_ERROR_BAD_PARAMETERS";
	case TEEC_ERROR_BAD_STATE: return "TEEC_ERROR_BAD_STATE";
	case TEEC_ERROR_ITEM_NOT_FOUND: return "TEEC_ERROR_ITEM_NOT_FOUND";
	case TEEC_ERROR_NOT_SUPPORTED: return "TEEC_ERROR_NOT_SUPPORTED";
	case TEEC_ERROR_OUT_OF_MEMORY: return "TEEC_ERROR_OUT_OF_MEMORY";
	case TEEC_ERROR_COMMUNICATION: return "TEEC_ERROR_COMMUNICATION";
	case TEEC_ERROR_SHORT_BUFFER: return "TEEC_ERROR_SHORT_BUFFER";
	case TEEC_ERROR_TARGET_DEAD: return "TEEC_ERROR_TARGET_DEAD";
	default: return "an error";
	}
}

static void __attribute__((noreturn))
fail(const char *what, TEEC_Result res, uint32_t origin)
{
	errx(1, "%s failed: %s (0x%08x, origin %u)", what, result_name(res),
	     res, origin);
}

/* The first bytes of b in hex, "..." if there are more. */
static void hex_start(char *s, const uint8_t *b, size_t n)
{
	size_t shown = n < HEX_SHOWN ? n : HEX_SHOWN;

	for (size_t i = 0; i < shown; i++)
		snprintf(s + 2 * i, 3, "%02x", b[i]);
	strcpy(s + 2 * shown, n > shown ? "..." : "");
}

static void print_point(const char *who, const struct curve *c,
			const struct point *p)
{
	char x[2 * HEX_SHOWN + 4], y[2 * HEX_SHOWN + 4];

	hex_start(x, p->x, c->len);
	hex_start(y, p->y, c->len);
	printf("%-22s public point x %s, y %s\n", who, x, y);
}

/* ------------------------------------------------------------------ */
/* The TA's commands                                                   */
/* ------------------------------------------------------------------ */

static void generate_key(TEEC_Session *sess, const struct curve *c)
{
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = c->id;
	res = TEEC_InvokeCommand(sess, TA_ECDH_CMD_GENERATE_KEY, &op, &origin);
	if (res != TEEC_SUCCESS)
		fail("generating the TA's key pair", res, origin);
}

/* A coordinate as GP hands it out (maybe shorter), to its full length. */
static void left_pad(uint8_t *b, size_t got, size_t len)
{
	memmove(b + len - got, b, got);
	memset(b, 0, len - got);
}

static void get_public_key(TEEC_Session *sess, const struct curve *c,
			   struct point *p)
{
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_OUTPUT,
					 TEEC_MEMREF_TEMP_OUTPUT,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = p->x;
	op.params[0].tmpref.size = c->len;
	op.params[1].tmpref.buffer = p->y;
	op.params[1].tmpref.size = c->len;
	res = TEEC_InvokeCommand(sess, TA_ECDH_CMD_GET_PUBLIC_KEY, &op,
				 &origin);
	if (res != TEEC_SUCCESS)
		fail("reading the TA's public key", res, origin);
	left_pad(p->x, op.params[0].tmpref.size, c->len);
	left_pad(p->y, op.params[1].tmpref.size, c->len);
}

static void derive(TEEC_Session *sess, const struct curve *c,
		   const struct point *ours, const char *text, uint8_t *mac)
{
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
					 TEEC_MEMREF_TEMP_INPUT,
					 TEEC_MEMREF_TEMP_INPUT,
					 TEEC_MEMREF_TEMP_OUTPUT);
	op.params[0].tmpref.buffer = (void *)ours->x;
	op.params[0].tmpref.size = c->len;
	op.params[1].tmpref.buffer = (void *)ours->y;
	op.params[1].tmpref.size = c->len;
	op.params[2].tmpref.buffer = (void *)text;
	op.params[2].tmpref.size = strlen(text);
	op.params[3].tmpref.buffer = mac;
	op.params[3].tmpref.size = TA_ECDH_MAC_SIZE;
	res = TEEC_InvokeCommand(sess, TA_ECDH_CMD_DERIVE, &op, &origin);
	if (res != TEEC_SUCCESS)
		fail("deriving in the TA", res, origin);
	if (op.params[3].tmpref.size != TA_ECDH_MAC_SIZE)
		errx(1, "the TA's MAC is %zu bytes", op.params[3].tmpref.size);
}

/* ------------------------------------------------------------------ */
/* OpenSSL, in the normal world                                        */
/* ------------------------------------------------------------------ */

static void __attribute__((noreturn)) ssl_fail(const char *what)
{
	errx(1, "OpenSSL: %s failed", what);
}

/* Our key pair, and its public point. */
static EVP_PKEY *our_key(const struct curve *c, struct point *p)
{
	EVP_PKEY *key = EVP_PKEY_Q_keygen(NULL, NULL, "EC", c->group);
	BIGNUM *x = NULL, *y = NULL;

	if (!key ||
	    !EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_EC_PUB_X, &x) ||
	    !EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_EC_PUB_Y, &y) ||
	    BN_bn2binpad(x, p->x, (int)c->len) < 0 ||
	    BN_bn2binpad(y, p->y, (int)c->len) < 0)
		ssl_fail("making a key pair");
	BN_free(x);
	BN_free(y);
	return key;
}

/* The TA's public point as OpenSSL's key: 04 || x || y. */
static EVP_PKEY *peer_key(const struct curve *c, const struct point *p)
{
	uint8_t enc[1 + 2 * TA_ECDH_COORD_MAX];
	OSSL_PARAM params[3];
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
	EVP_PKEY *key = NULL;

	enc[0] = 0x04;
	memcpy(enc + 1, p->x, c->len);
	memcpy(enc + 1 + c->len, p->y, c->len);
	params[0] = OSSL_PARAM_construct_utf8_string(
		OSSL_PKEY_PARAM_GROUP_NAME, (char *)c->group, 0);
	params[1] = OSSL_PARAM_construct_octet_string(
		OSSL_PKEY_PARAM_PUB_KEY, enc, 1 + 2 * c->len);
	params[2] = OSSL_PARAM_construct_end();
	if (!ctx || EVP_PKEY_fromdata_init(ctx) <= 0 ||
	    EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_PUBLIC_KEY, params) <= 0)
		ssl_fail("taking the TA's public point");
	EVP_PKEY_CTX_free(ctx);
	return key;
}

/* HMAC-SHA256 of text keyed with the secret we derive. */
static void our_mac(EVP_PKEY *ours, EVP_PKEY *theirs, const char *text,
		    uint8_t *mac)
{
	uint8_t secret[TA_ECDH_COORD_MAX];
	size_t len = sizeof(secret), mac_len = 0;
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_pkey(NULL, ours, NULL);

	if (!ctx || EVP_PKEY_derive_init(ctx) <= 0 ||
	    EVP_PKEY_derive_set_peer(ctx, theirs) <= 0 ||
	    EVP_PKEY_derive(ctx, secret, &len) <= 0)
		ssl_fail("deriving the secret");
	EVP_PKEY_CTX_free(ctx);
	if (!EVP_Q_mac(NULL, "HMAC", NULL, "SHA256", NULL, secret, len,
		       (const unsigned char *)text, strlen(text), mac,
		       TA_ECDH_MAC_SIZE, &mac_len) ||
	    mac_len != TA_ECDH_MAC_SIZE)
		ssl_fail("HMAC-SHA256");
	OPENSSL_cleanse(secret, sizeof(secret));
}

/* ------------------------------------------------------------------ */

struct args {
	const struct curve *curve;
	const char *text;
};

/* 0 to go on, else the exit status. */
static int args_parse(int argc, char **argv, struct args *a)
{
	static const struct option opts[] = {
		{ "curve", required_argument, NULL, 'c' },
		{ "text", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 }
	};
	size_t i;
	int c;

	a->curve = &curves[0];
	a->text = DEMO_TEXT;
	while ((c = getopt_long(argc, argv, "c:t:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			for (i = 0; i < N_CURVES; i++)
				if (!strcmp(optarg, curves[i].arg))
					break;
			if (i == N_CURVES) {
				warnx("no curve '%s' (p256, p384, p521)",
				      optarg);
				return 2;
			}
			a->curve = &curves[i];
			break;
		case 't':
			a->text = optarg;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc) {
		warnx("unexpected argument '%s'", argv[optind]);
		return 2;
	}
	return 0;
}

int main(int argc, char **argv)
{
	TEEC_UUID uuid = TA_ECDH_UUID;
	uint8_t ta_mac[TA_ECDH_MAC_SIZE], mac[TA_ECDH_MAC_SIZE];
	char shown[2 * HEX_SHOWN + 32];
	struct point ta_pub, pub;
	struct args a = { 0 };
	EVP_PKEY *ours, *theirs;
	TEEC_Context ctx;
	TEEC_Session sess;
	TEEC_Result res;
	uint32_t origin;
	int rc;

	rc = args_parse(argc, argv, &a);
	if (rc)
		return rc;

	res = TEEC_InitializeContext(NULL, &ctx);
	if (res != TEEC_SUCCESS)
		errx(1, "cannot reach the TEE (%s): is vteed running, and "
		     "VTEE_RUNTIME_DIR its runtime dir?", result_name(res));
	res = TEEC_OpenSession(&ctx, &sess, &uuid, TEEC_LOGIN_PUBLIC, NULL,
			       NULL, &origin);
	if (res != TEEC_SUCCESS)
		errx(1, "cannot open a session on the ecdh TA: %s (0x%08x, "
		     "origin %u)", result_name(res), res, origin);

	generate_key(&sess, a.curve);
	get_public_key(&sess, a.curve, &ta_pub);
	snprintf(shown, sizeof(shown), "TA's %s key pair:", a.curve->name);
	print_point(shown, a.curve, &ta_pub);
	ours = our_key(a.curve, &pub);
	print_point("ours, from OpenSSL:", a.curve, &pub);

	derive(&sess, a.curve, &pub, a.text, ta_mac);
	hex_start(shown, ta_mac, sizeof(ta_mac));
	printf("%-47s %s\n", "HMAC-SHA256 of the message, the TA's secret:",
	       shown);
	theirs = peer_key(a.curve, &ta_pub);
	our_mac(ours, theirs, a.text, mac);
	if (memcmp(mac, ta_mac, sizeof(mac)))
		errx(1, "the HMAC keyed with the secret derived here differs: "
		     "the two ends do not share a secret");
	printf("%-47s the same\n", "with the secret OpenSSL derived here:");

	EVP_PKEY_free(theirs);
	EVP_PKEY_free(ours);
	TEEC_CloseSession(&sess);
	TEEC_FinalizeContext(&ctx);
	return fflush(stdout) ? 1 : 0;
}
