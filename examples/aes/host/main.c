// SPDX-License-Identifier: BSD-2-Clause
/*
 * The aes client: has the aes TA encrypt a message with AES in ECB, CBC,
 * CTR, GCM and CCM, decrypt the ciphertext again and checks that the
 * message comes back; for GCM and CCM it also alters a ciphertext byte,
 * then a tag byte, and checks that the TA refuses each with
 * TEE_ERROR_MAC_INVALID.  The key is generated in the TA (or given on
 * the command line); IVs and nonces are random, made here.  Uses
 * nothing but the GP TEE Client API.
 */
#include <err.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>

/* The GlobalPlatform TEE Client API */
#include <tee_client_api.h>

/* The TA's UUID and commands */
#include <aes_ta.h>

#define DEMO_TEXT	"Encrypted and decrypted inside the aes TA."
#define TEXT_MAX	4096
#define NONCE_LEN	12	/* GCM's usual; CCM takes 7 to 13 */
#define TAG_BITS	128
#define AAD		"aes example, header in the clear"
#define HEX_SHOWN	8	/* ciphertext bytes printed */

struct mode {
	const char *name;	/* on the command line: in lower case */
	uint32_t algo;		/* TA_AES_ALGO_* */
	bool padded;		/* ECB, CBC: whole blocks, PKCS#7 here */
	bool ae;		/* GCM, CCM: a nonce, AAD and a tag */
};

static const struct mode modes[] = {
	{ "ECB", TA_AES_ALGO_ECB, true, false },
	{ "CBC", TA_AES_ALGO_CBC, true, false },
	{ "CTR", TA_AES_ALGO_CTR, false, false },
	{ "GCM", TA_AES_ALGO_GCM, false, true },
	{ "CCM", TA_AES_ALGO_CCM, false, true },
};
#define N_MODES (sizeof(modes) / sizeof(modes[0]))

/* A message or ciphertext: the longest is the text padded by a block */
struct buf {
	uint8_t b[TEXT_MAX + TA_AES_BLOCK_SIZE];
	size_t n;
};

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: aes [OPTION]...\n"
		"Has the aes TA encrypt a message with AES in ECB, CBC, CTR, "
		"GCM and CCM,\ndecrypt it again and checks that the message "
		"comes back.  For GCM and CCM it\nalso alters the ciphertext, "
		"then the tag, and checks that the TA refuses\neach with "
		"TEE_ERROR_MAC_INVALID.  The key is generated in the TA and "
		"never\nleaves it, unless --key gives one; IVs and nonces are "
		"random.  ECB and CBC\ntake whole blocks: the message is "
		"padded here (PKCS#7).\n\n"
		"  -k, --key-size BITS   128, 192 or 256 (default 128)\n"
		"  -K, --key HEX         this key (32, 48 or 64 hex digits) "
		"instead of one the TA\n"
		"                        generates\n"
		"  -m, --mode MODE       only ecb, cbc, ctr, gcm or ccm "
		"(again for more)\n"
		"  -t, --text TEXT       the message (default: \"%s\"),\n"
		"                        up to %d bytes\n"
		"  -h, --help            show this help\n\n"
		"Each mode prints a line: the message's size, the first bytes "
		"of the\nciphertext, and what came back.  The vteed of "
		"$VTEE_RUNTIME_DIR (or the\ndefault one) serves the calls.\n\n"
		"Exit status: 0 every check passed, 1 a call or a check "
		"failed, 2 bad command\nline.\n", DEMO_TEXT, TEXT_MAX);
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
	case TEE_ERROR_MAC_INVALID: return "TEE_ERROR_MAC_INVALID";
	default: return "an error";
	}
}

static void __attribute__((noreturn))
fail(const char *mode, const char *what, TEEC_Result res, uint32_t origin)
{
	errx(1, "%s: %s failed: %s (0x%08x, origin %u)", mode, what,
	     result_name(res), res, origin);
}

