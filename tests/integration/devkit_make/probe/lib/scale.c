// SPDX-License-Identifier: BSD-2-Clause
/* The probe's subdirs-y source: checks the flags of lib/sub.mk. */
#include <probe_ta.h>
#include <scale_factor.h>

#if !PROBE_LIB
#error "cppflags-y of lib/sub.mk did not reach lib/scale.c"
#endif
#ifdef PROBE_DROPPED
#error "cppflags-remove-scale.c-y was not applied"
#endif
#ifdef PROBE_PER_FILE
#error "cflags-probe_ta.c-y reached another file"
#endif

unsigned int probe_scale(unsigned int x)
{
	return x * PROBE_FACTOR;
}
