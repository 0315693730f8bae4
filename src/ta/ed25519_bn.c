// SPDX-License-Identifier: BSD-2-Clause
/*
 * Ed25519, Ed25519ctx and Ed25519ph (RFC 8032 §5.1) with BIGNUM, for
 * the variants libcrypto 3.0 lacks (ed25519_bn.h).  Points are in
 * extended homogeneous coordinates (X : Y : Z : T), x = X/Z, y = Y/Z,
 * xy = T/Z, added with §5.1.4's unified formula (which doubles too);
 * scalars are multiplied by double-and-add.
 */
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <string.h>
#include <tee_internal_api.h>

#include "crypto_lib.h"
#include "ed25519_bn.h"

/* The curve's numbers, and the BN_CTX everything else is taken from */
struct ed {
	BN_CTX *bn;
	BIGNUM *p;	/* 2^255 - 19 */
	BIGNUM *d2;	/* 2d, d = -121665/121666 */
	BIGNUM *d;
	BIGNUM *l;	/* the order of the base point */
	BIGNUM *sqrtm1;	/* 2^((p-1)/4): a square root of -1 */
	BIGNUM *e58;	/* (p-5)/8: the exponent of the square root */
};

struct pt {
	BIGNUM *x, *y, *z, *t;
};

/* The base point's encoding: y = 4/5, x even */
static const uint8_t base_enc[32] = {
	0x58, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
	0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
	0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
	0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
};

static const char order_hex[] =
	"1000000000000000000000000000000014DEF9DEA2F79CD65812631A5CF5D3ED";

static const char dom2_tag[] = "SigEd25519 no Ed25519 collisions";

/* ------------------------------------------------------------------ */
/* Numbers                                                             */
/* ------------------------------------------------------------------ */

static bool get_all(BN_CTX *c, BIGNUM **v[], int n)
{
	for (int i = 0; i < n; i++) {
		*v[i] = BN_CTX_get(c);
		if (!*v[i])
			return false;
	}
	return true;
}

/* The constants; the caller frees e->bn (BN_CTX_end first) */
static bool ed_init(struct ed *e)
{
	BIGNUM **v[] = { &e->p, &e->d2, &e->d, &e->l, &e->sqrtm1, &e->e58 };
	BIGNUM *t;

	e->bn = BN_CTX_secure_new();
	if (!e->bn)
		return false;
	BN_CTX_start(e->bn);
	if (!get_all(e->bn, v, 6) || !(t = BN_CTX_get(e->bn)))
		return false;
	return BN_set_word(e->p, 1) && BN_lshift(e->p, e->p, 255) &&
	       BN_sub_word(e->p, 19) &&
	       BN_hex2bn(&e->l, order_hex) &&
	       /* d = -121665 / 121666 */
	       BN_set_word(t, 121666) &&
	       BN_mod_inverse(t, t, e->p, e->bn) &&
	       BN_set_word(e->d, 121665) &&
	       BN_mod_mul(e->d, e->d, t, e->p, e->bn) &&
	       BN_sub(e->d, e->p, e->d) &&
	       BN_mod_lshift1(e->d2, e->d, e->p, e->bn) &&
	       /* sqrt(-1) = 2^((p-1)/4) */
	       BN_rshift(t, e->p, 2) && BN_set_word(e->sqrtm1, 2) &&
	       BN_mod_exp(e->sqrtm1, e->sqrtm1, t, e->p, e->bn) &&
	       BN_sub(e->e58, e->p, BN_value_one()) &&
	       BN_sub_word(e->e58, 4) && BN_rshift(e->e58, e->e58, 3);
}

static void ed_done(struct ed *e)
{
	if (!e->bn)
		return;
	BN_CTX_end(e->bn);
	BN_CTX_free(e->bn);
}

static bool pt_new(struct ed *e, struct pt *q)
{
	BIGNUM **v[] = { &q->x, &q->y, &q->z, &q->t };

	return get_all(e->bn, v, 4);
}

static bool pt_copy(struct pt *r, const struct pt *a)
{
	return BN_copy(r->x, a->x) && BN_copy(r->y, a->y) &&
	       BN_copy(r->z, a->z) && BN_copy(r->t, a->t);
}