/* ------------------------------------------------------------------ */
/* The TA's commands                                                   */
/* ------------------------------------------------------------------ */

static void set_key(TEEC_Session *sess, const uint8_t *key, size_t len)
{
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = (void *)key;
	op.params[0].tmpref.size = len;
	res = TEEC_InvokeCommand(sess, TA_AES_CMD_SET_KEY, &op, &origin);
	if (res != TEEC_SUCCESS)
		fail("key", "SET_KEY", res, origin);
}

static void generate_key(TEEC_Session *sess, uint32_t bits)
{
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = bits;
	res = TEEC_InvokeCommand(sess, TA_AES_CMD_GENERATE_KEY, &op, &origin);
	if (res != TEEC_SUCCESS)
		fail("key", "GENERATE_KEY", res, origin);
}

static void prepare(TEEC_Session *sess, const struct mode *m,
		    uint32_t direction)
{
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = m->algo;
	op.params[0].value.b = direction;
	res = TEEC_InvokeCommand(sess, TA_AES_CMD_PREPARE, &op, &origin);
	if (res != TEEC_SUCCESS)
		fail(m->name, "PREPARE", res, origin);
}

/* SET_IV then CIPHER: in to out, in one direction. */
static void cipher(TEEC_Session *sess, const struct mode *m,
		   const uint8_t *iv, size_t iv_len, const struct buf *in,
		   struct buf *out)
{
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT, TEEC_NONE,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = (void *)iv;
	op.params[0].tmpref.size = iv_len;
	res = TEEC_InvokeCommand(sess, TA_AES_CMD_SET_IV, &op, &origin);
	if (res != TEEC_SUCCESS)
		fail(m->name, "SET_IV", res, origin);

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
					 TEEC_MEMREF_TEMP_OUTPUT,
					 TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = (void *)in->b;
	op.params[0].tmpref.size = in->n;
	op.params[1].tmpref.buffer = out->b;
	op.params[1].tmpref.size = sizeof(out->b);
	res = TEEC_InvokeCommand(sess, TA_AES_CMD_CIPHER, &op, &origin);
	if (res != TEEC_SUCCESS)
		fail(m->name, "CIPHER", res, origin);
	out->n = op.params[1].tmpref.size;
}

static void ae_init(TEEC_Session *sess, const struct mode *m,
		    const uint8_t *nonce, size_t payload_len)
{
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
					 TEEC_VALUE_INPUT,
					 TEEC_MEMREF_TEMP_INPUT, TEEC_NONE);
	op.params[0].tmpref.buffer = (void *)nonce;
	op.params[0].tmpref.size = NONCE_LEN;
	op.params[1].value.a = TAG_BITS;
	op.params[1].value.b = (uint32_t)payload_len;
	op.params[2].tmpref.buffer = (void *)AAD;
	op.params[2].tmpref.size = strlen(AAD);
	res = TEEC_InvokeCommand(sess, TA_AES_CMD_AE_INIT, &op, &origin);
	if (res != TEEC_SUCCESS)
		fail(m->name, "AE_INIT", res, origin);
}

static void ae_encrypt(TEEC_Session *sess, const struct mode *m,
		       const uint8_t *nonce, const struct buf *in,
		       struct buf *out, uint8_t *tag, size_t *tag_len)
{
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;

	ae_init(sess, m, nonce, in->n);
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
					 TEEC_MEMREF_TEMP_OUTPUT,
					 TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE);
	op.params[0].tmpref.buffer = (void *)in->b;
	op.params[0].tmpref.size = in->n;
	op.params[1].tmpref.buffer = out->b;
	op.params[1].tmpref.size = sizeof(out->b);
	op.params[2].tmpref.buffer = tag;
	op.params[2].tmpref.size = *tag_len;
	res = TEEC_InvokeCommand(sess, TA_AES_CMD_AE_ENCRYPT, &op, &origin);
	if (res != TEEC_SUCCESS)
		fail(m->name, "AE_ENCRYPT", res, origin);
	out->n = op.params[1].tmpref.size;
	*tag_len = op.params[2].tmpref.size;
}

