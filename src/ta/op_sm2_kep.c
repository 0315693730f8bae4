// SPDX-License-Identifier: BSD-2-Clause
/*
 * SM2 key exchange (GB/T 32918.3 §6.1), TEE_ALG_SM2_KEP, computed on
 * libcrypto's EC_GROUP and SM3 (libcrypto 3.0 has no SM2 key exchange).
 *
 * As in OP-TEE: SetOperationKey2 gives the user's own static key pair
 * (d, P) and ephemeral key pair (r, R); TEE_DeriveKey's parameters are
 * TEE_ATTR_SM2_KEP_USER (value a: 0 initiator, else responder), the
 * peer's static key (TEE_ATTR_ECC_PUBLIC_VALUE_X/_Y) and ephemeral key
 * (TEE_ATTR_ECC_EPHEMERAL_PUBLIC_VALUE_X/_Y, or OP-TEE's older
 * __OPTEE_SM2_KEP_ATTR_ECC_EPHEMERAL_PUBLIC_VALUE_X/_Y), both IDs
 * (TEE_ATTR_SM2_ID_INITIATOR/_RESPONDER), and optionally the peer's
 * confirmation hash to check (TEE_ATTR_SM2_KEP_CONFIRMATION_IN) and a
 * 32-byte buffer for this side's (TEE_ATTR_SM2_KEP_CONFIRMATION_OUT,
 * written in place).  The key is as long as the derived key object's
 * maxObjectSize (OP-TEE reads that number as bytes; vtee as GP's bits).
 */
#include <openssl/crypto.h>
#include <string.h>

#include "op_asym.h"
#include "sm2_util.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* w = ceil(ceil(log2 n) / 2) - 1 for SM2's 256-bit n */
#define KEP_W		127

/* One side's public values, x || y */
struct side {
	uint8_t pub[64];	/* static P */
	uint8_t eph[64];	/* ephemeral R */
};

struct kep {
	struct ta_sm2 s;
	bool initiator;
	struct side self, peer;
	const TEE_Attribute *id_a, *id_b;	/* initiator's, responder's */
	uint8_t u[64];				/* the shared point U */
	uint8_t za[32], zb[32];
};

/* The parameter with that id, else with OP-TEE's older id (0: none) */
static const TEE_Attribute *param_or(const struct ta_params *p, uint32_t id,
				     uint32_t old_id)
{
	const TEE_Attribute *a = ta_param(p, id);

	return a || !old_id ? a : ta_param(p, old_id);
}

/* Two buffer parameters' bytes as x || y of 32 bytes each */
static bool param_xy(const struct ta_params *p, const uint32_t ids[4],
		     uint8_t out[64])
{
	const TEE_Attribute *x = param_or(p, ids[0], ids[1]);
	const TEE_Attribute *y = param_or(p, ids[2], ids[3]);

	if (!x || !y || x->content.ref.length > 32 ||
	    y->content.ref.length > 32 ||
	    (!x->content.ref.buffer && x->content.ref.length) ||
	    (!y->content.ref.buffer && y->content.ref.length))
		return false;
	memset(out, 0, 64);
	memcpy(out + 32 - x->content.ref.length, x->content.ref.buffer,
	       x->content.ref.length);
	memcpy(out + 64 - y->content.ref.length, y->content.ref.buffer,
	       y->content.ref.length);
	return true;
}

/* A key pair's public value as x || y */
static bool key_xy(const struct ta_object *key, uint8_t out[64])
{
	const struct ta_attr *x = ta_object_attr(key,
						 TEE_ATTR_ECC_PUBLIC_VALUE_X);
	const struct ta_attr *y = ta_object_attr(key,
						 TEE_ATTR_ECC_PUBLIC_VALUE_Y);

	if (!x || !y || x->len > 32 || y->len > 32)
		return false;
	memset(out, 0, 64);
	memcpy(out + 32 - x->len, x->buf, x->len);
	memcpy(out + 64 - y->len, y->buf, y->len);
	return true;
}

