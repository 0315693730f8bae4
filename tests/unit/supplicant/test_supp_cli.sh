#!/bin/sh
# vtee-supplicant's command line: help, bad usage, and a missing device
# (exit 1 with a log line naming it).  Usage: test_supp_cli.sh SUPPLICANT
set -u
supp=$1
fail() { echo "FAIL: $*" >&2; exit 1; }

"$supp" --help | grep -q -- '--ta-dir' || fail "--help"
"$supp" --bogus 2>/dev/null; [ $? -eq 2 ] || fail "unknown option"
"$supp" --log-level loud 2>/dev/null; [ $? -eq 2 ] || fail "bad log level"
"$supp" --max-threads 0 2>/dev/null; [ $? -eq 2 ] || fail "0 threads"
"$supp" extra 2>/dev/null; [ $? -eq 2 ] || fail "stray argument"

dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
out=$("$supp" --device "$dir/teepriv0" --ta-dir "$dir" 2>&1)
[ $? -eq 1 ] || fail "missing device: exit status"
echo "$out" | grep -q "^vtee-supplicant: error: cannot open $dir/teepriv0" ||
	fail "missing device: log line: $out"
out=$(VTEE_RUNTIME_DIR=$dir "$supp" --ta-dir "$dir" 2>&1)
echo "$out" | grep -q "cannot open $dir/teepriv0" ||
	fail "runtime dir default: $out"
out=$("$supp" --device "$dir/teepriv0" --ta-dir ::: 2>&1)
[ $? -eq 1 ] || fail "empty TA dir list"

# The REE FS data dir: --data-dir, else <state dir>/tee; made only when
# the first FS request comes, and a bad fault knob stops the start.
"$supp" --help | grep -q -- '--data-dir' || fail "--help: --data-dir"
out=$(XDG_STATE_HOME=$dir/st "$supp" --device "$dir/teepriv0" \
	--ta-dir "$dir" 2>&1)
echo "$out" | grep -q "REE FS files in $dir/st/vtee/tee$" ||
	fail "data dir default: $out"
[ ! -e "$dir/st" ] || fail "data dir made before any request"
out=$("$supp" --device "$dir/teepriv0" --ta-dir "$dir" -f "$dir/d" 2>&1)
echo "$out" | grep -q "REE FS files in $dir/d$" || fail "-f: $out"
out=$(VTEE_SUPP_FS_FAULT=kill:0 "$supp" --device "$dir/teepriv0" \
	--ta-dir "$dir" 2>&1)
[ $? -eq 1 ] || fail "bad fault knob: exit status"
echo "$out" | grep -q "bad VTEE_SUPP_FS_FAULT 'kill:0'" ||
	fail "bad fault knob: $out"
echo "PASS"
