// SPDX-License-Identifier: BSD-2-Clause
/*
 * Image type 1 promises an x86-64 ELF shared object.  Only the ELF header's
 * identification is checked here: loading (and refusing) the rest is the
 * dynamic loader's job, inside the TA's own process.
 */
#include "ta_image_internal.h"

#include <elf.h>
#include <endian.h>
#include <string.h>

#include "vtee/ta_image.h"

int ta_image_elf_check(const uint8_t *elf, size_t size)
{
	Elf64_Ehdr eh;

	if (size < sizeof(eh))
		return TA_IMAGE_E_ELF;
	memcpy(&eh, elf, sizeof(eh));	/* elf may be unaligned */
	if (memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh.e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh.e_ident[EI_VERSION] != EV_CURRENT ||
	    le16toh(eh.e_type) != ET_DYN ||
	    le16toh(eh.e_machine) != EM_X86_64)
		return TA_IMAGE_E_ELF;
	return 0;
}
