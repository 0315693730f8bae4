#!/bin/sh
# vtee status where no vteed answers: its help, its command line, and a
# clear error with exit status 1 (the running daemon's report is covered by
# the integration tests).
# Usage: test_vtee_status.sh VTEE
set -u
vtee=$1
fail() { echo "FAIL: $*" >&2; exit 1; }
status() { "$@" >/dev/null 2>&1; echo $?; }

dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT

"$vtee" status --help | grep -q '^Usage: vtee status' || fail "--help"
"$vtee" --help | grep -q '^  status ' || fail "status missing from vtee --help"
[ "$(status "$vtee" status --bogus)" -eq 2 ] || fail "unknown option"
[ "$(status "$vtee" status extra)" -eq 2 ] || fail "extra argument"

# an empty runtime dir: nothing to connect to
err=$("$vtee" status --runtime-dir "$dir" 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "no daemon: exit status"
echo "$err" | grep -q "no vteed is running at $dir" || fail "no daemon: $err"
[ "$(status "$vtee" status --json --runtime-dir "$dir")" -eq 1 ] ||
	fail "no daemon, --json"
# the default runtime dir comes from VTEE_RUNTIME_DIR
err=$(VTEE_RUNTIME_DIR=$dir "$vtee" status 2>&1 >/dev/null)
[ $? -eq 1 ] || fail "VTEE_RUNTIME_DIR: exit status"
echo "$err" | grep -q "$dir/control" || fail "VTEE_RUNTIME_DIR: $err"

# a control file nobody listens on (a vteed that died)
: >"$dir/control"
[ "$(status "$vtee" status --runtime-dir "$dir")" -eq 1 ] ||
	fail "stale control file"
[ -z "$("$vtee" status --runtime-dir "$dir" 2>/dev/null)" ] ||
	fail "stale control file: output on stdout"
echo "PASS"
