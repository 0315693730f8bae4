#!/usr/bin/env bash
# The rsa_sign example (examples/rsa_sign), as a user runs it, against
# the vteed of $VTEE_RUNTIME_DIR: the demo, other key sizes and each
# scheme alone, and the exit status and message of each kind of failure.
#   rsa_sign.sh PROGRAM
set -u
prog=$1
fail() { echo "FAIL: $*"; exit 1; }

# run WANT_STATUS ARGS...: the program's output in $out, its status checked
run() {
	local want=$1
	shift
	out=$("$prog" "$@" 2>&1)
	local rc=$?
	[ "$rc" -eq "$want" ] || fail "rsa_sign $* exited $rc, not $want: $out"
}

# has TEXT COUNT: $out has COUNT lines with TEXT in them
has() {
	local n
	n=$(grep -cF -- "$1" <<<"$out")
	[ "$n" -eq "$2" ] || fail "\"$1\" on $n lines, not $2: $out"
}

echo "== the demo"
run 0
has "RSA-2048 key pair generated in the TA" 1
has "public exponent 65537" 1
has "(256 bytes): verified by the TA and by OpenSSL" 2
grep -qE '^PKCS#1 v1.5 +signature' <<<"$out" || fail "no PKCS#1 v1.5: $out"
grep -qE '^PSS +signature' <<<"$out" || fail "no PSS: $out"
has "a bit of it flipped, another digest: TEE_ERROR_SIGNATURE_INVALID" 2

echo "== other sizes, one scheme at a time, other messages"
run 0 --key-size 1024 --scheme pss --text ""
has "(128 bytes): verified by the TA and by OpenSSL" 1
has "TEE_ERROR_SIGNATURE_INVALID" 1
# SHA-256("abc") starts ba7816bf (FIPS 180-2)
run 0 -k 3072 -s pkcs1 -t abc
has "SHA-256 ba7816bf8f01cfea..." 1
has "(384 bytes): verified by the TA and by OpenSSL" 1

echo "== the command line"
run 0 --help
grep -qF 'Usage: rsa_sign' <<<"$out" || fail "--help said: $out"
run 2 --key-size 512
grep -qF '1024 to 4096 bits' <<<"$out" || fail "a small key: $out"
run 2 --key-size 2048x
run 2 --scheme oaep
grep -qF "no scheme 'oaep'" <<<"$out" || fail "a bad scheme: $out"
run 2 stray
run 2 --frobnicate

echo "== no TEE"
VTEE_RUNTIME_DIR=/nonexistent/vtee-run run 1
grep -qF 'cannot reach the TEE' <<<"$out" || fail "without vteed: $out"
echo "PASS"
