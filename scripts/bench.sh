#!/usr/bin/env bash
# The benchmark on a private machine: builds if needed, starts a vteed of
# its own in a temporary directory, runs vtee-bench (JSON on stdout,
# progress on stderr), stops the machine.
#   scripts/bench.sh [vtee-bench options, e.g. -n 20000 --json-out F]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/build

"$top/scripts/deps.sh"
"$top/scripts/build.sh" "$build" >/dev/null
machine=$(mktemp -d /tmp/vtee-bench-XXXXXX)
trap '"$top/tests/harness/vteed-fixture.sh" stop "$machine" >/dev/null; rm -rf "$machine"' EXIT
"$top/tests/harness/vteed-fixture.sh" start "$machine" "$build/bin" \
	"$build/ta" "$build/keys/ta-dev-pub.pem"
VTEE_RUNTIME_DIR=$machine/run "$build/bin/vtee-bench" \
	--state-dir "$machine/state" "$@"