/* x, its older id, y, its older id */
static const uint32_t static_ids[4] = {
	TEE_ATTR_ECC_PUBLIC_VALUE_X, 0, TEE_ATTR_ECC_PUBLIC_VALUE_Y, 0,
};
static const uint32_t eph_ids[4] = {
	TEE_ATTR_ECC_EPHEMERAL_PUBLIC_VALUE_X,
	__OPTEE_SM2_KEP_ATTR_ECC_EPHEMERAL_PUBLIC_VALUE_X,
	TEE_ATTR_ECC_EPHEMERAL_PUBLIC_VALUE_Y,
	__OPTEE_SM2_KEP_ATTR_ECC_EPHEMERAL_PUBLIC_VALUE_Y,
};

static bool read_params(struct kep *k, const struct ta_operation *op,
			const struct ta_params *p)
{
	const TEE_Attribute *user = ta_param(p, TEE_ATTR_SM2_KEP_USER);

	k->id_a = ta_param(p, TEE_ATTR_SM2_ID_INITIATOR);
	k->id_b = ta_param(p, TEE_ATTR_SM2_ID_RESPONDER);
	if (!user || !k->id_a || !k->id_b ||
	    (!k->id_a->content.ref.buffer && k->id_a->content.ref.length) ||
	    (!k->id_b->content.ref.buffer && k->id_b->content.ref.length))
		return false;
	k->initiator = !user->content.value.a;
	return param_xy(p, static_ids, k->peer.pub) &&
	       param_xy(p, eph_ids, k->peer.eph) &&
	       key_xy(op->key[0], k->self.pub) &&
	       key_xy(op->key[1], k->self.eph);
}

/* x-bar = 2^w + (x mod 2^w), of a point's x || y */
static bool x_bar(BIGNUM *r, const uint8_t xy[64])
{
	return BN_bin2bn(xy, 32, r) && BN_mask_bits(r, KEP_W) &&
	       BN_set_bit(r, KEP_W);
}

static EC_POINT *point_of(struct ta_sm2 *s, const uint8_t xy[64])
{
	return ta_sm2_point(s, xy, 32, xy + 32, 32);
}

/* t = (d + x-bar(R_self) r) mod n */
static bool scalar_t(struct kep *k, const struct ta_operation *op, BIGNUM *t)
{
	const struct ta_attr *d = ta_object_attr(op->key[0],
						 TEE_ATTR_ECC_PRIVATE_VALUE);
	const struct ta_attr *r = ta_object_attr(op->key[1],
						 TEE_ATTR_ECC_PRIVATE_VALUE);
	const BIGNUM *n = EC_GROUP_get0_order(k->s.group);
	BIGNUM *bd, *br, *xb;
	bool ok;

	if (!d || !r)
		return false;
	BN_CTX_start(k->s.bn);
	bd = BN_CTX_get(k->s.bn);
	br = BN_CTX_get(k->s.bn);
	xb = BN_CTX_get(k->s.bn);
	ok = xb && BN_bin2bn(d->buf, (int)d->len, bd) &&
	     BN_bin2bn(r->buf, (int)r->len, br) && x_bar(xb, k->self.eph) &&
	     BN_mod_mul(t, xb, br, n, k->s.bn) &&
	     BN_mod_add(t, t, bd, n, k->s.bn);
	BN_clear(bd);
	BN_clear(br);
	BN_CTX_end(k->s.bn);
	return ok;
}

/* U = [h t](P_peer + [x-bar(R_peer)] R_peer), h = 1 for SM2 */
static bool shared_point(struct kep *k, const BIGNUM *t)
{
	EC_POINT *pp = point_of(&k->s, k->peer.pub);
	EC_POINT *rp = point_of(&k->s, k->peer.eph);
	EC_POINT *u = EC_POINT_new(k->s.group);
	BIGNUM *xb = BN_new();
	bool ok;

	ok = pp && rp && u && xb && x_bar(xb, k->peer.eph) &&
	     EC_POINT_mul(k->s.group, u, NULL, rp, xb, k->s.bn) &&
	     EC_POINT_add(k->s.group, u, u, pp, k->s.bn) &&
	     EC_POINT_mul(k->s.group, u, NULL, u, t, k->s.bn) &&
	     ta_sm2_coords(&k->s, u, k->u);
	BN_free(xb);
	EC_POINT_free(u);
	EC_POINT_free(rp);
	EC_POINT_free(pp);
	return ok;
}

static bool z_values(struct kep *k)
{
	const struct side *a = k->initiator ? &k->self : &k->peer;
	const struct side *b = k->initiator ? &k->peer : &k->self;

	return ta_sm2_z(&k->s, k->id_a->content.ref.buffer,
			k->id_a->content.ref.length, a->pub, k->za) &&
	       ta_sm2_z(&k->s, k->id_b->content.ref.buffer,
			k->id_b->content.ref.length, b->pub, k->zb);
}

