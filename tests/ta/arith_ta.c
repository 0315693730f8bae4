// SPDX-License-Identifier: BSD-2-Clause
/*
 * The arithmetic test TA: every command of vtee_arith_ta.h runs GP
 * Arithmetical API functions on the client's operands and sends back what
 * they produced, for tests/integration/tos/test_arith.c to compare with
 * OpenSSL.  Panics are the GP functions' own: this TA checks nothing the
 * API is meant to check.
 */
#include <string.h>
#include <tee_internal_api.h>

#include <vtee_arith_ta.h>

#define MAX_OPS		3
#define MAX_ALLOCS	12

/* One invocation: its operands, destination size, results and memory. */
struct call {
	TEE_Param *p;
	TEE_BigInt *op[MAX_OPS];
	size_t nops;
	bool op0_is_dest;	/* operand 0 gets the destination's size */
	size_t cap_bits;	/* of a destination */
	uint32_t flags;
	uint32_t arg_a;
	uint32_t arg_b;
	size_t out_len;		/* of the results, whether they fit or not */
	void *allocs[MAX_ALLOCS];
	size_t nallocs;
};

struct cmd {
	TEE_Result (*run)(struct call *c);
	/* operands loaded before run(); -1: run() reads p0 itself */
	int nops;
	bool op0_is_dest;
};

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t param_types __unused,
				    TEE_Param params[4] __unused,
				    void **sess_ctx)
{
	*sess_ctx = NULL;
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *sess_ctx __unused)
{
}

/* The TEE's gpd.tee.arith.maxBigIntSize, the default destination size */
static uint32_t max_bits(void)
{
	uint32_t bits = 0;

	if (TEE_GetPropertyAsU32(TEE_PROPSET_TEE_IMPLEMENTATION,
				 "gpd.tee.arith.maxBigIntSize", &bits))
		TEE_Panic(TEE_ERROR_ITEM_NOT_FOUND);
	return bits;
}

/* Zeroed memory freed when the call ends; a test TA out of memory may
 * as well die. */
static void *alloc_words(struct call *c, size_t words)
{
	void *p = TEE_Malloc(words * sizeof(uint32_t), TEE_MALLOC_FILL_ZERO);

	if (!p || c->nallocs == MAX_ALLOCS)
		TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
	c->allocs[c->nallocs++] = p;
	return p;
}

static TEE_BigInt *new_int(struct call *c, size_t bits)
{
	size_t words = TEE_BigIntSizeInU32(bits);
	TEE_BigInt *b = alloc_words(c, words);

	TEE_BigIntInit(b, words);
	return b;
}

static TEE_BigInt *new_dest(struct call *c)
{
	return c->op0_is_dest ? c->op[0] : new_int(c, c->cap_bits);
}

/* The next number of p0 at *off: its sign, octets and length. */
static TEE_Result next_number(struct call *c, size_t *off, int32_t *sign,
			      const uint8_t **octets, size_t *len)
{
	const uint8_t *in = c->p[0].memref.buffer;
	size_t size = c->p[0].memref.size;

	if (size - *off < ARITH_TA_NUM_HDR)
		return TEE_ERROR_BAD_PARAMETERS;
	*sign = (int32_t)arith_ta_get_u32(in + *off);
	*len = arith_ta_get_u32(in + *off + 4);
	*off += ARITH_TA_NUM_HDR;
	if (*len > size - *off)
		return TEE_ERROR_BAD_PARAMETERS;
	*octets = in + *off;
	*off += *len;
	return TEE_SUCCESS;
}

static TEE_Result load_operands(struct call *c, int nops)
{
	size_t off = 0;

	for (int i = 0; i < nops; i++) {
		const uint8_t *octets;
		int32_t sign;
		size_t len;
		TEE_Result res = next_number(c, &off, &sign, &octets, &len);

		if (res)
			return res;
		c->op[i] = new_int(c, i == 0 && c->op0_is_dest ? c->cap_bits :
							      len * 8);
		res = TEE_BigIntConvertFromOctetString(c->op[i], octets, len,
						       sign);
		if (res)
			return res;
		c->nops++;
	}
	return off == c->p[0].memref.size ? TEE_SUCCESS :
					    TEE_ERROR_BAD_PARAMETERS;
}