/* TEEC_SUCCESS with the plaintext in out, or the TA's refusal. */
static TEEC_Result ae_decrypt(TEEC_Session *sess, const struct mode *m,
			      const uint8_t *nonce, const struct buf *in,
			      struct buf *out, const uint8_t *tag,
			      size_t tag_len)
{
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;

	ae_init(sess, m, nonce, in->n);
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
					 TEEC_MEMREF_TEMP_OUTPUT,
					 TEEC_MEMREF_TEMP_INPUT, TEEC_NONE);
	op.params[0].tmpref.buffer = (void *)in->b;
	op.params[0].tmpref.size = in->n;
	op.params[1].tmpref.buffer = out->b;
	op.params[1].tmpref.size = sizeof(out->b);
	op.params[2].tmpref.buffer = (void *)tag;
	op.params[2].tmpref.size = tag_len;
	res = TEEC_InvokeCommand(sess, TA_AES_CMD_AE_DECRYPT, &op, &origin);
	if (res == TEEC_SUCCESS)
		out->n = op.params[1].tmpref.size;
	else if (res != TEE_ERROR_MAC_INVALID)
		fail(m->name, "AE_DECRYPT", res, origin);
	return res;
}

/* ------------------------------------------------------------------ */
/* The round trips                                                     */
/* ------------------------------------------------------------------ */

static void random_bytes(uint8_t *p, size_t n)
{
	if (getrandom(p, n, 0) != (ssize_t)n)
		err(1, "getrandom");
}

/* PKCS#7: 1 to 16 bytes, each the count. */
static void pad(struct buf *b)
{
	size_t n = TA_AES_BLOCK_SIZE - b->n % TA_AES_BLOCK_SIZE;

	memset(b->b + b->n, (int)n, n);
	b->n += n;
}

static bool unpad(struct buf *b)
{
	size_t n = b->n ? b->b[b->n - 1] : 0;

	if (n < 1 || n > TA_AES_BLOCK_SIZE || n > b->n)
		return false;
	for (size_t i = b->n - n; i < b->n; i++)
		if (b->b[i] != n)
			return false;
	b->n -= n;
	return true;
}

/* The first bytes of b in hex, "..." if there are more. */
static const char *hex_start(const uint8_t *b, size_t n)
{
	static char s[2 * HEX_SHOWN + 4];
	size_t shown = n < HEX_SHOWN ? n : HEX_SHOWN;

	if (!n)
		return "(none)";
	for (size_t i = 0; i < shown; i++)
		snprintf(s + 2 * i, 3, "%02x", b[i]);
	strcpy(s + 2 * shown, n > shown ? "..." : "");
	return s;
}

static bool same(const struct buf *a, const struct buf *b)
{
	return a->n == b->n && !memcmp(a->b, b->b, a->n);
}

static void check_back(const struct mode *m, const struct buf *text,
		       const struct buf *back)
{
	if (!same(text, back))
		errx(1, "%s: decrypting the ciphertext gave %zu bytes that "
		     "are not the message", m->name, back->n);
}

/* ECB, CBC, CTR: encrypt, decrypt, compare. */
static void round_trip_cipher(TEEC_Session *sess, const struct mode *m,
			      const struct buf *text)
{
	uint8_t iv[TA_AES_BLOCK_SIZE];
	size_t iv_len = m->algo == TA_AES_ALGO_ECB ? 0 : sizeof(iv);
	struct buf in = *text, ct, back;

	random_bytes(iv, sizeof(iv));
	if (m->padded)
		pad(&in);
	prepare(sess, m, TA_AES_MODE_ENCODE);
	cipher(sess, m, iv, iv_len, &in, &ct);
	if (ct.n != in.n || (in.n && !memcmp(ct.b, in.b, in.n)))
		errx(1, "%s: the ciphertext is not an encryption of the "
		     "%zu bytes", m->name, in.n);

	prepare(sess, m, TA_AES_MODE_DECODE);
	cipher(sess, m, iv, iv_len, &ct, &back);
	if (m->padded && !unpad(&back))
		errx(1, "%s: the decryption's padding is broken", m->name);
	check_back(m, text, &back);
	printf("%s  %zu bytes%s -> ciphertext %s -> the message again\n",
	       m->name, in.n, m->padded ? " (padded)" : "",
	       hex_start(ct.b, ct.n));
}

