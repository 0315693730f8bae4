#!/usr/bin/env bash
# The main job: install what is missing, build, start vteed with its
# default state directory, and run the examples against it.  vteed keeps
# running afterwards; the last lines say how to use and stop it.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/build

"$top/scripts/deps.sh"
echo "vtee: building in $build"
"$top/scripts/build.sh" "$build"

# the runtime dir vteed picks by default (src/common/paths.c)
runtime=${VTEE_RUNTIME_DIR:-${XDG_RUNTIME_DIR:+$XDG_RUNTIME_DIR/vtee}}
[ -n "$runtime" ] || runtime=/run/vtee

if [ -S "$runtime/tee0" ] && "$build/bin/vtee" status --runtime-dir "$runtime" >/dev/null 2>&1; then
	echo "vtee: a vteed already serves $runtime"
else
	echo "vtee: starting vteed (nodes in $runtime)"
	"$build/bin/vteed" --runtime-dir "$runtime"
fi
export VTEE_RUNTIME_DIR=$runtime

# the client programs of examples/, in the order they teach
for example in hello_world optee_style; do
	echo
	echo "=== $example ==="
	"$build/bin/$example"
done

echo
"$build/bin/vtee" status --runtime-dir "$runtime"
echo
echo "vtee: vteed keeps running.  Try:  VTEE_RUNTIME_DIR=$runtime $build/bin/hello_world"
echo "vtee: stop it with:  kill \$(cat $runtime/vteed.pid)"