/* Room for a result number of len octets: NULL (but counted) if p1 is
 * too small. */
static uint8_t *reserve(struct call *c, int32_t sign, size_t len)
{
	uint8_t *out = c->p[1].memref.buffer;
	size_t at = c->out_len;

	c->out_len += ARITH_TA_NUM_HDR + len;
	if (c->out_len > c->p[1].memref.size)
		return NULL;
	arith_ta_put_u32(out + at, (uint32_t)sign);
	arith_ta_put_u32(out + at + 4, (uint32_t)len);
	return out + at + ARITH_TA_NUM_HDR;
}

/* v through a size query and then TEE_BigIntConvertToOctetString */
static TEE_Result put_result(struct call *c, const TEE_BigInt *v)
{
	size_t len = 0;
	TEE_Result res = TEE_BigIntConvertToOctetString(NULL, &len, v);
	uint8_t *at;

	if (res != TEE_SUCCESS && res != TEE_ERROR_SHORT_BUFFER)
		return res;
	at = reserve(c, TEE_BigIntCmpS32(v, 0), len);
	if (!at)
		return TEE_SUCCESS;
	return TEE_BigIntConvertToOctetString(at, &len, v);
}

/* A NULL destination reports as 0. */
static TEE_Result put_optional(struct call *c, const TEE_BigInt *v)
{
	if (v)
		return put_result(c, v);
	reserve(c, 0, 0);
	return TEE_SUCCESS;
}

/* out a = res; the destination if res is TEE_SUCCESS */
static TEE_Result put_if(struct call *c, TEE_Result res, const TEE_BigInt *v)
{
	c->p[3].value.a = res;
	return res == TEE_SUCCESS ? put_result(c, v) : TEE_SUCCESS;
}

static TEE_Result cmd_load(struct call *c)
{
	TEE_BigInt *dest = new_int(c, c->cap_bits);
	const uint8_t *octets;
	size_t off = 0, len;
	int32_t sign;
	TEE_Result res = next_number(c, &off, &sign, &octets, &len);

	if (res)
		return res;
	return put_if(c, TEE_BigIntConvertFromOctetString(dest, octets, len,
							  sign), dest);
}

static TEE_Result cmd_to_octets(struct call *c)
{
	size_t len = c->arg_a;
	uint8_t *buf = len ? alloc_words(c, (len + 3) / 4) : NULL;
	TEE_Result res = TEE_BigIntConvertToOctetString(buf, &len, c->op[0]);
	uint8_t *at;

	c->p[3].value.a = res;
	c->p[3].value.b = (uint32_t)len;
	/* the magnitude, so a non-negative number; zero has no octets and
	 * buf may be NULL, which memcpy must not see even for 0 bytes */
	if (res == TEE_SUCCESS && (at = reserve(c, len ? 1 : 0, len)) && len)
		memcpy(at, buf, len);
	return TEE_SUCCESS;
}

static TEE_Result cmd_from_s32(struct call *c)
{
	TEE_BigInt *dest = new_dest(c);

	TEE_BigIntConvertFromS32(dest, (int32_t)c->arg_a);
	return put_result(c, dest);
}

static TEE_Result cmd_to_s32(struct call *c)
{
	int32_t v = 0;

	c->p[3].value.a = TEE_BigIntConvertToS32(&v, c->op[0]);
	c->p[3].value.b = (uint32_t)v;
	return TEE_SUCCESS;
}

static TEE_Result cmd_cmp(struct call *c)
{
	c->p[3].value.a = (uint32_t)TEE_BigIntCmp(c->op[0], c->op[1]);
	return TEE_SUCCESS;
}

static TEE_Result cmd_cmp_s32(struct call *c)
{
	c->p[3].value.a = (uint32_t)TEE_BigIntCmpS32(c->op[0],
						     (int32_t)c->arg_a);
	return TEE_SUCCESS;
}

static TEE_Result cmd_shift_right(struct call *c)
{
	TEE_BigInt *dest = new_dest(c);

	TEE_BigIntShiftRight(dest, c->op[0], c->arg_a);
	return put_result(c, dest);
}