/* RFC 8032 §5.1.4; r may be a or b (every read comes before a write) */
static bool pt_add(struct ed *e, struct pt *r, const struct pt *a,
		   const struct pt *b)
{
	BN_CTX *c = e->bn;
	BIGNUM *A, *B, *C, *D, *E, *F, *G, *H, *t;
	BIGNUM **v[] = { &A, &B, &C, &D, &E, &F, &G, &H, &t };
	const BIGNUM *p = e->p;
	bool ok;

	BN_CTX_start(c);
	ok = get_all(c, v, 9) &&
	     BN_mod_sub(A, a->y, a->x, p, c) &&
	     BN_mod_sub(t, b->y, b->x, p, c) && BN_mod_mul(A, A, t, p, c) &&
	     BN_mod_add(B, a->y, a->x, p, c) &&
	     BN_mod_add(t, b->y, b->x, p, c) && BN_mod_mul(B, B, t, p, c) &&
	     BN_mod_mul(C, a->t, b->t, p, c) && BN_mod_mul(C, C, e->d2, p, c) &&
	     BN_mod_mul(D, a->z, b->z, p, c) && BN_mod_lshift1(D, D, p, c) &&
	     BN_mod_sub(E, B, A, p, c) && BN_mod_sub(F, D, C, p, c) &&
	     BN_mod_add(G, D, C, p, c) && BN_mod_add(H, B, A, p, c) &&
	     BN_mod_mul(r->x, E, F, p, c) && BN_mod_mul(r->y, G, H, p, c) &&
	     BN_mod_mul(r->t, E, H, p, c) && BN_mod_mul(r->z, F, G, p, c);
	BN_CTX_end(c);
	return ok;
}

/* r = [k]a */
static bool pt_mul(struct ed *e, struct pt *r, const BIGNUM *k,
		   const struct pt *a)
{
	struct pt q;
	bool ok;

	BN_CTX_start(e->bn);
	/* r starts as the neutral element (0, 1) */
	ok = pt_new(e, &q) && pt_copy(&q, a) && BN_set_word(r->x, 0) &&
	     BN_one(r->y) && BN_one(r->z) && BN_set_word(r->t, 0);
	for (int i = BN_num_bits(k) - 1; ok && i >= 0; i--) {
		ok = pt_add(e, r, r, r);
		if (ok && BN_is_bit_set(k, i))
			ok = pt_add(e, r, r, &q);
	}
	BN_CTX_end(e->bn);
	return ok;
}

/* §5.1.2: y little-endian, x's low bit in the top bit */
static bool pt_encode(struct ed *e, uint8_t out[32], const struct pt *a)
{
	BIGNUM *zi, *x, *y;
	BIGNUM **v[] = { &zi, &x, &y };
	bool ok;

	BN_CTX_start(e->bn);
	ok = get_all(e->bn, v, 3) &&
	     BN_mod_inverse(zi, a->z, e->p, e->bn) &&
	     BN_mod_mul(x, a->x, zi, e->p, e->bn) &&
	     BN_mod_mul(y, a->y, zi, e->p, e->bn) &&
	     BN_bn2lebinpad(y, out, 32) == 32;
	if (ok && BN_is_odd(x))
		out[31] |= 0x80;
	BN_CTX_end(e->bn);
	return ok;
}

/* x from y and its low bit (§5.1.3 steps 2-4); false if none */
static bool recover_x(struct ed *e, BIGNUM *x, const BIGNUM *y, int x0)
{
	BN_CTX *c = e->bn;
	BIGNUM *u, *v, *t, *w;
	BIGNUM **vs[] = { &u, &v, &t, &w };
	const BIGNUM *p = e->p;
	bool ok;

	BN_CTX_start(c);
	/* u = y^2 - 1, v = d y^2 + 1, x = u v^3 (u v^7)^((p-5)/8) */
	ok = get_all(c, vs, 4) && BN_mod_sqr(t, y, p, c) &&
	     BN_mod_sub(u, t, BN_value_one(), p, c) &&
	     BN_mod_mul(v, t, e->d, p, c) &&
	     BN_mod_add(v, v, BN_value_one(), p, c) &&
	     BN_mod_sqr(t, v, p, c) && BN_mod_mul(t, t, v, p, c) &&
	     BN_mod_mul(w, t, u, p, c) &&			/* u v^3 */
	     BN_mod_sqr(t, t, p, c) && BN_mod_mul(t, t, v, p, c) &&
	     BN_mod_mul(t, t, u, p, c) &&			/* u v^7 */
	     BN_mod_exp(t, t, e->e58, p, c) && BN_mod_mul(x, w, t, p, c) &&
	     BN_mod_sqr(t, x, p, c) && BN_mod_mul(t, t, v, p, c);  /* v x^2 */
	if (ok && BN_cmp(t, u)) {
		/* v x^2 = -u: multiply by sqrt(-1); anything else: no x */
		ok = BN_mod_add(t, t, u, p, c) && BN_is_zero(t) &&
		     BN_mod_mul(x, x, e->sqrtm1, p, c);
	}
	if (ok && BN_is_zero(x) && x0)
		ok = false;
	if (ok && BN_is_odd(x) != x0)
		ok = BN_sub(x, p, x);
	BN_CTX_end(c);
	return ok;
}

