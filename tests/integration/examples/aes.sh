#!/usr/bin/env bash
# The aes example (examples/aes), as a user runs it, against the vteed of
# $VTEE_RUNTIME_DIR: the demo with each key size, a known answer, edge
# sizes, and the exit status and message of each kind of failure.
#   aes.sh PROGRAM
set -u
prog=$1
fail() { echo "FAIL: $*"; exit 1; }

# run WANT_STATUS ARGS...: the program's output in $out, its status checked
run() {
	local want=$1
	shift
	out=$("$prog" "$@" 2>&1)
	local rc=$?
	[ "$rc" -eq "$want" ] || fail "aes $* exited $rc, not $want: $out"
}

# has TEXT COUNT: $out has COUNT lines with TEXT in them
has() {
	local n
	n=$(grep -cF -- "$1" <<<"$out")
	[ "$n" -eq "$2" ] || fail "\"$1\" on $n lines, not $2: $out"
}

echo "== the demo, each key size"
for bits in 128 192 256; do
	run 0 --key-size "$bits"
	has "AES-$bits, key generated in the TA" 1
	for mode in ECB CBC CTR GCM CCM; do
		grep -qE "^$mode  .* -> the message again$" <<<"$out" ||
			fail "no round trip for $mode: $out"
	done
	has "tampered ciphertext, then tag: TEE_ERROR_MAC_INVALID" 2
done

echo "== a known answer: the client's key, ECB"
# openssl enc -aes-128-ecb -K 000102030405060708090a0b0c0d0e0f of the
# text (PKCS#7-padded as here): a7167c42e9bfa40c...
run 0 --key 000102030405060708090a0b0c0d0e0f --mode ecb --text "Sixteen byte msg"
has "key from the command line" 1
has "ECB  32 bytes (padded) -> ciphertext a7167c42e9bfa40c... -> the message again" 1

echo "== sizes: empty, one byte, the largest"
run 0 --text ""
has "-> the message again" 5
has "tampered tag: TEE_ERROR_MAC_INVALID" 2
run 0 -m ctr -m GCM -t x
has "-> the message again" 2
run 0 -k 256 -m ccm -m cbc -t "$(head -c 4096 /dev/zero | tr '\0' a)"
has "CBC  4112 bytes (padded)" 1
has "CCM  4096 bytes" 1

echo "== the command line"
run 0 --help
grep -qF 'Usage: aes' <<<"$out" || fail "--help said: $out"
run 2 --key-size 100
grep -qF '128, 192 or 256 bits' <<<"$out" || fail "a bad key size: $out"
run 2 --key 00112233
grep -qF '32, 48 or 64 hex digits' <<<"$out" || fail "a short key: $out"
run 2 --key 000102030405060708090a0b0c0d0e0g
run 2 --key 000102030405060708090a0b0c0d0e0f --key-size 256
grep -qF 'says 256' <<<"$out" || fail "a key of another size: $out"
run 2 --mode xts
grep -qF "no mode 'xts'" <<<"$out" || fail "a bad mode: $out"
run 2 --text "$(head -c 4097 /dev/zero | tr '\0' a)"
grep -qF 'more than 4096' <<<"$out" || fail "a long text: $out"
run 2 stray
run 2 --frobnicate

echo "== no TEE"
VTEE_RUNTIME_DIR=/nonexistent/vtee-run run 1
grep -qF 'cannot reach the TEE' <<<"$out" || fail "without vteed: $out"
echo "PASS"