static TEE_Result cmd_get_bit(struct call *c)
{
	c->p[3].value.a = TEE_BigIntGetBit(c->op[0], c->arg_a);
	return TEE_SUCCESS;
}

static TEE_Result cmd_get_bit_count(struct call *c)
{
	c->p[3].value.a = TEE_BigIntGetBitCount(c->op[0]);
	return TEE_SUCCESS;
}

static TEE_Result cmd_set_bit(struct call *c)
{
	c->p[3].value.a = TEE_BigIntSetBit(c->op[0], c->arg_a, c->arg_b);
	return put_result(c, c->op[0]);
}

static TEE_Result cmd_assign(struct call *c)
{
	TEE_BigInt *dest = new_dest(c);

	return put_if(c, TEE_BigIntAssign(dest, c->op[0]), dest);
}

static TEE_Result cmd_abs(struct call *c)
{
	TEE_BigInt *dest = new_dest(c);

	return put_if(c, TEE_BigIntAbs(dest, c->op[0]), dest);
}

/* The shapes of GP's void functions: dest = f(ops...) */
typedef void (*unary_fn)(TEE_BigInt *, const TEE_BigInt *);
typedef void (*binary_fn)(TEE_BigInt *, const TEE_BigInt *,
			  const TEE_BigInt *);
typedef void (*ternary_fn)(TEE_BigInt *, const TEE_BigInt *,
			   const TEE_BigInt *, const TEE_BigInt *);

static TEE_Result unary(struct call *c, unary_fn f)
{
	TEE_BigInt *dest = new_dest(c);

	f(dest, c->op[0]);
	return put_result(c, dest);
}

static TEE_Result binary(struct call *c, binary_fn f)
{
	TEE_BigInt *dest = new_dest(c);

	f(dest, c->op[0], c->op[1]);
	return put_result(c, dest);
}

static TEE_Result ternary(struct call *c, ternary_fn f)
{
	TEE_BigInt *dest = new_dest(c);

	f(dest, c->op[0], c->op[1], c->op[2]);
	return put_result(c, dest);
}

static TEE_Result cmd_add(struct call *c)
{
	return binary(c, TEE_BigIntAdd);
}

static TEE_Result cmd_sub(struct call *c)
{
	return binary(c, TEE_BigIntSub);
}

static TEE_Result cmd_neg(struct call *c)
{
	return unary(c, TEE_BigIntNeg);
}

static TEE_Result cmd_mul(struct call *c)
{
	return binary(c, TEE_BigIntMul);
}

static TEE_Result cmd_square(struct call *c)
{
	return unary(c, TEE_BigIntSquare);
}

static TEE_Result cmd_div(struct call *c)
{
	TEE_BigInt *q = c->flags & ARITH_TA_NO_FIRST ? NULL : new_dest(c);
	TEE_BigInt *r = c->flags & ARITH_TA_NO_SECOND ? NULL :
			new_int(c, c->cap_bits);
	TEE_Result res;

	TEE_BigIntDiv(q, r, c->op[0], c->op[1]);
	res = put_optional(c, q);
	return res ? res : put_optional(c, r);
}

static TEE_Result cmd_mod(struct call *c)
{
	return binary(c, TEE_BigIntMod);
}

static TEE_Result cmd_add_mod(struct call *c)
{
	return ternary(c, TEE_BigIntAddMod);
}

static TEE_Result cmd_sub_mod(struct call *c)
{
	return ternary(c, TEE_BigIntSubMod);
}

static TEE_Result cmd_mul_mod(struct call *c)
{
	return ternary(c, TEE_BigIntMulMod);
}

static TEE_Result cmd_square_mod(struct call *c)
{
	return binary(c, TEE_BigIntSquareMod);
}

static TEE_Result cmd_inv_mod(struct call *c)
{
	return binary(c, TEE_BigIntInvMod);
}

/* An FMM context for n of the given size, by GP's v1.1 initialiser. */
static TEE_BigIntFMMContext *new_context(struct call *c, size_t bits,
					 const TEE_BigInt *n)
{
	size_t words = TEE_BigIntFMMContextSizeInU32(bits);
	TEE_BigIntFMMContext *ctx = alloc_words(c, words);

	TEE_BigIntInitFMMContext(ctx, words, n);
	return ctx;
}

