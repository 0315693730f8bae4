// SPDX-License-Identifier: BSD-2-Clause
/* The fake OS's side of the channel: entries and canned syscalls. */
#include <linux/futex.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "fake_os.h"
#include "probe/probe_ta.h"
#include "vtee_test_ta.h"

/* TEE_Result values the fake OS answers with */
#define OK			0x00000000u
#define ITEM_NOT_FOUND		0xFFFF0008u
#define NOT_SUPPORTED		0xFFFF000Au
#define CANCEL			0xFFFF0002u
#define TIME_NOT_SET		0xFFFF5000u
#define ORIGIN_TRUSTED_APP	4u

static bool peer_closed(int sock)
{
	struct pollfd p = { .fd = sock, .events = POLLIN };
	char c;

	return poll(&p, 1, 0) == 1 &&
	       recv(sock, &c, 1, MSG_PEEK | MSG_DONTWAIT) == 0;
}

static bool posted(struct fake_ta *ta)
{
	uint32_t now = __atomic_load_n(&ta->chan->to_os_seq, __ATOMIC_ACQUIRE);

	if (now == ta->seen)
		return false;
	ta->seen = now;
	return true;
}

/* Waits up to ten seconds for the TA's next post; false if it died. */
static bool wait_post(struct fake_ta *ta)
{
	struct timespec ts = { .tv_nsec = 20 * 1000 * 1000 };

	for (int i = 0; i < 500; i++) {
		if (posted(ta))
			return true;
		if (peer_closed(ta->sock))
			return posted(ta);
		syscall(SYS_futex, &ta->chan->to_os_seq, FUTEX_WAIT, ta->seen,
			&ts, NULL, 0);
	}
	return false;
}

static void post(struct fake_ta *ta)
{
	__atomic_fetch_add(&ta->chan->to_ta_seq, 1, __ATOMIC_RELEASE);
	syscall(SYS_futex, &ta->chan->to_ta_seq, FUTEX_WAKE, 1, NULL, NULL, 0);
}

bool fake_boot(struct fake_ta *ta, struct ta_chan_msg *boot)
{
	if (!wait_post(ta))
		return false;
	memcpy(boot, &ta->chan->msg, sizeof(*boot));
	return true;
}

bool fake_ta_dies(struct fake_ta *ta)
{
	for (int i = 0; i < 500; i++) {
		if (peer_closed(ta->sock))
			return true;
		usleep(10000);
	}
	return false;
}

void fake_send_map(struct fake_ta *ta, uint32_t id, int memfd, uint64_t size,
		   bool writable)
{
	struct ta_map_msg mm = { .map_id = id, .writable = writable,
				 .size = size };
	char cbuf[CMSG_SPACE(sizeof(int))] = { 0 };
	struct iovec iov = { .iov_base = &mm, .iov_len = sizeof(mm) };
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);

	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &memfd, sizeof(int));
	sendmsg(ta->sock, &msg, 0);
}

/* args[0]: the index in, the property's type out */
static uint32_t tee_prop(uint64_t *args, uint8_t *data, uint32_t *len)
{
	static const struct {
		const char *name;
		uint64_t type;
		const char *value;
	} props[] = {
#define X(name, type, value) { name, type, value },
		PROBE_TEE_PROPS
#undef X
	};
	uint64_t index = args[0];
	size_t n, v;

	if (index >= sizeof(props) / sizeof(props[0]))
		return ITEM_NOT_FOUND;
	n = strlen(props[index].name) + 1;
	v = strlen(props[index].value) + 1;
	memcpy(data, props[index].name, n);
	memcpy(data + n, props[index].value, v);
	*len = (uint32_t)(n + v);
	args[0] = props[index].type;
	return OK;
}

/* The TA-to-TA layout of ta_channel.h, read independently of the
 * runtime: memref bytes follow the struct, each padded to 8. */
static uint8_t *memref_bytes(struct ta_sys_ta_call *c, unsigned int n)
{
	size_t off = sizeof(*c);

	for (unsigned int i = 0; i < n; i++)
		if (((c->param_types >> (4 * i)) & 0xf) >= 5)
			off += (c->params[i].size + 7) & ~7ull;
	return (uint8_t *)c + off;
}

/* The callee, played by the fake OS: VALUE_INC and MEMREF_INC on p0 */
static uint32_t invoke_callee(struct fake_ta *ta, struct ta_chan_msg *m)
{
	struct ta_sys_ta_call *c = (struct ta_sys_ta_call *)ta->chan->data;
	uint8_t *bytes = memref_bytes(c, 0);

	if (m->args[0] != FAKE_TA2TA_SESSION)
		return NOT_SUPPORTED;
	if (c->cmd == TEST_CMD_VALUE_INC) {
		c->params[0].a += 1;
		c->params[0].b += 2;
	} else if (c->cmd == TEST_CMD_MEMREF_INC) {
		for (uint64_t i = 0; i < c->params[0].size; i++)
			bytes[i]++;
	}
	m->args[1] = ORIGIN_TRUSTED_APP;
	return OK;
}

