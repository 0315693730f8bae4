#!/usr/bin/env bash
# Builds the probe TA project (probe/) with the dev kit's make include, in
# a scratch copy, and checks what the make variables must do.  The probe's
# sources #error on a sub.mk flag that is missing or misplaced.
#   features.sh MAKE TA_DEV_KIT_DIR VTEE DEV_PUBKEY PROBE_DIR SCRATCH_DIR
set -eu
make=$1 devkit=$2 vtee=$3 dev_pub=$4 src=$5 scratch=$6
uuid=f634bb10-61fc-469d-a2a4-600e26a30a2b
ta=$scratch/probe out=$scratch/out so=$scratch/out/$uuid.so

fail() { echo "FAIL: $*"; exit 1; }
mk() { "$make" --no-print-directory -C "$ta" TA_DEV_KIT_DIR="$devkit" "$@"; }
signed_by() { "$vtee" verify --pubkey "$1" --uuid "$uuid" "$2" >/dev/null; }

rm -rf "$scratch"
mkdir -p "$scratch"
cp -r "$src" "$ta"
"$vtee" keygen --bits 2048 --out-key "$scratch/key.pem" \
	--out-pub "$scratch/pub.pem"
own=(O="$out" TA_SIGN_KEY="$scratch/key.pem")

echo "== GP 1.1 mode, out of tree, own key"
mk "${own[@]}" CFG_TA_OPTEE_CORE_API_COMPAT_1_1=y CFLAGS=-DPROBE_COMPAT=1
signed_by "$scratch/pub.pem" "$out/$uuid.ta" || fail "not signed with TA_SIGN_KEY"
[ -f "$out/lib/scale.o" ] || fail "no $out/lib/scale.o"
nm "$so" | grep -q ' __GP11_TA_InvokeCommandEntryPoint$' ||
	fail "GP 1.1 entry point missing"
exports=$(nm -D --defined-only "$so" | awk '{ print $3 }' | sort | xargs)
[ "$exports" = "TA_CloseSessionEntryPoint TA_CreateEntryPoint\
 TA_DestroyEntryPoint TA_InvokeCommandEntryPoint TA_OpenSessionEntryPoint\
 ta_head ta_num_props ta_props" ] || fail "exports: $exports"

echo "== up to date, then a flag change alone rebuilds (v1.3 mode)"
mk -q "${own[@]}" CFG_TA_OPTEE_CORE_API_COMPAT_1_1=y CFLAGS=-DPROBE_COMPAT=1 ||
	fail "not up to date after a build"
mk "${own[@]}" CFLAGS=-DPROBE_COMPAT=0
nm "$so" | grep -q __GP11_ && fail "still built in GP 1.1 mode"

echo "== a warning fails the build"
mk "${own[@]}" CFLAGS="-DPROBE_COMPAT=0 -DPROBE_WARN=1" 2>/dev/null &&
	fail "a warning did not fail the build"

echo "== in the TA dir with the dev kit's key, then clean"
mk CFLAGS=-DPROBE_COMPAT=0
signed_by "$dev_pub" "$ta/$uuid.ta" || fail "not signed with the dev key"
[ -f "$ta/lib/scale.o" ] || fail "no $ta/lib/scale.o"
mk clean
mk O="$out" clean
diff -r "$src" "$ta" || fail "clean left files in the TA dir"
[ ! -e "$out" ] || fail "clean left $out"
echo "PASS"
