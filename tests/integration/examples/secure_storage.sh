#!/usr/bin/env bash
# The secure_storage example (examples/secure_storage), as a user runs it.
#   secure_storage.sh PROGRAM
#       against the vteed of $VTEE_RUNTIME_DIR: the demo, each command,
#       and the exit status and message of each kind of failure;
#   secure_storage.sh --restart PROGRAM SCRATCH_DIR
#       on a machine of its own ($VTEE_BIN_DIR, $VTEE_TA_DIR,
#       $VTEE_TA_PUBKEY): an object written before vteed restarts on the
#       same state dir reads back the same after it.
set -u
fail() { echo "FAIL: $*"; exit 1; }

# run WANT_STATUS ARGS...: the program's output in $out, its status checked
run() {
	local want=$1
	shift
	out=$("$prog" "$@" 2>&1)
	local rc=$?
	[ "$rc" -eq "$want" ] ||
		fail "secure_storage $* exited $rc, not $want: $out"
}

machine_start() {
	"$VTEE_BIN_DIR/vteed" --runtime-dir "$dir/run" --state-dir "$dir/state" \
		--ta-dir "$VTEE_TA_DIR" --ta-key "$VTEE_TA_PUBKEY" ||
		fail "vteed did not start"
}

machine_stop() {
	local pid
	pid=$(cat "$dir/run/vteed.pid") || fail "no vteed.pid"
	kill -TERM "$pid"
	for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
	kill -KILL "$pid"
	fail "vteed did not stop on SIGTERM"
}

if [ "${1:-}" = "--restart" ]; then
	prog=$2 dir=$3
	rm -rf "$dir"
	mkdir -p "$dir"
	export VTEE_RUNTIME_DIR=$dir/run
	machine_start
	trap 'machine_stop >/dev/null 2>&1' EXIT
	text="kept across a restart, $$"
	run 0 write restart-object "$text"
	old=$(cat "$dir/run/vteed.pid")
	machine_stop
	machine_start
	[ "$(cat "$dir/run/vteed.pid")" != "$old" ] || fail "the same vteed"
	run 0 read restart-object
	[ "$out" = "$text" ] || fail "read \"$out\" after the restart"
	run 0 delete restart-object
	run 1 read restart-object
	if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:' \
		"$dir/state/vteed.log"; then
		tail -n 40 "$dir/state/vteed.log"
		fail "the daemon's log shows a fault"
	fi
	echo "PASS"
	exit 0
fi

prog=$1
name=example-test-$$

echo "== the demo"
run 0
for want in 'Read it back: the same' 'finds no such object'; do
	grep -qF -- "$want" <<<"$out" || fail "the demo did not say \"$want\": $out"
done

echo "== write, read, replace, delete"
run 0 write "$name" "first text"
run 0 read "$name"
[ "$out" = "first text" ] || fail "read \"$out\""
run 0 write "$name" "second"
run 0 read "$name"
[ "$out" = "second" ] || fail "read \"$out\" after a replace"
run 0 write "$name" ""
run 0 read "$name"
[ -z "$out" ] || fail "read \"$out\" from an empty object"
run 0 delete "$name"

echo "== an object that does not exist"
run 1 read "$name"
grep -qF "no object named \"$name\"" <<<"$out" || fail "read said: $out"
run 1 delete "$name"
grep -qF "no object named \"$name\"" <<<"$out" || fail "delete said: $out"

echo "== the command line"
run 0 --help
grep -qF 'Usage: secure_storage' <<<"$out" || fail "--help said: $out"
run 2 frobnicate
run 2 read
run 2 write "$name"
run 2 read "$(printf 'n%.0s' $(seq 65))"
grep -qF '1 to 64 bytes' <<<"$out" || fail "a long name: $out"
echo "PASS"
