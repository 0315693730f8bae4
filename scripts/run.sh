#!/usr/bin/env bash
# The main job: install what is missing, build, start vteed with its
# default state directory, run the examples against it, and restart it
# once to show that trusted storage survives.  vteed keeps running
# afterwards; the last lines say how to use and stop it.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/build

"$top/scripts/deps.sh"
echo "vtee: building in $build"
"$top/scripts/build.sh" "$build"

# the runtime dir vteed picks by default (src/common/paths.c)
runtime=${VTEE_RUNTIME_DIR:-${XDG_RUNTIME_DIR:+$XDG_RUNTIME_DIR/vtee}}
[ -n "$runtime" ] || runtime=/run/vtee

fail() {
	echo "vtee: FAILED: $*" >&2
	exit 1
}

# How run.sh starts vteed; a restart runs the same command in the same
# environment, so the new vteed has the same (default) state dir.
vteed_cmd=("$build/bin/vteed" --runtime-dir "$runtime")

vteed_stop() {
	local pid
	pid=$(cat "$runtime/vteed.pid") || fail "no $runtime/vteed.pid"
	kill -TERM "$pid" || fail "cannot signal vteed (pid $pid)"
	for _ in $(seq 100); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.1
	done
	fail "vteed (pid $pid) did not stop within 10 s of SIGTERM"
}

# Did run.sh start the vteed that serves $runtime (now or on an earlier
# run)?  Only such a one is restarted: another may have options of its own.
vteed_is_ours() {
	local pid args=()
	pid=$(cat "$runtime/vteed.pid" 2>/dev/null) || return 1
	mapfile -d '' args <"/proc/$pid/cmdline" 2>/dev/null || return 1
	[ "${args[*]}" = "${vteed_cmd[*]}" ]
}

if [ -S "$runtime/tee0" ] && "$build/bin/vtee" status --runtime-dir "$runtime" >/dev/null 2>&1; then
	echo "vtee: a vteed already serves $runtime"
else
	echo "vtee: starting vteed (nodes in $runtime)"
	"${vteed_cmd[@]}" || fail "vteed did not start"
fi
export VTEE_RUNTIME_DIR=$runtime

# the client programs of examples/, in the order they teach
for example in hello_world optee_style secure_storage aes rsa_sign ecdh; do
	echo
	echo "=== $example ==="
	"$build/bin/$example" || fail "the $example example (exit status $?)"
done

# Trusted storage outlives vteed: an object written before a restart
# reads back the same after it.
echo
echo "=== secure_storage across a restart of vteed ==="
if vteed_is_ours; then
	storage=$build/bin/secure_storage
	name=run.sh-restart-check
	text="written by run.sh at $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	"$storage" write "$name" "$text" || fail "writing object $name"
	echo "wrote \"$text\" to object $name"
	old_pid=$(cat "$runtime/vteed.pid")
	vteed_stop
	"${vteed_cmd[@]}" || fail "vteed did not start again"
	echo "restarted vteed: pid $old_pid stopped, pid $(cat "$runtime/vteed.pid") started on the same state dir"
	back=$("$storage" read "$name") || fail "reading object $name after the restart"
	[ "$back" = "$text" ] ||
		fail "object $name read \"$back\" after the restart, not \"$text\""
	"$storage" delete "$name" || fail "deleting object $name"
	echo "read it back after the restart: the same; deleted it"
else
	echo "skipped: the vteed serving $runtime was not started by run.sh"
fi

echo
"$build/bin/vtee" status --runtime-dir "$runtime"
echo
echo "vtee: vteed keeps running.  Try:  VTEE_RUNTIME_DIR=$runtime $build/bin/hello_world"
echo "vtee: stop it with:  kill \$(cat $runtime/vteed.pid)"
