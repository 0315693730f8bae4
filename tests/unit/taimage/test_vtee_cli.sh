#!/bin/sh
# The vtee tool's keygen, sign and verify, end to end, with their exit
# statuses (0 ok, 1 refused/failed, 2 bad usage).
# Usage: test_vtee_cli.sh VTEE TA.so
set -u
vtee=$1
ta_so=$2
uuid=572b41d1-822e-416c-9e43-98a4f5c1c3db
fail() { echo "FAIL: $*" >&2; exit 1; }
status() { "$@" >/dev/null 2>&1; echo $?; }

dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
key=$dir/key.pem pub=$dir/pub.pem ta=$dir/$uuid.ta

[ "$(status "$vtee")" -eq 2 ] || fail "no command"
[ "$(status "$vtee" frobnicate)" -eq 2 ] || fail "unknown command"
for cmd in "" keygen sign verify; do
	"$vtee" $cmd --help | grep -q '^Usage: vtee' || fail "$cmd --help"
done

"$vtee" keygen --bits 2048 --out-key "$key" --out-pub "$pub" ||
	fail "keygen"
[ "$(stat -c %a "$key")" = 600 ] || fail "private key mode"
[ "$(status "$vtee" keygen --out-key "$key" --out-pub "$pub")" -eq 1 ] ||
	fail "keygen replaced a key without --force"
[ "$(status "$vtee" keygen --bits 1024 --out-key "$key" --out-pub "$pub")" \
	-eq 2 ] || fail "keygen accepted 1024 bits"
"$vtee" keygen --bits 2048 --out-key "$dir/k2.pem" --out-pub "$dir/p2.pem" ||
	fail "second keygen"

[ "$(status "$vtee" sign --key "$key" --uuid nope --in "$ta_so" \
	--out "$ta")" -eq 2 ] || fail "sign: bad uuid"
[ "$(status "$vtee" sign --key "$key" --uuid $uuid --in "$0" \
	--out "$ta")" -eq 1 ] || fail "sign: a shell script is no ELF"
[ "$(status "$vtee" sign --key "$pub" --uuid $uuid --in "$ta_so" \
	--out "$ta")" -eq 1 ] || fail "sign: with a public key"
"$vtee" sign --key "$key" --uuid $uuid --in "$ta_so" --out "$ta" \
	--ta-version 3 || fail "sign"

out=$("$vtee" verify --pubkey "$pub" --uuid $uuid "$ta") ||
	fail "verify: $out"
echo "$out" | grep -q "^uuid: *$uuid$" || fail "verify: uuid line"
echo "$out" | grep -q "^ta version: *3$" || fail "verify: version line"
echo "$out" | grep -q "^result: *OK$" || fail "verify: result line"
VTEE_TA_PUBKEY=$pub "$vtee" verify "$ta" >/dev/null ||
	fail "verify: key from VTEE_TA_PUBKEY"

out=$("$vtee" verify --pubkey "$dir/p2.pem" "$ta")
[ $? -eq 1 ] || fail "verify: another key accepted"
echo "$out" | grep -q "REFUSED: bad signature" || fail "other key: $out"
[ "$(status "$vtee" verify --pubkey "$pub" \
	--uuid dd28bbe3-3bd3-449d-8d19-5032521eeba5 "$ta")" -eq 1 ] ||
	fail "verify: wrong uuid accepted"
out=$("$vtee" verify --pubkey "$pub" "$ta_so")
[ $? -eq 1 ] || fail "verify: raw ELF accepted"
echo "$out" | grep -q "bad magic" || fail "raw ELF: $out"

# one octet of the ELF changed (the last, far from the header)
size=$(stat -c %s "$ta")
printf '\001' | dd of="$ta" bs=1 seek=$((size - 1)) conv=notrunc \
	status=none
out=$("$vtee" verify --pubkey "$pub" "$ta")
[ $? -eq 1 ] || fail "verify: modified image accepted"
echo "$out" | grep -q "hash mismatch" || fail "modified: $out"
echo PASS