/* GCM, CCM: encrypt, decrypt, compare; then two tamperings. */
static void round_trip_ae(TEEC_Session *sess, const struct mode *m,
			  const struct buf *text)
{
	uint8_t nonce[NONCE_LEN], tag[TAG_BITS / 8];
	size_t tag_len = sizeof(tag);
	struct buf ct, back;
	TEEC_Result res_ct, res_tag;

	random_bytes(nonce, sizeof(nonce));
	prepare(sess, m, TA_AES_MODE_ENCODE);
	ae_encrypt(sess, m, nonce, text, &ct, tag, &tag_len);
	if (ct.n != text->n || tag_len != sizeof(tag))
		errx(1, "%s: %zu bytes of ciphertext and a tag of %zu for "
		     "%zu bytes", m->name, ct.n, tag_len, text->n);

	prepare(sess, m, TA_AES_MODE_DECODE);
	if (ae_decrypt(sess, m, nonce, &ct, &back, tag, tag_len) !=
	    TEEC_SUCCESS)
		errx(1, "%s: the TA refused its own ciphertext", m->name);
	check_back(m, text, &back);
	printf("%s  %zu bytes -> ciphertext %s + %zu-byte tag -> the "
	       "message again\n", m->name, text->n, hex_start(ct.b, ct.n),
	       tag_len);

	/* one bit of the ciphertext (or of the tag) flipped */
	res_ct = TEE_ERROR_MAC_INVALID;
	if (ct.n) {
		ct.b[0] ^= 0x01;
		res_ct = ae_decrypt(sess, m, nonce, &ct, &back, tag, tag_len);
		ct.b[0] ^= 0x01;
	}
	tag[tag_len - 1] ^= 0x80;
	res_tag = ae_decrypt(sess, m, nonce, &ct, &back, tag, tag_len);
	if (res_ct != TEE_ERROR_MAC_INVALID ||
	    res_tag != TEE_ERROR_MAC_INVALID)
		errx(1, "%s: a tampered %s was accepted", m->name,
		     res_ct != TEE_ERROR_MAC_INVALID ? "ciphertext" : "tag");
	printf("     tampered %s: %s\n",
	       ct.n ? "ciphertext, then tag" : "tag",
	       result_name(TEE_ERROR_MAC_INVALID));
}

/* ------------------------------------------------------------------ */
/* The command line                                                    */
/* ------------------------------------------------------------------ */

struct args {
	uint32_t key_bits;
	uint8_t key[32];
	size_t key_len;		/* 0: the TA generates the key */
	unsigned int modes;	/* bit i: modes[i]; 0: all */
	const char *text;
};

static int hex_parse(const char *s, uint8_t *out, size_t max, size_t *len)
{
	size_t n = strlen(s);

	if (n % 2 || n / 2 > max)
		return -1;
	for (size_t i = 0; i < n / 2; i++) {
		unsigned int v;

		if (sscanf(s + 2 * i, "%2x", &v) != 1 ||
		    !strchr("0123456789abcdefABCDEF", s[2 * i]) ||
		    !strchr("0123456789abcdefABCDEF", s[2 * i + 1]))
			return -1;
		out[i] = (uint8_t)v;
	}
	*len = n / 2;
	return 0;
}

static int mode_parse(const char *s, unsigned int *mask)
{
	for (size_t i = 0; i < N_MODES; i++) {
		if (!strcasecmp(s, modes[i].name)) {
			*mask |= 1u << i;
			return 0;
		}
	}
	return -1;
}

