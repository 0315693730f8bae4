/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The kernel's view of this process's address space (the text of
 * /proc/self/maps), reduced to what TEE_CheckMemoryAccessRights asks:
 * is every byte of a range mapped with the wanted permissions?
 */
#ifndef VTEE_TA_MEM_REGIONS_H
#define VTEE_TA_MEM_REGIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ta_region {
	uintptr_t start;
	uintptr_t end;		/* exclusive */
	bool read;
	bool write;
};

/* Parses the "start-end perms" head of one maps line (len bytes, no
 * newline needed).  False if it does not start that way. */
bool ta_region_parse(const char *line, size_t len, struct ta_region *r);

/*
 * Whether [start, end) is covered, without holes, by the mappings listed
 * in maps (len bytes of /proc/self/maps text, lines in address order),
 * each readable if want_read and writable if want_write.
 */
bool ta_regions_allow(const char *maps, size_t len, uintptr_t start,
		      uintptr_t end, bool want_read, bool want_write);

#endif /* VTEE_TA_MEM_REGIONS_H */
