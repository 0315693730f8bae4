#!/usr/bin/env bash
# Every test: unit and integration tests (real vteed, supplicant and TA
# processes) in a normal build and under AddressSanitizer and
# UndefinedBehaviorSanitizer, then each fuzz target for a short run.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc)

"$top/scripts/deps.sh" --with-fuzz

echo "=== build: normal ==="
"$top/scripts/build.sh" "$top/build"
echo "=== build: AddressSanitizer + UndefinedBehaviorSanitizer ==="
"$top/scripts/build.sh" "$top/build-sanitize" -DVTEE_SANITIZE=ON
echo "=== build: fuzz targets (clang, libFuzzer) ==="
# the fuzz targets instrument their own copies of the code they fuzz; the
# rest of this tree is a plain clang build, which also keeps the code
# clean under a second compiler
CC=clang "$top/scripts/build.sh" "$top/build-fuzz" -DVTEE_FUZZ=ON

status=0
echo "=== tests: sanitizers ==="
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	ctest --test-dir "$top/build-sanitize" -j"$jobs" --output-on-failure \
	-LE fuzz || status=1
echo "=== tests: fuzz targets ==="
ctest --test-dir "$top/build-fuzz" -L fuzz --output-on-failure || status=1
echo "=== tests: normal build ==="
ctest --test-dir "$top/build" -j"$jobs" --output-on-failure -LE fuzz || status=1
exit $status
