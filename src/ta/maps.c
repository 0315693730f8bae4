// SPDX-License-Identifier: BSD-2-Clause
#include "maps.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include "chan.h"

/* The OS names a handful of buffers per operation; more than this many
 * live mappings means the OS lost track of its unmaps. */
#define TA_MAPS_MAX	4096

static struct ta_map *maps;
static size_t n_maps;

static struct ta_map *lookup(uint32_t id)
{
	for (size_t i = 0; i < n_maps; i++)
		if (maps[i].id == id)
			return &maps[i];
	return NULL;
}

const struct ta_map *ta_maps_find(uint32_t id)
{
	return lookup(id);
}

bool ta_maps_intersect(uintptr_t start, uintptr_t end)
{
	for (size_t i = 0; i < n_maps; i++) {
		uintptr_t b = (uintptr_t)maps[i].base;

		if (start < b + maps[i].size && b < end)
			return true;
	}
	return false;
}

static void add(const struct ta_map *m)
{
	struct ta_map *grown;

	if (n_maps == TA_MAPS_MAX)
		ta_chan_bad_message();
	grown = realloc(maps, (n_maps + 1) * sizeof(*maps));
	if (!grown)
		ta_chan_bad_message();
	maps = grown;
	maps[n_maps++] = *m;
}

/* One ta_map_msg and exactly one fd, or a bad message. */
static int receive_one(int sock, struct ta_map_msg *mm)
{
	char cbuf[CMSG_SPACE(sizeof(int))] __attribute__((aligned(8)));
	struct iovec iov = { .iov_base = mm, .iov_len = sizeof(*mm) };
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *cmsg;
	ssize_t len;
	int fd;

	do
		len = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
	while (len < 0 && errno == EINTR);
	if (len != sizeof(*mm) ||
	    (msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC)))
		ta_chan_bad_message();
	cmsg = CMSG_FIRSTHDR(&msg);
	if (!cmsg || cmsg->cmsg_level != SOL_SOCKET ||
	    cmsg->cmsg_type != SCM_RIGHTS ||
	    cmsg->cmsg_len != CMSG_LEN(sizeof(int)))
		ta_chan_bad_message();
	memcpy(&fd, CMSG_DATA(cmsg), sizeof(fd));
	return fd;
}

static void map_one(int sock)
{
	struct ta_map_msg mm;
	int fd = receive_one(sock, &mm);
	struct ta_map m = { .id = mm.map_id, .writable = mm.writable != 0 };
	int prot = PROT_READ | (m.writable ? PROT_WRITE : 0);
	void *base;

	if (!mm.map_id || lookup(mm.map_id) || !mm.size ||
	    mm.size > SIZE_MAX / 2)
		ta_chan_bad_message();
	m.size = (size_t)mm.size;
	base = mmap(NULL, m.size, prot, MAP_SHARED, fd, 0);
	close(fd);
	if (base == MAP_FAILED)
		ta_chan_bad_message();
	m.base = base;
	add(&m);
}

void ta_maps_receive(int sock, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		map_one(sock);
}

void ta_maps_drop(uint32_t id)
{
	struct ta_map *m = lookup(id);

	if (!m)
		ta_chan_bad_message();
	munmap(m->base, m->size);
	*m = maps[--n_maps];
}
