// SPDX-License-Identifier: BSD-2-Clause
/*
 * The rsa_sign client: has the rsa_sign TA generate an RSA key pair,
 * hashes a message with SHA-256 and has the TA sign the digest, with
 * PKCS#1 v1.5 and with PSS.  Each signature is then checked three ways:
 * the TA verifies it; OpenSSL verifies it here with the public key the
 * TA hands out (a signature anyone can check); and the TA refuses, with
 * TEE_ERROR_SIGNATURE_INVALID, the signature with one bit flipped and
 * the signature offered for another digest.  The TEE is reached
 * through the GP TEE Client API only; OpenSSL's libcrypto does what a
 * normal-world program would: the hash, and the outside verification.
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
#include <openssl/rsa.h>

/* The GlobalPlatform TEE Client API */
#include <tee_client_api.h>

/* The TA's UUID and commands */
#include <rsa_sign_ta.h>

#define DEMO_TEXT	"Signed inside the rsa_sign TA."
#define BITS_MIN	1024
#define BITS_MAX	4096
#define BYTES_MAX	(BITS_MAX / 8)
#define HEX_SHOWN	8	/* bytes of a digest or signature printed */

struct scheme {
	const char *name;	/* printed */
	const char *arg;	/* on the command line */
	uint32_t id;		/* TA_RSA_SIGN_* */
	int padding;		/* OpenSSL's */
};

static const struct scheme schemes[] = {
	{ "PKCS#1 v1.5", "pkcs1", TA_RSA_SIGN_PKCS1_V1_5, RSA_PKCS1_PADDING },
	{ "PSS", "pss", TA_RSA_SIGN_PSS, RSA_PKCS1_PSS_PADDING },
};
#define N_SCHEMES (sizeof(schemes) / sizeof(schemes[0]))

struct pubkey {
	uint8_t n[BYTES_MAX], e[8];
	size_t n_len, e_len;
};

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: rsa_sign [OPTION]...\n"
		"Has the rsa_sign TA generate an RSA key pair and sign the "
		"SHA-256 digest of a\nmessage with PKCS#1 v1.5 and with PSS. "
		" Each signature is verified by the TA\nand by OpenSSL with "
		"the TA's public key; a signature with one bit flipped,\n"
		"and one offered for another digest, must get "
		"TEE_ERROR_SIGNATURE_INVALID.\nThe private key never leaves "
		"the TA.\n\n"
		"  -k, --key-size BITS   the modulus, %d to %d bits "
		"(default 2048)\n"
		"  -s, --scheme SCHEME   only pkcs1 or pss (default both)\n"
		"  -t, --text TEXT       the message (default: \"%s\")\n"
		"  -h, --help            show this help\n\n"
		"The vteed of $VTEE_RUNTIME_DIR (or the default one) serves "
		"the calls.\n\n"
		"Exit status: 0 every check passed, 1 a call or a check "
		"failed, 2 bad command\nline.\n", BITS_MIN, BITS_MAX,
		DEMO_TEXT);
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
	case TEE_ERROR_SIGNATURE_INVALID: return "TEE_ERROR_SIGNATURE_INVALID";
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
static const char *hex_start(const uint8_t *b, size_t n)
{
	static char s[2 * HEX_SHOWN + 4];
	size_t shown = n < HEX_SHOWN ? n : HEX_SHOWN;

	for (size_t i = 0; i < shown; i++)
		snprintf(s + 2 * i, 3, "%02x", b[i]);
	strcpy(s + 2 * shown, n > shown ? "..." : "");
	return s;
}

/* The public exponent as a number (it fits: the TA's is 65537). */
static unsigned long long exponent(const struct pubkey *pub)
{
	unsigned long long e = 0;

	for (size_t i = 0; i < pub->e_len; i++)
		e = e << 8 | pub->e[i];
	return e;
}

/* ------------------------------------------------------------------ */
/* The TA's commands                                                   */
/* ------------------------------------------------------------------ */

static void generate_key(TEEC_Session *sess, uint32_t bits)
{
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = bits;
	res = TEEC_InvokeCommand(sess, TA_RSA_SIGN_CMD_GENERATE_KEY, &op,
				 &origin);
	if (res != TEEC_SUCCESS)
		fail("generating the key pair", res, origin);
}

static void get_public_key(TEEC_Session *sess, struct pubkey *pub)
{
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_OUTPUT,
					 TEEC_MEMREF_TEMP_OUTPUT,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = pub->n;
	op.params[0].tmpref.size = sizeof(pub->n);
	op.params[1].tmpref.buffer = pub->e;
	op.params[1].tmpref.size = sizeof(pub->e);
	res = TEEC_InvokeCommand(sess, TA_RSA_SIGN_CMD_GET_PUBLIC_KEY, &op,
				 &origin);
	if (res != TEEC_SUCCESS)
		fail("reading the public key", res, origin);
	pub->n_len = op.params[0].tmpref.size;
	pub->e_len = op.params[1].tmpref.size;
}

