// SPDX-License-Identifier: BSD-2-Clause
/*
 * libFuzzer target for the attribute blob of persistent objects
 * (src/ta/object_blob.c): the bytes come back from storage, which the TA
 * runtime does not trust.  Input: fuzz_object_blob.h.  Beyond "no crash,
 * no sanitizer report" it checks that
 *  - a refused blob leaves the object without attributes, and
 *  - an accepted blob round-trips: writing what was read gives the input
 *    bytes back, and reading those again gives the same attributes.
 * The object files are compiled in; TEE_Panic and the storage hooks are
 * this file's, and none of them may be reached.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_object_blob.h"
#include "object.h"
#include "storage.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

void TEE_Panic(TEE_Result panicCode)
{
	(void)panicCode;
	abort();
}

void ta_pobj_close(struct ta_object *o)
{
	(void)o;
	abort();
}

void ta_pobj_sync_info(struct ta_object *o)
{
	(void)o;
	abort();
}

TEE_Result ta_pobj_restrict(struct ta_object *o, uint32_t usage)
{
	(void)o;
	(void)usage;
	abort();
}

static bool same_attr(const struct ta_attr *x, const struct ta_attr *y)
{
	return x->id == y->id && x->a == y->a && x->b == y->b &&
	       x->len == y->len && (!x->len || !memcmp(x->buf, y->buf, x->len));
}

static void check_same_attrs(const struct ta_object *x,
			     const struct ta_object *y)
{
	if (x->nattrs != y->nattrs)
		abort();
	for (size_t i = 0; i < x->nattrs; i++)
		if (!same_attr(&x->attrs[i], &y->attrs[i]))
			abort();
}

/* write(read(blob)) == blob, and read(write(...)) == read(blob) */
static void check_round_trip(const struct fob_type *t,
			     const struct ta_object *o, const uint8_t *blob,
			     size_t len)
{
	struct ta_object *again;
	uint8_t *out;

	if (ta_object_blob_size(o) != len)
		abort();
	out = malloc(len ? len : 1);
	if (!out)
		return;
	ta_object_blob_write(o, out);
	if (memcmp(out, blob, len))
		abort();
	if (ta_object_alloc(t->type, t->max_size, &again) == TEE_SUCCESS) {
		if (ta_object_blob_read(again, out, len) != TEE_SUCCESS)
			abort();
		check_same_attrs(o, again);
		ta_object_free(again);
	}
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct fob_type *t;
	struct ta_object *o;
	TEE_Result res;

	if (!size)
		return 0;
	t = &fob_types[data[0] % FOB_N_TYPES];
	res = ta_object_alloc(t->type, t->max_size, &o);
	if (res == TEE_ERROR_NOT_SUPPORTED)
		abort();	/* every fob_types entry is allowed */
	if (res != TEE_SUCCESS)
		return 0;
	res = ta_object_blob_read(o, data + 1, size - 1);
	if (res == TEE_SUCCESS)
		check_round_trip(t, o, data + 1, size - 1);
	else if (res != TEE_ERROR_CORRUPT_OBJECT &&
		 res != TEE_ERROR_OUT_OF_MEMORY)
		abort();
	else if (o->nattrs || o->attrs)
		abort();
	ta_object_free(o);
	return 0;
}
