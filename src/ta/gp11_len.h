/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * GP v1.1's 32-bit [inout] lengths, for the __GP11_* twins of the v1.3
 * functions, which take size_t ones.
 */
#ifndef VTEE_TA_GP11_LEN_H
#define VTEE_TA_GP11_LEN_H

#include <stddef.h>
#include <stdint.h>

/* *len32 as a size_t; panics for NULL (GP's [inout] rule) */
size_t ta_gp11_len_in(const uint32_t *len32);
/* len into *len32; panics if it does not fit in 32 bits */
void ta_gp11_len_out(uint32_t *len32, size_t len);

#endif /* VTEE_TA_GP11_LEN_H */