/* 0 to go on, else the exit status. */
static int args_parse(int argc, char **argv, struct args *a)
{
	static const struct option opts[] = {
		{ "key-size", required_argument, NULL, 'k' },
		{ "key", required_argument, NULL, 'K' },
		{ "mode", required_argument, NULL, 'm' },
		{ "text", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 }
	};
	bool bits_given = false;
	char *end;
	int c;

	a->key_bits = 128;
	a->text = DEMO_TEXT;
	while ((c = getopt_long(argc, argv, "k:K:m:t:h", opts, NULL)) != -1) {
		switch (c) {
		case 'k':
			a->key_bits = (uint32_t)strtoul(optarg, &end, 10);
			if (*end || (a->key_bits != 128 &&
				     a->key_bits != 192 &&
				     a->key_bits != 256)) {
				warnx("a key is 128, 192 or 256 bits, not "
				      "'%s'", optarg);
				return 2;
			}
			bits_given = true;
			break;
		case 'K':
			if (hex_parse(optarg, a->key, sizeof(a->key),
				      &a->key_len) ||
			    (a->key_len != 16 && a->key_len != 24 &&
			     a->key_len != 32)) {
				warnx("--key takes 32, 48 or 64 hex digits");
				return 2;
			}
			break;
		case 'm':
			if (mode_parse(optarg, &a->modes)) {
				warnx("no mode '%s' (ecb, cbc, ctr, gcm, ccm)",
				      optarg);
				return 2;
			}
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
	if (a->key_len && bits_given && a->key_len * 8 != a->key_bits) {
		warnx("--key has %zu bits, --key-size says %u",
		      a->key_len * 8, a->key_bits);
		return 2;
	}
	if (a->key_len)
		a->key_bits = (uint32_t)a->key_len * 8;
	if (strlen(a->text) > TEXT_MAX) {
		warnx("the text is %zu bytes, more than %d", strlen(a->text),
		      TEXT_MAX);
		return 2;
	}
	if (!a->modes)
		a->modes = (1u << N_MODES) - 1;
	return 0;
}

int main(int argc, char **argv)
{
	TEEC_UUID uuid = TA_AES_UUID;
	struct args a = { 0 };
	TEEC_Context ctx;
	TEEC_Session sess;
	TEEC_Result res;
	uint32_t origin;
	struct buf text;
	int rc;

	rc = args_parse(argc, argv, &a);
	if (rc)
		return rc;
	text.n = strlen(a.text);
	memcpy(text.b, a.text, text.n);

	res = TEEC_InitializeContext(NULL, &ctx);
	if (res != TEEC_SUCCESS)
		errx(1, "cannot reach the TEE (%s): is vteed running, and "
		     "VTEE_RUNTIME_DIR its runtime dir?", result_name(res));
	res = TEEC_OpenSession(&ctx, &sess, &uuid, TEEC_LOGIN_PUBLIC, NULL,
			       NULL, &origin);
	if (res != TEEC_SUCCESS)
		errx(1, "cannot open a session on the aes TA: %s (0x%08x, "
		     "origin %u)", result_name(res), res, origin);

	if (a.key_len)
		set_key(&sess, a.key, a.key_len);
	else
		generate_key(&sess, a.key_bits);
	printf("AES-%u, key %s; message of %zu bytes\n", a.key_bits,
	       a.key_len ? "from the command line" :
	       "generated in the TA (it never leaves it)", text.n);

	for (size_t i = 0; i < N_MODES; i++) {
		if (!(a.modes & (1u << i)))
			continue;
		if (modes[i].ae)
			round_trip_ae(&sess, &modes[i], &text);
		else
			round_trip_cipher(&sess, &modes[i], &text);
	}

	TEEC_CloseSession(&sess);
	TEEC_FinalizeContext(&ctx);
	return fflush(stdout) ? 1 : 0;
}