static void sign(TEEC_Session *sess, const struct scheme *sc,
		 const uint8_t *digest, uint8_t *sig, size_t *sig_len)
{
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT,
					 TEEC_MEMREF_TEMP_INPUT,
					 TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE);
	op.params[0].value.a = sc->id;
	op.params[1].tmpref.buffer = (void *)digest;
	op.params[1].tmpref.size = TA_RSA_SIGN_DIGEST_SIZE;
	op.params[2].tmpref.buffer = sig;
	op.params[2].tmpref.size = *sig_len;
	res = TEEC_InvokeCommand(sess, TA_RSA_SIGN_CMD_SIGN, &op, &origin);
	if (res != TEEC_SUCCESS)
		fail("signing", res, origin);
	*sig_len = op.params[2].tmpref.size;
}

/* TEEC_SUCCESS, TEE_ERROR_SIGNATURE_INVALID, or it fails here. */
static TEEC_Result verify(TEEC_Session *sess, const struct scheme *sc,
			  const uint8_t *digest, const uint8_t *sig,
			  size_t sig_len)
{
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT,
					 TEEC_MEMREF_TEMP_INPUT,
					 TEEC_MEMREF_TEMP_INPUT, TEEC_NONE);
	op.params[0].value.a = sc->id;
	op.params[1].tmpref.buffer = (void *)digest;
	op.params[1].tmpref.size = TA_RSA_SIGN_DIGEST_SIZE;
	op.params[2].tmpref.buffer = (void *)sig;
	op.params[2].tmpref.size = sig_len;
	res = TEEC_InvokeCommand(sess, TA_RSA_SIGN_CMD_VERIFY, &op, &origin);
	if (res != TEEC_SUCCESS && res != TEE_ERROR_SIGNATURE_INVALID)
		fail("verifying", res, origin);
	return res;
}

/* ------------------------------------------------------------------ */
/* OpenSSL, in the normal world                                        */
/* ------------------------------------------------------------------ */

static void sha256(const char *text, uint8_t *digest)
{
	unsigned int len = 0;

	if (!EVP_Digest(text, strlen(text), digest, &len, EVP_sha256(),
			NULL) || len != TA_RSA_SIGN_DIGEST_SIZE)
		errx(1, "OpenSSL cannot compute a SHA-256 digest");
}

/* The TA's public key as OpenSSL's. */
static EVP_PKEY *public_key(const struct pubkey *pub)
{
	OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
	BIGNUM *n = BN_bin2bn(pub->n, (int)pub->n_len, NULL);
	BIGNUM *e = BN_bin2bn(pub->e, (int)pub->e_len, NULL);
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL);
	OSSL_PARAM *params = NULL;
	EVP_PKEY *pkey = NULL;

	if (bld && n && e && ctx &&
	    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, n) &&
	    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, e))
		params = OSSL_PARAM_BLD_to_param(bld);
	if (!params || EVP_PKEY_fromdata_init(ctx) <= 0 ||
	    EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_PUBLIC_KEY, params) <= 0)
		errx(1, "OpenSSL does not take the TA's public key");
	OSSL_PARAM_free(params);
	EVP_PKEY_CTX_free(ctx);
	BN_free(e);
	BN_free(n);
	OSSL_PARAM_BLD_free(bld);
	return pkey;
}

/* PSS as GP signs by default: MGF1 with the digest's hash, a salt as
 * long as the digest. */
static bool openssl_verifies(EVP_PKEY *pkey, const struct scheme *sc,
			     const uint8_t *digest, const uint8_t *sig,
			     size_t sig_len)
{
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
	bool pss = sc->padding == RSA_PKCS1_PSS_PADDING;
	bool ok = ctx && EVP_PKEY_verify_init(ctx) > 0 &&
		  EVP_PKEY_CTX_set_rsa_padding(ctx, sc->padding) > 0 &&
		  EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256()) > 0 &&
		  (!pss || EVP_PKEY_CTX_set_rsa_pss_saltlen(
				   ctx, RSA_PSS_SALTLEN_DIGEST) > 0) &&
		  EVP_PKEY_verify(ctx, sig, sig_len, digest,
				  TA_RSA_SIGN_DIGEST_SIZE) == 1;

	EVP_PKEY_CTX_free(ctx);
	return ok;
}

/* ------------------------------------------------------------------ */

