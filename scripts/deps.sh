#!/usr/bin/env bash
# Installs the Debian packages vtee builds and tests with, if missing.
#   scripts/deps.sh [--with-fuzz]
set -euo pipefail

packages=(build-essential cmake ninja-build pkg-config libssl-dev
	  libseccomp-dev libcmocka-dev)
if [ "${1:-}" = "--with-fuzz" ]; then
	# libFuzzer and the sanitizer runtimes for clang
	packages+=(clang libclang-rt-dev)
fi

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "vtee: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