static TEE_BigIntFMM *new_fmm(struct call *c, const TEE_BigInt *n)
{
	size_t words = TEE_BigIntFMMSizeInU32(TEE_BigIntGetBitCount(n));
	TEE_BigIntFMM *f = alloc_words(c, words);

	TEE_BigIntInitFMM(f, words);
	return f;
}

static TEE_Result cmd_exp_mod(struct call *c)
{
	const TEE_BigInt *n = c->op[2];
	TEE_BigIntFMMContext *ctx = NULL;
	TEE_BigInt *dest;

	if (c->flags & ARITH_TA_CONTEXT)
		ctx = new_context(c, TEE_BigIntGetBitCount(n), n);
	dest = new_dest(c);
	return put_if(c, TEE_BigIntExpMod(dest, c->op[0], c->op[1], n, ctx),
		      dest);
}

static TEE_Result cmd_relative_prime(struct call *c)
{
	c->p[3].value.a = TEE_BigIntRelativePrime(c->op[0], c->op[1]);
	return TEE_SUCCESS;
}

static TEE_Result cmd_ext_gcd(struct call *c)
{
	TEE_BigInt *g = new_dest(c);
	TEE_BigInt *u = c->flags & ARITH_TA_NO_FIRST ? NULL :
			new_int(c, c->cap_bits);
	TEE_BigInt *v = c->flags & ARITH_TA_NO_SECOND ? NULL :
			new_int(c, c->cap_bits);
	TEE_Result res;

	TEE_BigIntComputeExtendedGcd(g, u, v, c->op[0], c->op[1]);
	res = put_result(c, g);
	if (!res)
		res = put_optional(c, u);
	return res ? res : put_optional(c, v);
}

static TEE_Result cmd_is_prime(struct call *c)
{
	c->p[3].value.a = (uint32_t)TEE_BigIntIsProbablePrime(c->op[0],
							      c->arg_a);
	return TEE_SUCCESS;
}

/* x -> FMM -> x mod n, with the context from TEE_BigIntInitFMMContext1 */
static TEE_Result cmd_fmm_roundtrip(struct call *c)
{
	const TEE_BigInt *x = c->op[0], *n = c->op[1];
	size_t words = TEE_BigIntFMMContextSizeInU32(c->cap_bits);
	TEE_BigIntFMMContext *ctx = alloc_words(c, words);
	TEE_BigIntFMM *f;
	TEE_BigInt *r;

	c->p[3].value.a = TEE_BigIntInitFMMContext1(ctx, words, n);
	if (c->p[3].value.a != TEE_SUCCESS)
		return TEE_SUCCESS;
	f = new_fmm(c, n);
	r = new_int(c, max_bits());
	TEE_BigIntConvertToFMM(f, x, n, ctx);
	TEE_BigIntConvertFromFMM(r, f, n, ctx);
	return put_result(c, r);
}

static TEE_Result cmd_fmm_mul(struct call *c)
{
	const TEE_BigInt *n = c->op[2];
	TEE_BigIntFMMContext *ctx = new_context(c, c->cap_bits, n);
	TEE_BigIntFMM *fx = new_fmm(c, n), *fy = new_fmm(c, n);
	TEE_BigIntFMM *fr = new_fmm(c, n);
	TEE_BigInt *r = new_int(c, max_bits());
	TEE_Result res;

	TEE_BigIntConvertToFMM(fx, c->op[0], n, ctx);
	TEE_BigIntConvertToFMM(fy, c->op[1], n, ctx);
	TEE_BigIntComputeFMM(fr, fx, fy, n, ctx);
	TEE_BigIntConvertFromFMM(r, fr, n, ctx);
	res = put_result(c, r);
	if (res)
		return res;
	/* the destination may be an operand */
	TEE_BigIntComputeFMM(fx, fx, fr, n, ctx);
	TEE_BigIntConvertFromFMM(r, fx, n, ctx);
	return put_result(c, r);
}

static TEE_Result cmd_fmm_sizes(struct call *c)
{
	c->p[3].value.a = (uint32_t)TEE_BigIntFMMSizeInU32(c->arg_a);
	c->p[3].value.b = (uint32_t)TEE_BigIntFMMContextSizeInU32(c->arg_a);
	return TEE_SUCCESS;
}

