/* SPDX-License-Identifier: BSD-2-Clause */
/* Where vtee's nodes, state and TAs live by default. */
#ifndef VTEE_PATHS_H
#define VTEE_PATHS_H

#include <stddef.h>

/*
 * Runtime dir (device nodes, the sysfs-like view): $VTEE_RUNTIME_DIR, else
 * $XDG_RUNTIME_DIR/vtee, else /run/vtee.  Writes a NUL-terminated path.
 * Returns 0, or -ENAMETOOLONG.
 */
int vtee_default_runtime_dir(char *buf, size_t len);

/* State dir: $XDG_STATE_HOME/vtee, else $HOME/.local/state/vtee for
 * non-root users, else /var/lib/vtee. */
int vtee_default_state_dir(char *buf, size_t len);

/* Joins dir and name into buf ("dir/name").  0 or -ENAMETOOLONG. */
int vtee_path_join(char *buf, size_t len, const char *dir, const char *name);

#endif /* VTEE_PATHS_H */
