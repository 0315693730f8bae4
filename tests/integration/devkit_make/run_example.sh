#!/usr/bin/env bash
# Runs the optee_style client; passes only if it exits 0 and printed the
# TA's answers (it checks them itself, so a wrong one is an exit 1).
#   run_example.sh PROGRAM
set -u
out=$("$1" 2>&1)
rc=$?
printf '%s\n' "$out"
[ "$rc" -eq 0 ] || { echo "FAIL: $1 exited $rc"; exit 1; }
for want in 'stressed -> desserts' 'The TA says: '; do
	grep -qF -- "$want" <<<"$out" || { echo "FAIL: no \"$want\""; exit 1; }
done
