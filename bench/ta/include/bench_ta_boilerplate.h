/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the bench TAs share (bench_storage_ta.c, crypto/bench_crypto_ta.c;
 * not the client's): bench_ta_boilerplate.c, compiled into each, has the
 * entry points that do nothing for them (TA_CreateEntryPoint,
 * TA_OpenSessionEntryPoint, TA_CloseSessionEntryPoint); each TA has its
 * own TA_DestroyEntryPoint (its buffers) and TA_InvokeCommandEntryPoint.
 */
#ifndef BENCH_TA_BOILERPLATE_H
#define BENCH_TA_BOILERPLATE_H

#include <tee_internal_api.h>

/* TEE_PARAM_TYPES by short names: P(VALUE_INPUT, NONE, NONE, NONE) */
#define P(t0, t1, t2, t3) TEE_PARAM_TYPES(TEE_PARAM_TYPE_##t0, \
	TEE_PARAM_TYPE_##t1, TEE_PARAM_TYPE_##t2, TEE_PARAM_TYPE_##t3)

#endif /* BENCH_TA_BOILERPLATE_H */
