/* SPDX-License-Identifier: BSD-2-Clause */
/* The trusted OS's parts and what they share. */
#ifndef VTEE_TOS_PRIVATE_H
#define VTEE_TOS_PRIVATE_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include <openssl/evp.h>

#include "tos.h"
#include "vtee/list.h"

#define TA_FLAG_SINGLE_INSTANCE		(1u << 2)
#define TA_FLAG_MULTI_SESSION		(1u << 3)
#define TA_FLAG_INSTANCE_KEEP_ALIVE	(1u << 4)

#define TA_MAPS_MAX 32

/* What a TA process has mapped, by map id. */
struct ta_map {
	uint64_t key;		/* sw_mem.key; 0: free slot */
	uint32_t map_id;
	struct ns_ram_block *blk;	/* our reference, for RAM blocks */
	uint64_t last_use;
};

struct ta_maps {
	struct ta_map e[TA_MAPS_MAX];
	uint32_t next_id;
	uint64_t tick;
};

/* One TA instance: a sandboxed process. */
struct ta_instance {
	struct list_node node;		/* tos->instances */
	uint64_t serial;		/* for the death monitor */
	uint8_t uuid[16];
	char uuid_str[37];
	uint32_t flags;
	pid_t pid;
	int pidfd;
	int sock;			/* our end of the channel socket */
	int chan_fd;
	struct ta_chan *chan;
	uint32_t seen_to_os;
	/* under lock: */
	pthread_mutex_t lock;
	pthread_cond_t cond;		/* busy/idle, death, cancellation */
	bool busy;
	struct sw_thread *busy_thr;
	bool dead;
	bool exiting;			/* asked to destroy itself */
	bool live;			/* findable for new sessions */
	unsigned int nsessions;
	unsigned int refs;
	bool kept;			/* one of refs is the TEE's (keep alive) */
	struct ta_maps maps;
};

struct tos_session {
	struct list_node node;		/* tos->sessions */
	uint32_t id;
	struct ta_instance *inst;
	struct ta_instance *owner;	/* the calling TA, for TA-to-TA */
	struct ta_chan_identity client;
	/* under tos->lock: */
	unsigned int refs;
	bool closed;
	/* under inst->lock: */
	uint32_t op_cancel_id;		/* the running operation's */
	uint32_t early_cancel_id;	/* a cancel that came before its op */
	/*
	 * TA-to-TA: the calling TA's session, whose cancellation reaches
	 * this operation, and GP's cancellationRequestTimeout as a deadline
	 * on CLOCK_MONOTONIC (has_deadline false: none).
	 */
	struct tos_session *caller;
	struct timespec deadline;
	bool has_deadline;
	bool cancel_req;
	bool cancel_masked;
	bool running;
};

/* TA persistent time, per TA. */
struct ta_time {
	struct list_node node;
	uint8_t uuid[16];
	int64_t offset_ms;		/* persistent - REE realtime */
};

struct tos {
	struct tos_config cfg;
	EVP_PKEY *pubkey;
	struct storage *storage;	/* trusted storage (storage/) */
	pthread_mutex_t lock;		/* instances, sessions, times */
	struct list_node instances;
	struct list_node sessions;
	struct list_node times;
	uint32_t next_session_id;
	uint64_t next_serial;
	pthread_mutex_t load_lock;	/* one TA load at a time */
	/* the launcher */
	pthread_mutex_t launcher_lock;
	pid_t launcher_pid;
	int launcher_sock;
	/* the death monitor */
	int epoll_fd;
	int monitor_stop_fd;
	pthread_t monitor;
	bool monitor_running;
};

/* ta_load.c: fetch through the supplicant, verify, seal */
uint32_t ta_load_image(struct tos *tos, struct sw_thread *thr,
		       const uint8_t uuid[16], int *elf_fd);

