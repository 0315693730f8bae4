/* SPDX-License-Identifier: BSD-2-Clause */
/* Only lib/scale.c may see this: found through lib/sub.mk's incdirs-y. */
#define PROBE_FACTOR 3
