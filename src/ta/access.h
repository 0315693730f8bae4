/* SPDX-License-Identifier: BSD-2-Clause */
/* TEE_CheckMemoryAccessRights' view of the address space. */
#ifndef VTEE_TA_ACCESS_H
#define VTEE_TA_ACCESS_H

/* maps_fd: /proc/self/maps, opened before the sandbox was installed */
void ta_access_init(int maps_fd);

#endif /* VTEE_TA_ACCESS_H */