/* ta_process.c: processes and the channel */
int ta_launcher_start(struct tos *tos);
void ta_launcher_stop(struct tos *tos);
uint32_t ta_process_spawn(struct tos *tos, struct ta_instance *inst,
			  int elf_fd, bool debug_stop);
void ta_process_kill(struct ta_instance *inst);
void ta_process_free(struct ta_instance *inst);
int ta_monitor_start(struct tos *tos);
void ta_monitor_stop(struct tos *tos);
void ta_chan_post(struct ta_instance *inst);
/* Waits for the TA's next message; false if it died. */
bool ta_chan_wait(struct ta_instance *inst, int timeout_ms);
void ta_mark_dead(struct ta_instance *inst);

/* ta_maps.c */
uint32_t ta_maps_prepare(struct tos *tos, struct ta_instance *inst,
			 const struct tos_params *ps, struct ta_chan_msg *msg);
void ta_maps_release(struct tos *tos, struct ta_instance *inst);

/* ta_call.c: running an entry point */
/* What an entry point is asked to do. */
struct ta_entry_call {
	uint32_t func;		/* TA_ENTRY_* */
	uint32_t cmd;		/* INVOKE: command id */
	uint32_t cancel_id;	/* the client's id for this operation */
	struct tos_params *ps;	/* NULL: no parameters */
	/* TA-to-TA: the calling session, and the timeout in ms after which
	 * the operation counts as cancelled (0xffffffff: never) */
	struct tos_session *caller;
	uint32_t timeout_ms;
};

/* Whether sess's running operation is cancelled and may see it (its
 * mask is off): asked, or past its deadline, or its caller cancelled.
 * Under sess->inst->lock. */
bool tos_session_cancelled(const struct tos_session *sess);

uint32_t ta_call_entry(struct tos *tos, struct sw_thread *thr,
		       struct ta_instance *inst, struct tos_session *sess,
		       const struct ta_entry_call *call, uint32_t *origin);

/* ta_syscall.c */
void ta_syscall(struct tos *tos, struct sw_thread *thr,
		struct ta_instance *inst, struct tos_session *sess,
		struct ta_chan_msg *msg, uint8_t *data);

/* ta_manager.c: sessions opened from inside (TA-to-TA) */
uint32_t tos_open_session_from(struct tos *tos, struct sw_thread *thr,
			       const uint8_t ta_uuid[16],
			       const struct ta_chan_identity *client,
			       struct ta_instance *owner,
			       struct tos_params *params, uint32_t *session,
			       uint32_t *origin,
			       const struct ta_entry_call *how);
/* A reference to session `id` if `owner` (NULL: the normal world) owns
 * it and it is not closed; drop it with tos_session_put(). */
struct tos_session *tos_session_get_owned(struct tos *tos, uint32_t id,
					  struct ta_instance *owner);
void tos_session_put(struct tos *tos, struct sw_thread *thr,
		     struct tos_session *sess);
uint32_t tos_close_session_of(struct tos *tos, struct sw_thread *thr,
			      struct tos_session *sess);

/* tee_props.c */
uint32_t tee_prop_get(const struct tos *tos, uint32_t index, char *out,
		      size_t len, size_t *used, uint32_t *type);

/* supp_plugin.c: TA_SYS_SUPP_PLUGIN */
void supp_plugin_syscall(struct sw_thread *thr, struct ta_chan_msg *m,
			 uint8_t *data, uint32_t in_len);

/* ta_storage.c: TA_SYS_POBJ_* */
void ta_storage_syscall(struct tos *tos, struct sw_thread *thr,
			struct ta_instance *inst, struct ta_chan_msg *m,
			uint8_t *data, uint32_t in_len);

/* ta2ta.c */
void ta2ta_syscall(struct tos *tos, struct sw_thread *thr,
		   struct ta_instance *inst, struct tos_session *caller,
		   struct ta_chan_msg *msg, uint8_t *data);

#endif /* VTEE_TOS_PRIVATE_H */
