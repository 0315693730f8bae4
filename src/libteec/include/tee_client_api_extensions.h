/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Sources written for optee_client include this header for
 * TEEC_RegisterSharedMemoryFileDescriptor(); vtee declares it with the
 * rest of the API.
 */
#ifndef TEE_CLIENT_API_EXTENSIONS_H
#define TEE_CLIENT_API_EXTENSIONS_H

#include "tee_client_api.h"

#endif /* TEE_CLIENT_API_EXTENSIONS_H */
