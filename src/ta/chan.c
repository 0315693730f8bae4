// SPDX-License-Identifier: BSD-2-Clause
/*
 * Half-duplex signalling over the channel page: each side bumps the
 * other's sequence word and wakes it with a (process-shared) futex.
 */
#include "chan.h"

#include <limits.h>
#include <linux/futex.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static struct ta_chan *chan;
/* The value of to_ta_seq we have already consumed */
static uint32_t seen_to_ta;

struct ta_chan *ta_chan_map(int fd)
{
	struct stat st;
	struct ta_chan *c;

	if (fstat(fd, &st) || st.st_size < TA_CHAN_SIZE)
		return NULL;
	c = mmap(NULL, TA_CHAN_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (c == MAP_FAILED)
		return NULL;
	if (c->magic != TA_CHAN_MAGIC || c->version != TA_CHAN_VERSION) {
		munmap(c, TA_CHAN_SIZE);
		return NULL;
	}
	return c;
}

void ta_chan_attach(struct ta_chan *c)
{
	chan = c;
	seen_to_ta = __atomic_load_n(&c->to_ta_seq, __ATOMIC_ACQUIRE);
}

struct ta_chan *ta_chan_get(void)
{
	return chan;
}

/* Not FUTEX_PRIVATE_FLAG: the word is shared with another process. */
static void futex_wake(uint32_t *word)
{
	syscall(SYS_futex, word, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);
}

static void futex_wait(uint32_t *word, uint32_t val)
{
	syscall(SYS_futex, word, FUTEX_WAIT, val, NULL, NULL, 0);
}

void ta_chan_post(void)
{
	__atomic_fetch_add(&chan->to_os_seq, 1, __ATOMIC_RELEASE);
	futex_wake(&chan->to_os_seq);
}

void ta_chan_wait(struct ta_chan_msg *msg)
{
	uint32_t now;

	while ((now = __atomic_load_n(&chan->to_ta_seq, __ATOMIC_ACQUIRE)) ==
	       seen_to_ta)
		futex_wait(&chan->to_ta_seq, seen_to_ta);
	seen_to_ta = now;
	memcpy(msg, &chan->msg, sizeof(*msg));
	if (msg->data_len > TA_CHAN_DATA_MAX)
		ta_chan_bad_message();
}

noreturn void ta_chan_bad_message(void)
{
	_exit(TA_EXIT_BAD_MESSAGE);
}
