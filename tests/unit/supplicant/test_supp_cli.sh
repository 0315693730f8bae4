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
echo "PASS"