static uint32_t open_callee(struct fake_ta *ta, struct ta_chan_msg *m)
{
	static const uint8_t multi[16] = { 0xdd, 0x28, 0xbb, 0xe3, 0x3b, 0xd3,
					   0x44, 0x9d, 0x8d, 0x19, 0x50, 0x32,
					   0x52, 0x1e, 0xeb, 0xa5 };
	struct ta_sys_ta_call *c = (struct ta_sys_ta_call *)ta->chan->data;

	if (memcmp(c->uuid, multi, sizeof(multi)))
		return ITEM_NOT_FOUND;
	m->args[0] = FAKE_TA2TA_SESSION;
	m->args[1] = ORIGIN_TRUSTED_APP;
	return OK;
}

static void log_message(struct fake_ta *ta, struct ta_chan_msg *m)
{
	size_t n = m->data_len < sizeof(ta->last_log) - 1 ?
		   m->data_len : sizeof(ta->last_log) - 1;

	memcpy(ta->last_log, ta->chan->data, n);
	ta->last_log[n] = '\0';
	ta->last_log_level = m->args[0];
	m->data_len = 0;
}

static uint32_t cancellation(struct fake_ta *ta, struct ta_chan_msg *m)
{
	bool was = ta->masked;

	if (m->func == TA_SYS_GET_CANCEL_FLAG) {
		m->args[0] = ta->cancel_requested && !ta->masked;
	} else {
		ta->masked = m->args[0] != 0;
		m->args[0] = was;
	}
	return OK;
}

static uint32_t ree_time(struct ta_chan_msg *m)
{
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	m->args[0] = (uint64_t)now.tv_sec;
	m->args[1] = (uint64_t)now.tv_nsec / 1000000;
	return OK;
}

/* Answers m in place.  data_len stays as the TA sent it unless set:
 * TA-to-TA answers echo the (updated) call payload. */
static uint32_t serve(struct fake_ta *ta, struct ta_chan_msg *m)
{
	switch (m->func) {
	case TA_SYS_LOG:
		log_message(ta, m);
		return OK;
	case TA_SYS_WAIT:
		return ta->cancel_requested && !ta->masked ? CANCEL : OK;
	case TA_SYS_GET_CANCEL_FLAG:
	case TA_SYS_SET_CANCEL_MASK:
		return cancellation(ta, m);
	case TA_SYS_GET_REE_TIME:
		return ree_time(m);
	case TA_SYS_GET_TA_TIME:
		return TIME_NOT_SET;
	case TA_SYS_GET_TEE_PROP:
		m->data_len = 0;
		return tee_prop(m->args, ta->chan->data, &m->data_len);
	case TA_SYS_OPEN_TA_SESSION:
		ta->ta2ta_calls++;
		return open_callee(ta, m);
	case TA_SYS_INVOKE_TA_COMMAND:
		ta->ta2ta_calls++;
		return invoke_callee(ta, m);
	case TA_SYS_CLOSE_TA_SESSION:
		ta->ta2ta_calls++;
		return OK;
	default:
		return NOT_SUPPORTED;
	}
}

/* One syscall; false if it was a panic (the TA is killed, as the OS
 * would). */
static bool answer(struct fake_ta *ta)
{
	struct ta_chan_msg m;

	memcpy(&m, &ta->chan->msg, sizeof(m));
	if (m.func == TA_SYS_PANIC) {
		ta->panicked = true;
		ta->panic_code = m.args[0];
		kill(ta->pid, SIGKILL);
		return false;
	}
	m.ret = serve(ta, &m);
	m.kind = TA_MSG_SYSCALL_RET;
	memcpy(&ta->chan->msg, &m, sizeof(m));
	post(ta);
	return true;
}

bool fake_entry(struct fake_ta *ta, struct ta_chan_msg *m)
{
	m->kind = TA_MSG_ENTRY;
	ta->masked = true;	/* every entry starts masked */
	memcpy(&ta->chan->msg, m, sizeof(*m));
	post(ta);
	for (;;) {
		if (!wait_post(ta))
			return false;
		memcpy(m, &ta->chan->msg, sizeof(*m));
		if (m->kind == TA_MSG_DONE)
			return true;
		if (m->kind != TA_MSG_SYSCALL || !answer(ta))
			return false;
	}
}