/* Sign, and check the signature the four ways. */
static void sign_and_check(TEEC_Session *sess, EVP_PKEY *pkey,
			   const struct scheme *sc, const uint8_t *digest,
			   const uint8_t *other)
{
	uint8_t sig[BYTES_MAX];
	size_t sig_len = sizeof(sig);
	TEEC_Result flipped, wrong;

	sign(sess, sc, digest, sig, &sig_len);
	if (verify(sess, sc, digest, sig, sig_len) != TEEC_SUCCESS)
		errx(1, "%s: the TA does not verify its own signature",
		     sc->name);
	if (!openssl_verifies(pkey, sc, digest, sig, sig_len))
		errx(1, "%s: OpenSSL does not verify the TA's signature with "
		     "its public key", sc->name);
	printf("%-12s signature %s (%zu bytes): verified by the TA and by "
	       "OpenSSL\n", sc->name, hex_start(sig, sig_len), sig_len);

	sig[sig_len / 2] ^= 0x10;
	flipped = verify(sess, sc, digest, sig, sig_len);
	sig[sig_len / 2] ^= 0x10;
	wrong = verify(sess, sc, other, sig, sig_len);
	if (flipped != TEE_ERROR_SIGNATURE_INVALID ||
	    wrong != TEE_ERROR_SIGNATURE_INVALID)
		errx(1, "%s: the TA accepted %s", sc->name,
		     flipped != TEE_ERROR_SIGNATURE_INVALID ?
		     "a signature with a bit flipped" :
		     "the signature for another digest");
	printf("%-12s a bit of it flipped, another digest: %s\n", "",
	       result_name(TEE_ERROR_SIGNATURE_INVALID));
}

struct args {
	uint32_t key_bits;
	unsigned int schemes;	/* bit i: schemes[i]; 0: all */
	const char *text;
};

/* 0 to go on, else the exit status. */
static int args_parse(int argc, char **argv, struct args *a)
{
	static const struct option opts[] = {
		{ "key-size", required_argument, NULL, 'k' },
		{ "scheme", required_argument, NULL, 's' },
		{ "text", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 }
	};
	unsigned long v;
	char *end;
	size_t i;
	int c;

	a->key_bits = 2048;
	a->text = DEMO_TEXT;
	while ((c = getopt_long(argc, argv, "k:s:t:h", opts, NULL)) != -1) {
		switch (c) {
		case 'k':
			v = strtoul(optarg, &end, 10);
			if (*end || !*optarg || v < BITS_MIN || v > BITS_MAX) {
				warnx("a key is %d to %d bits, not '%s'",
				      BITS_MIN, BITS_MAX, optarg);
				return 2;
			}
			a->key_bits = (uint32_t)v;
			break;
		case 's':
			for (i = 0; i < N_SCHEMES; i++)
				if (!strcmp(optarg, schemes[i].arg))
					break;
			if (i == N_SCHEMES) {
				warnx("no scheme '%s' (pkcs1, pss)", optarg);
				return 2;
			}
			a->schemes |= 1u << i;
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
	if (!a->schemes)
		a->schemes = (1u << N_SCHEMES) - 1;
	return 0;
}

int main(int argc, char **argv)
{
	TEEC_UUID uuid = TA_RSA_SIGN_UUID;
	uint8_t digest[TA_RSA_SIGN_DIGEST_SIZE];
	uint8_t other[TA_RSA_SIGN_DIGEST_SIZE];
	struct args a = { 0 };
	struct pubkey pub;
	TEEC_Context ctx;
	TEEC_Session sess;
	TEEC_Result res;
	EVP_PKEY *pkey;
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
		errx(1, "cannot open a session on the rsa_sign TA: %s "
		     "(0x%08x, origin %u)", result_name(res), res, origin);

	generate_key(&sess, a.key_bits);
	get_public_key(&sess, &pub);
	pkey = public_key(&pub);
	printf("RSA-%u key pair generated in the TA: modulus %s, public "
	       "exponent %llu\n", a.key_bits, hex_start(pub.n, pub.n_len),
	       exponent(&pub));

	sha256(a.text, digest);
	/* the digest of some other message */
	memcpy(other, digest, sizeof(other));
	other[0] ^= 0x01;
	printf("message of %zu bytes, SHA-256 %s\n", strlen(a.text),
	       hex_start(digest, sizeof(digest)));

	for (size_t i = 0; i < N_SCHEMES; i++)
		if (a.schemes & (1u << i))
			sign_and_check(&sess, pkey, &schemes[i], digest,
				       other);

	EVP_PKEY_free(pkey);
	TEEC_CloseSession(&sess);
	TEEC_FinalizeContext(&ctx);
	return fflush(stdout) ? 1 : 0;
}
