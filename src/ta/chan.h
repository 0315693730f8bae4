/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The TA end of the shared-page channel (vtee/ta_channel.h): posting to
 * the trusted OS and waiting for its next message.
 */
#ifndef VTEE_TA_CHAN_H
#define VTEE_TA_CHAN_H

#include <stdint.h>
#include <stdnoreturn.h>

#include "vtee/ta_channel.h"

/* Exit status of a TA process that received a message it cannot obey. */
#define TA_EXIT_BAD_MESSAGE	2
/* Exit status of a TA that panicked where the OS could not be told. */
#define TA_EXIT_PANIC		4

/* Maps a channel memfd and checks its magic and version.  NULL if fd is
 * not a channel this runtime speaks. */
struct ta_chan *ta_chan_map(int fd);

/* Adopts chan and remembers the OS's sequence word, so that the first
 * wait returns on the OS's first post after this call. */
void ta_chan_attach(struct ta_chan *chan);
struct ta_chan *ta_chan_get(void);

/* Hands the turn to the OS (msg and data already written). */
void ta_chan_post(void);
/* Waits for the OS's next post and copies its message out of the page. */
void ta_chan_wait(struct ta_chan_msg *msg);

/* The OS sent something the protocol does not allow: leave. */
noreturn void ta_chan_bad_message(void);

#endif /* VTEE_TA_CHAN_H */