/* §5.1.3; false for an encoding of no point */
static bool pt_decode(struct ed *e, struct pt *a, const uint8_t in[32])
{
	uint8_t buf[32];
	int x0 = in[31] >> 7;

	memcpy(buf, in, 32);
	buf[31] &= 0x7f;
	if (!BN_lebin2bn(buf, 32, a->y) || BN_cmp(a->y, e->p) >= 0)
		return false;
	return recover_x(e, a->x, a->y, x0) && BN_one(a->z) &&
	       BN_mod_mul(a->t, a->x, a->y, e->p, e->bn);
}

/* ------------------------------------------------------------------ */
/* Hashes                                                              */
/* ------------------------------------------------------------------ */

struct part {
	const void *buf;
	size_t len;
};

static bool sha512(uint8_t out[64], const struct part *parts, int n)
{
	EVP_MD_CTX *c = EVP_MD_CTX_new();
	bool ok = c && EVP_DigestInit_ex2(c, ta_crypto_md(TEE_ALG_SHA512),
					  NULL);

	for (int i = 0; ok && i < n; i++)
		ok = EVP_DigestUpdate(c, parts[i].buf, parts[i].len);
	ok = ok && EVP_DigestFinal_ex(c, out, NULL);
	EVP_MD_CTX_free(c);
	return ok;
}

/* SHA-512 of the parts as a number mod the group order (§5.1.6) */
static bool hash_scalar(struct ed *e, BIGNUM *k, const struct part *parts,
			int n)
{
	uint8_t h[64];
	bool ok = sha512(h, parts, n) && BN_lebin2bn(h, 64, k) &&
		  BN_nnmod(k, k, e->l, e->bn);

	OPENSSL_cleanse(h, sizeof(h));
	return ok;
}

/* dom2(phflag, context) (§2), empty for plain Ed25519 */
struct dom {
	uint8_t head[sizeof(dom2_tag) - 1 + 2];
	struct part tag, ctx;
};

static void dom_init(struct dom *d, bool ph, const uint8_t *ctx,
		     size_t ctx_len)
{
	bool used = ph || ctx_len;

	memcpy(d->head, dom2_tag, sizeof(dom2_tag) - 1);
	d->head[sizeof(d->head) - 2] = ph;
	d->head[sizeof(d->head) - 1] = (uint8_t)ctx_len;
	d->tag = (struct part){ d->head, used ? sizeof(d->head) : 0 };
	d->ctx = (struct part){ ctx, used ? ctx_len : 0 };
}

/* M, or PH(M) = SHA-512(M) for Ed25519ph */
static bool message(struct part *m, uint8_t ph_buf[64], bool ph,
		    const uint8_t *msg, size_t len)
{
	struct part whole = { msg, len };

	*m = whole;
	if (!ph)
		return true;
	*m = (struct part){ ph_buf, 64 };
	return sha512(ph_buf, &whole, 1);
}

/* ------------------------------------------------------------------ */
/* Sign and verify (§5.1.6, §5.1.7)                                    */
/* ------------------------------------------------------------------ */

/* The secret scalar s and prefix from the private key (§5.1.5) */
static bool expand(const uint8_t priv[32], BIGNUM *s, uint8_t h[64])
{
	struct part k = { priv, 32 };

	if (!sha512(h, &k, 1))
		return false;
	h[0] &= 248;
	h[31] &= 127;
	h[31] |= 64;
	return BN_lebin2bn(h, 32, s);
}

