#!/usr/bin/env bash
# The ecdh example (examples/ecdh), as a user runs it, against the vteed
# of $VTEE_RUNTIME_DIR: the demo on each curve, and the exit status and
# message of each kind of failure.
#   ecdh.sh PROGRAM
set -u
prog=$1
fail() { echo "FAIL: $*"; exit 1; }

# run WANT_STATUS ARGS...: the program's output in $out, its status checked
run() {
	local want=$1
	shift
	out=$("$prog" "$@" 2>&1)
	local rc=$?
	[ "$rc" -eq "$want" ] || fail "ecdh $* exited $rc, not $want: $out"
}

echo "== the demo, each curve"
for curve in p256 p384 p521; do
	run 0 --curve "$curve"
	grep -qF "TA's P-${curve#p} key pair:" <<<"$out" || fail "$curve: $out"
	grep -qE '^with the secret OpenSSL derived here: +the same$' <<<"$out" ||
		fail "$curve: the two ends do not agree: $out"
done
run 0 --text ""
grep -qF 'the same' <<<"$out" || fail "an empty message: $out"

echo "== the command line"
run 0 --help
grep -qF 'Usage: ecdh' <<<"$out" || fail "--help said: $out"
run 2 --curve p192
grep -qF "no curve 'p192'" <<<"$out" || fail "a bad curve: $out"
run 2 stray
run 2 --frobnicate

echo "== no TEE"
VTEE_RUNTIME_DIR=/nonexistent/vtee-run run 1
grep -qF 'cannot reach the TEE' <<<"$out" || fail "without vteed: $out"
echo "PASS"
