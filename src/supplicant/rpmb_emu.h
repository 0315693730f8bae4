/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The emulated eMMC RPMB partition shared by rpmb_emu.c (the device, as
 * the JEDEC frames see it) and rpmb_image.c (its state on disk).  Nothing
 * outside these two files looks inside.
 */
#ifndef VTEE_SUPP_RPMB_EMU_H
#define VTEE_SUPP_RPMB_EMU_H

#include <stdbool.h>
#include <stdint.h>

#include "vtee/rpmb_frame.h"

/* One partition of 2 x 128 KiB, as tee-supplicant's emulation has:
 * 1024 blocks of 256 bytes. */
#define RPMB_EMU_SIZE_MULT	2
#define RPMB_EMU_BLOCKS \
	(RPMB_EMU_SIZE_MULT * RPMB_SIZE_UNIT / RPMB_FRAME_DATA_SIZE)
#define RPMB_EMU_DATA_SIZE	(RPMB_EMU_BLOCKS * RPMB_FRAME_DATA_SIZE)

/* Everything that must survive a restart.  The write counter is what
 * makes the partition replay-protected: it must never go back. */
struct rpmb_emu_state {
	bool key_set;
	uint8_t key[RPMB_KEY_SIZE];
	uint32_t counter;
	uint8_t data[RPMB_EMU_DATA_SIZE];
};

/*
 * Reads the image at path into st.  0; -ENOENT if there is none (a new
 * device: the caller starts blank); -EBADMSG if it is not a whole,
 * intact image of this version; another -errno if it cannot be read.
 */
int rpmb_image_load(const char *path, struct rpmb_emu_state *st);

enum rpmb_image_stored {
	RPMB_IMAGE_STORED,	/* durable */
	RPMB_IMAGE_NOT_STORED,	/* failed; the previous image is intact */
	RPMB_IMAGE_UNKNOWN,	/* failed after the rename: either may be */
};

/*
 * Replaces the image at path (in directory dir, created if missing) by
 * st, atomically: a new file is written and synced, renamed over the old
 * one, and the directory synced.  A kill at any instant leaves either
 * the old image or the new one.
 */
enum rpmb_image_stored rpmb_image_store(const char *dir, const char *path,
					const struct rpmb_emu_state *st);

#endif /* VTEE_SUPP_RPMB_EMU_H */