static TEE_Result cmd_max_bits(struct call *c)
{
	uint32_t bits = 0;

	c->p[3].value.b = TEE_GetPropertyAsU32(TEE_PROPSET_TEE_IMPLEMENTATION,
					       "gpd.tee.arith.maxBigIntSize",
					       &bits);
	c->p[3].value.a = bits;
	return TEE_SUCCESS;
}

/* x >> bits, through the v1.1 converters and shift only */
static TEE_Result gp11_shift(struct call *c)
{
	uint8_t octets[1024];
	uint32_t len = sizeof(octets);
	uint32_t words = TEE_BigIntSizeInU32(max_bits());
	TEE_BigInt *b = alloc_words(c, words);
	TEE_Result res;

	__GP11_TEE_BigIntInit(b, words);
	res = __GP11_TEE_BigIntConvertToOctetString(octets, &len, c->op[0]);
	if (!res)
		res = __GP11_TEE_BigIntConvertFromOctetString(
			b, octets, len, TEE_BigIntCmpS32(c->op[0], 0));
	if (res)
		return res;
	__GP11_TEE_BigIntShiftRight(b, b, c->arg_a);
	return put_result(c, b);
}

static TEE_Result gp11_fmm(struct call *c)
{
	const TEE_BigInt *n = c->op[1];
	uint32_t bits = TEE_BigIntGetBitCount(n);
	uint32_t cw = __GP11_TEE_BigIntFMMContextSizeInU32(bits);
	uint32_t fw = __GP11_TEE_BigIntFMMSizeInU32(bits);
	TEE_BigIntFMMContext *ctx = alloc_words(c, cw);
	TEE_BigIntFMM *f = alloc_words(c, fw);
	TEE_BigInt *r = new_int(c, max_bits());

	__GP11_TEE_BigIntInitFMMContext(ctx, cw, n);
	__GP11_TEE_BigIntInitFMM(f, fw);
	TEE_BigIntConvertToFMM(f, c->op[0], n, ctx);
	TEE_BigIntConvertFromFMM(r, f, n, ctx);
	return put_result(c, r);
}

static TEE_Result cmd_gp11(struct call *c)
{
	TEE_Result res = gp11_shift(c);

	if (res)
		return res;
	c->p[3].value.a = __GP11_TEE_BigIntFMMSizeInU32(c->arg_b);
	c->p[3].value.b = __GP11_TEE_BigIntFMMContextSizeInU32(c->arg_b);
	return gp11_fmm(c);
}

static TEE_Result cmd_init_too_short(struct call *c __unused)
{
	uint32_t word;

	TEE_BigIntInit(&word, 1);
	return TEE_ERROR_GENERIC;
}

static TEE_Result cmd_uninitialized(struct call *c)
{
	const TEE_BigInt *zeroed = alloc_words(c, TEE_BigIntSizeInU32(64));

	TEE_BigIntAdd(new_int(c, 64), zeroed, zeroed);
	return TEE_ERROR_GENERIC;
}

static TEE_Result cmd_fmm_wrong_modulus(struct call *c)
{
	const TEE_BigInt *n = c->op[1], *other = c->op[2];
	TEE_BigIntFMMContext *ctx = new_context(c, max_bits(), n);

	TEE_BigIntConvertToFMM(new_fmm(c, other), c->op[0], other, ctx);
	return TEE_ERROR_GENERIC;
}

