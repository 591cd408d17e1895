#!/bin/sh
# deps.sh - install the Debian packages s370 needs to build and test, only those that are missing.
# Called by `make run`, `make test` and .ci/run, so a fresh Debian machine needs no manual step.
# `deps.sh test` also installs what the tests use: Debian's hercules (our peer for compatibility tests),
# s3270 (a real, scriptable 3270 client), clang with its libFuzzer runtime (the fuzz targets), tmux.
set -eu

# package:probe pairs; the probe is a file the package installs.
needed="
gcc:/usr/bin/gcc
make:/usr/bin/make
pkg-config:/usr/bin/pkg-config
libncurses-dev:/usr/include/ncurses.h
libtelnet-dev:/usr/include/libtelnet.h
zlib1g-dev:/usr/include/zlib.h
check:/usr/include/check.h
"
if [ "${1:-}" = test ]; then
    needed="$needed hercules:/usr/bin/hercules s3270:/usr/bin/s3270 clang:/usr/bin/clang tmux:/usr/bin/tmux"
    needed="$needed libclang-rt-14-dev:/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a"
fi

missing=""
for pair in $needed; do
    pkg=${pair%%:*}
    probe=${pair#*:}
    [ -e "$probe" ] || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0

echo "deps: installing:$missing"
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
