/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the test TAs that serve one command at a time share (asym,
 * crypto, object, props): ta_boilerplate.c, compiled into each, has the
 * entry points that do nothing for them (TA_CreateEntryPoint,
 * TA_DestroyEntryPoint, and TA_OpenSessionEntryPoint, with no session
 * context); each TA has its own TA_CloseSessionEntryPoint and
 * TA_InvokeCommandEntryPoint.
 */
#ifndef VTEE_TEST_TA_BOILERPLATE_H
#define VTEE_TEST_TA_BOILERPLATE_H

#include <tee_internal_api.h>

/* TEE_PARAM_TYPES by short names: PT(VALUE_INPUT, NONE, NONE, NONE) */
#define PT(a, b, c, d)	TEE_PARAM_TYPES(TEE_PARAM_TYPE_##a, \
					TEE_PARAM_TYPE_##b, \
					TEE_PARAM_TYPE_##c, \
					TEE_PARAM_TYPE_##d)

#endif /* VTEE_TEST_TA_BOILERPLATE_H */
