/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Attribute shorthands that TA sources written for OP-TEE use, under the
 * names OP-TEE's <compiler.h> gives them.  Pure macros, no includes: a
 * TA that names its own helpers after libc functions must not clash with
 * anything pulled in here.
 */
#ifndef VTEE_DEVKIT_COMPILER_H
#define VTEE_DEVKIT_COMPILER_H

#define __deprecated		__attribute__((__deprecated__))
#define __packed		__attribute__((__packed__))
#define __weak			__attribute__((__weak__))
#define __alias(x)		__attribute__((__alias__(x)))
#define __noreturn		__attribute__((__noreturn__))
#define __pure			__attribute__((__pure__))
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __printf(a, b)		__attribute__((__format__(__printf__, a, b)))
#define __noinline		__attribute__((__noinline__))
#define __attr_const		__attribute__((__const__))
#define __unused		__attribute__((__unused__))
#define __maybe_unused		__attribute__((__unused__))
#define __used			__attribute__((__used__))
#define __must_check		__attribute__((__warn_unused_result__))
#define __cold			__attribute__((__cold__))
#define __section(x)		__attribute__((__section__(x)))
#define __data			__section(".data")
#define __bss			__section(".bss")
#define __rodata		__section(".rodata")

#ifndef fallthrough
#define fallthrough		__attribute__((__fallthrough__))
#endif

#define __compiler_bswap64(x)	__builtin_bswap64((x))
#define __compiler_bswap32(x)	__builtin_bswap32((x))
#define __compiler_bswap16(x)	__builtin_bswap16((x))

/* true when the result does not fit in *res (which is still written) */
#define __compiler_add_overflow(a, b, res) __builtin_add_overflow((a), (b), (res))
#define __compiler_sub_overflow(a, b, res) __builtin_sub_overflow((a), (b), (res))
#define __compiler_mul_overflow(a, b, res) __builtin_mul_overflow((a), (b), (res))

#endif /* VTEE_DEVKIT_COMPILER_H */