static const struct cmd cmds[] = {
	[ARITH_CMD_LOAD] = { cmd_load, -1, false },
	[ARITH_CMD_TO_OCTETS] = { cmd_to_octets, 1, false },
	[ARITH_CMD_FROM_S32] = { cmd_from_s32, 0, false },
	[ARITH_CMD_TO_S32] = { cmd_to_s32, 1, false },
	[ARITH_CMD_CMP] = { cmd_cmp, 2, false },
	[ARITH_CMD_CMP_S32] = { cmd_cmp_s32, 1, false },
	[ARITH_CMD_SHIFT_RIGHT] = { cmd_shift_right, 1, false },
	[ARITH_CMD_GET_BIT] = { cmd_get_bit, 1, false },
	[ARITH_CMD_GET_BIT_COUNT] = { cmd_get_bit_count, 1, false },
	[ARITH_CMD_SET_BIT] = { cmd_set_bit, 1, true },
	[ARITH_CMD_ASSIGN] = { cmd_assign, 1, false },
	[ARITH_CMD_ABS] = { cmd_abs, 1, false },
	[ARITH_CMD_ADD] = { cmd_add, 2, false },
	[ARITH_CMD_SUB] = { cmd_sub, 2, false },
	[ARITH_CMD_NEG] = { cmd_neg, 1, false },
	[ARITH_CMD_MUL] = { cmd_mul, 2, false },
	[ARITH_CMD_SQUARE] = { cmd_square, 1, false },
	[ARITH_CMD_DIV] = { cmd_div, 2, false },
	[ARITH_CMD_MOD] = { cmd_mod, 2, false },
	[ARITH_CMD_ADD_MOD] = { cmd_add_mod, 3, false },
	[ARITH_CMD_SUB_MOD] = { cmd_sub_mod, 3, false },
	[ARITH_CMD_MUL_MOD] = { cmd_mul_mod, 3, false },
	[ARITH_CMD_SQUARE_MOD] = { cmd_square_mod, 2, false },
	[ARITH_CMD_INV_MOD] = { cmd_inv_mod, 2, false },
	[ARITH_CMD_EXP_MOD] = { cmd_exp_mod, 3, false },
	[ARITH_CMD_RELATIVE_PRIME] = { cmd_relative_prime, 2, false },
	[ARITH_CMD_EXT_GCD] = { cmd_ext_gcd, 2, false },
	[ARITH_CMD_IS_PRIME] = { cmd_is_prime, 1, false },
	[ARITH_CMD_FMM_ROUNDTRIP] = { cmd_fmm_roundtrip, 2, false },
	[ARITH_CMD_FMM_MUL] = { cmd_fmm_mul, 3, false },
	[ARITH_CMD_FMM_SIZES] = { cmd_fmm_sizes, 0, false },
	[ARITH_CMD_MAX_BITS] = { cmd_max_bits, 0, false },
	[ARITH_CMD_GP11] = { cmd_gp11, 2, false },
	[ARITH_CMD_INIT_TOO_SHORT] = { cmd_init_too_short, 0, false },
	[ARITH_CMD_UNINITIALIZED] = { cmd_uninitialized, 0, false },
	[ARITH_CMD_FMM_WRONG_MODULUS] = { cmd_fmm_wrong_modulus, 3, false },
};

static TEE_Result run(struct call *c, const struct cmd *cmd)
{
	TEE_Result res = TEE_SUCCESS;

	c->op0_is_dest = cmd->op0_is_dest || (c->flags & ARITH_TA_ALIAS);
	if (cmd->nops >= 0)
		res = load_operands(c, cmd->nops);
	if (!res)
		res = cmd->run(c);
	if (!res && c->out_len > c->p[1].memref.size)
		res = TEE_ERROR_SHORT_BUFFER;
	if (!res || res == TEE_ERROR_SHORT_BUFFER)
		c->p[1].memref.size = c->out_len;
	return res;
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx __unused, uint32_t cmd,
				      uint32_t pt, TEE_Param p[4])
{
	struct call c = { .p = p };
	TEE_Result res;

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				  TEE_PARAM_TYPE_MEMREF_OUTPUT,
				  TEE_PARAM_TYPE_VALUE_INPUT,
				  TEE_PARAM_TYPE_VALUE_INOUT))
		return TEE_ERROR_BAD_PARAMETERS;
	if (cmd >= sizeof(cmds) / sizeof(cmds[0]) || !cmds[cmd].run)
		return TEE_ERROR_NOT_SUPPORTED;
	c.cap_bits = p[2].value.a ? p[2].value.a : max_bits();
	c.flags = p[2].value.b;
	c.arg_a = p[3].value.a;
	c.arg_b = p[3].value.b;
	p[3].value.a = 0;
	p[3].value.b = 0;
	res = run(&c, &cmds[cmd]);
	for (size_t i = 0; i < c.nallocs; i++)
		TEE_Free(c.allocs[i]);
	return res;
}