/* S = SM3(flag || yU || SM3(xU || ZA || ZB || x1 || y1 || x2 || y2)),
 * (x1, y1) the initiator's ephemeral point, (x2, y2) the responder's */
static bool confirmation(const struct kep *k, uint8_t flag, uint8_t out[32])
{
	const uint8_t *ra = k->initiator ? k->self.eph : k->peer.eph;
	const uint8_t *rb = k->initiator ? k->peer.eph : k->self.eph;
	const uint8_t *inner_b[] = { k->u, k->za, k->zb, ra, rb };
	const size_t inner_l[] = { 32, 32, 32, 64, 64 };
	uint8_t inner[32];
	const uint8_t *outer_b[] = { &flag, k->u + 32, inner };
	const size_t outer_l[] = { 1, 32, 32 };

	return ta_sm2_sm3(inner, inner_b, inner_l, 5) &&
	       ta_sm2_sm3(out, outer_b, outer_l, 3);
}

/* The peer's confirmation, if given, must match; ours goes out if a
 * buffer is given.  The initiator's is 0x03's, the responder's 0x02's. */
static bool confirm(const struct kep *k, const struct ta_params *p)
{
	const TEE_Attribute *in = ta_param(p, TEE_ATTR_SM2_KEP_CONFIRMATION_IN);
	const TEE_Attribute *out =
		ta_param(p, TEE_ATTR_SM2_KEP_CONFIRMATION_OUT);
	uint8_t s[32];

	if (in && (in->content.ref.length < 32 || !in->content.ref.buffer ||
		   !confirmation(k, k->initiator ? 0x02 : 0x03, s) ||
		   CRYPTO_memcmp(s, in->content.ref.buffer, 32)))
		return false;
	if (!out)
		return true;
	if (out->content.ref.length < 32 || !out->content.ref.buffer ||
	    !confirmation(k, k->initiator ? 0x03 : 0x02, s))
		return false;
	memcpy(out->content.ref.buffer, s, 32);
	return true;
}

/* K = KDF(xU || yU || ZA || ZB, klen) */
static bool key_of(const struct kep *k, uint8_t *out, size_t len)
{
	uint8_t z[128];
	bool ok;

	memcpy(z, k->u, 64);
	memcpy(z + 64, k->za, 32);
	memcpy(z + 96, k->zb, 32);
	ok = ta_sm2_kdf(z, sizeof(z), out, len);
	OPENSSL_cleanse(z, sizeof(z));
	return ok;
}

static TEE_Result kep_derive(struct ta_operation *op,
			     const struct ta_params *p, size_t max_len,
			     uint8_t **out, size_t *out_len)
{
	struct kep k = { .initiator = false };
	BIGNUM *t = BN_secure_new();
	bool ok;

	*out_len = max_len;
	*out = ta_asym_alloc(max_len);
	ok = max_len && t && ta_sm2_init(&k.s) && read_params(&k, op, p) &&
	     scalar_t(&k, op, t) && shared_point(&k, t) && z_values(&k) &&
	     confirm(&k, p) && key_of(&k, *out, max_len);
	BN_clear_free(t);
	ta_sm2_done(&k.s);
	OPENSSL_cleanse(&k, sizeof(k));
	return ok ? TEE_SUCCESS : TEE_ERROR_BAD_PARAMETERS;
}

static const struct ta_asym_ops kep_ops = {
	.derive = kep_derive,
};

static const struct ta_op_backend kep_backend = TA_ASYM_BACKEND(kep_ops);

/* Two 256-bit key pairs: maxKeySize 512, as in OP-TEE */
static const struct ta_alg kep_algs[] = {
	{ .id = TEE_ALG_SM2_KEP, .op_class = TEE_OPERATION_KEY_DERIVATION,
	  .modes = TA_MODE(TEE_MODE_DERIVE),
	  .key_type = TEE_TYPE_SM2_KEP_KEYPAIR, .n_keys = 2,
	  .elements = TA_ELEM_SM2, .backend = &kep_backend },
};

const struct ta_alg_list ta_algs_sm2_kep = { kep_algs, ARRAY_SIZE(kep_algs) };