static bool sign(struct ed *e, const uint8_t priv[32], const struct dom *d,
		 const struct part *m, uint8_t sig[64])
{
	struct pt base, q;
	BIGNUM *s = NULL, *r = NULL, *k = NULL;
	BIGNUM **v[] = { &s, &r, &k };
	uint8_t h[64], a_enc[32];
	bool ok;

	ok = get_all(e->bn, v, 3) && pt_new(e, &base) && pt_new(e, &q) &&
	     pt_decode(e, &base, base_enc) && expand(priv, s, h) &&
	     pt_mul(e, &q, s, &base) && pt_encode(e, a_enc, &q);
	if (ok) {
		struct part rp[] = { d->tag, d->ctx, { h + 32, 32 }, *m };

		ok = hash_scalar(e, r, rp, 4) && pt_mul(e, &q, r, &base) &&
		     pt_encode(e, sig, &q);
	}
	if (ok) {
		struct part kp[] = { d->tag, d->ctx, { sig, 32 },
				     { a_enc, 32 }, *m };

		/* S = (r + k s) mod L */
		ok = hash_scalar(e, k, kp, 5) &&
		     BN_mod_mul(k, k, s, e->l, e->bn) &&
		     BN_mod_add(k, k, r, e->l, e->bn) &&
		     BN_bn2lebinpad(k, sig + 32, 32) == 32;
	}
	OPENSSL_cleanse(h, sizeof(h));
	if (s)
		BN_clear(s);
	if (r)
		BN_clear(r);
	return ok;
}

bool ta_ed25519_sign(const uint8_t priv[32], bool ph, const uint8_t *ctx,
		     size_t ctx_len, const uint8_t *msg, size_t len,
		     uint8_t sig[64])
{
	struct ed e = { 0 };
	struct dom d;
	struct part m;
	uint8_t ph_buf[64];
	bool ok;

	dom_init(&d, ph, ctx, ctx_len);
	ok = ctx_len <= TA_ED25519_CTX_MAX && ed_init(&e) &&
	     message(&m, ph_buf, ph, msg, len) && sign(&e, priv, &d, &m, sig);
	ed_done(&e);
	return ok;
}

/* [S]B == R + [k]A, compared encoded */
static int verify(struct ed *e, const uint8_t pub[32], const struct dom *d,
		  const struct part *m, const uint8_t sig[64])
{
	struct pt base, a, r, sb;
	BIGNUM *s, *k;
	BIGNUM **v[] = { &s, &k };
	uint8_t lhs[32], rhs[32];
	struct part kp[] = { d->tag, d->ctx, { sig, 32 }, { pub, 32 }, *m };

	if (!get_all(e->bn, v, 2) || !pt_new(e, &base) || !pt_new(e, &a) ||
	    !pt_new(e, &r) || !pt_new(e, &sb) ||
	    !pt_decode(e, &base, base_enc))
		return -1;
	if (!pt_decode(e, &a, pub) || !pt_decode(e, &r, sig) ||
	    !BN_lebin2bn(sig + 32, 32, s) || BN_cmp(s, e->l) >= 0)
		return 0;
	if (!hash_scalar(e, k, kp, 5) || !pt_mul(e, &sb, s, &base) ||
	    !pt_mul(e, &a, k, &a) || !pt_add(e, &r, &r, &a) ||
	    !pt_encode(e, lhs, &sb) || !pt_encode(e, rhs, &r))
		return -1;
	return !memcmp(lhs, rhs, 32);
}

int ta_ed25519_verify(const uint8_t pub[32], bool ph, const uint8_t *ctx,
		      size_t ctx_len, const uint8_t *msg, size_t len,
		      const uint8_t sig[64])
{
	struct ed e = { 0 };
	struct dom d;
	struct part m;
	uint8_t ph_buf[64];
	int res = -1;

	if (ctx_len > TA_ED25519_CTX_MAX)
		return 0;
	dom_init(&d, ph, ctx, ctx_len);
	if (ed_init(&e) && message(&m, ph_buf, ph, msg, len))
		res = verify(&e, pub, &d, &m, sig);
	ed_done(&e);
	return res;
}
