/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the launcher (vtee-ta-host) needs from libvtee_ta to turn a forked
 * child with a loaded TA image into a running TA instance.
 *
 * Order in the child: ta_chan_map() + ta_chan_attach(), load the image,
 * ta_rt_init(), install the sandbox, ta_rt_boot(), ta_rt_serve().  If the
 * image cannot be used, ta_rt_boot_failed() instead.
 */
#ifndef VTEE_TA_RUNTIME_H
#define VTEE_TA_RUNTIME_H

#include <stdnoreturn.h>
#include <tee_api_types.h>
#include <user_ta_header.h>

#include "chan.h"

/* The TA image's symbols, as the launcher found them with dlsym() */
struct ta_rt_image {
	const struct ta_head *head;
	const struct user_ta_property *props;
	size_t num_props;
	TEE_Result (*create)(void);
	void (*destroy)(void);
	TEE_Result (*open_session)(uint32_t param_types,
				   TEE_Param params[TEE_NUM_PARAMS],
				   void **sess_ctx);
	void (*close_session)(void *sess_ctx);
	TEE_Result (*invoke)(void *sess_ctx, uint32_t cmd,
			     uint32_t param_types,
			     TEE_Param params[TEE_NUM_PARAMS]);
};

/*
 * In the launcher, once, before it forks any TA: prepares what every TA
 * inherits ready-made (the cryptographic library's providers and
 * algorithms, crypto_lib.h), since a running TA may no longer open the
 * files that takes.
 */
void ta_rt_preload(void);

/*
 * Sets the runtime up for img, which must be the TA the OS asked for
 * (uuid: RFC 4122 octets).  sock is the TA's end of the channel socket;
 * maps_fd an open /proc/self/maps (the sandbox forbids opening it later;
 * TEE_CheckMemoryAccessRights reads it).  TEE_ERROR_BAD_FORMAT for the
 * wrong TA or malformed properties, TEE_ERROR_OUT_OF_MEMORY.
 */
TEE_Result ta_rt_init(const uint8_t uuid[16], int sock, int maps_fd,
		      const struct ta_rt_image *img);

/* Posts the boot message: TEE_SUCCESS, TA_FLAGS, stack size, UUID. */
void ta_rt_boot(void);

/* Posts a failed boot message (res) and exits. */
noreturn void ta_rt_boot_failed(TEE_Result res);

/* Runs entry points as the OS asks, forever (DESTROY exits). */
noreturn void ta_rt_serve(void);

#endif /* VTEE_TA_RUNTIME_H */
