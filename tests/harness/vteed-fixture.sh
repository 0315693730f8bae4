#!/usr/bin/env bash
# The shared machine of the integration tests (a ctest fixture).
#   vteed-fixture.sh start DIR BIN_DIR TA_DIR TA_KEY
#   vteed-fixture.sh stop DIR
# stop fails if the daemon's log shows a sanitizer report or a crash, so a
# daemon-side bug cannot hide behind passing client tests.
set -u
cmd=$1 dir=$2
case "$cmd" in
start)
	bin=$3 ta=$4 key=$5
	if [ -f "$dir/run/vteed.pid" ] && kill -0 "$(cat "$dir/run/vteed.pid")" 2>/dev/null; then
		kill -TERM "$(cat "$dir/run/vteed.pid")"
		sleep 1
	fi
	rm -rf "$dir"
	mkdir -p "$dir"
	# background mode returns once the nodes listen
	"$bin/vteed" --runtime-dir "$dir/run" --state-dir "$dir/state" \
		--ta-dir "$ta" --ta-key "$key" --log-level info
	;;
stop)
	pid=$(cat "$dir/run/vteed.pid" 2>/dev/null) || { echo "no vteed running in $dir"; exit 1; }
	kill -TERM "$pid"
	for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	if kill -0 "$pid" 2>/dev/null; then
		echo "vteed did not stop on SIGTERM"; kill -KILL "$pid"; exit 1
	fi
	log=$dir/state/vteed.log
	if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:|Segmentation' "$log"; then
		echo "the daemon's log shows a fault:"; tail -n 80 "$log"; exit 1
	fi
	;;
*)
	echo "usage: $0 start DIR BIN_DIR TA_DIR TA_KEY | stop DIR" >&2; exit 2 ;;
esac
