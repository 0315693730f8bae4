/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Client memory the trusted OS has mapped into this TA, by map id.  These
 * mappings are what TEE_CheckMemoryAccessRights calls "not owned by the
 * TA": everything else the TA can reach is TA-private.
 */
#ifndef VTEE_TA_MAPS_H
#define VTEE_TA_MAPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ta_map {
	uint32_t id;
	bool writable;
	uint8_t *base;
	size_t size;
};

/* Receives exactly n ta_map_msgs (each with its memfd) from sock and
 * maps them.  Any malformed message or duplicate id is a bad message. */
void ta_maps_receive(int sock, uint32_t n);
/* Drops mapping id; an unknown id is a bad message. */
void ta_maps_drop(uint32_t id);
const struct ta_map *ta_maps_find(uint32_t id);
/* Whether [start, end) overlaps any client mapping */
bool ta_maps_intersect(uintptr_t start, uintptr_t end);

#endif /* VTEE_TA_MAPS_H */
