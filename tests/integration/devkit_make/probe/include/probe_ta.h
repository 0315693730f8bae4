/* SPDX-License-Identifier: BSD-2-Clause */
/* Shared by the probe's two sources: found through global-incdirs-y. */
#ifndef PROBE_TA_H
#define PROBE_TA_H

/* f634bb10-61fc-469d-a2a4-600e26a30a2b */
#define PROBE_UUID \
	{ 0xf634bb10, 0x61fc, 0x469d, \
		{ 0xa2, 0xa4, 0x60, 0x0e, 0x26, 0xa3, 0x0a, 0x2b } }

/* In lib/: linked in, but hidden from the TA's dynamic symbols. */
unsigned int probe_scale(unsigned int x);

#endif /* PROBE_TA_H */
