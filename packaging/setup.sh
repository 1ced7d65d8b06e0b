#!/usr/bin/env bash
# Installs, only when missing, every Debian package that building, testing and running
# Biaxial Studio needs. Idempotent; downloads nothing but Debian packages.
set -euo pipefail

PACKAGES=(
    # build
    build-essential cmake ninja-build pkg-config git
    # engine, model, ui
    qt6-base-dev libgl-dev
    libtorch-dev
    libgloo-dev                 # c10d's ProcessGroupGloo header needs Gloo's (data-parallel training)
    libopenblas0-pthread        # Debian's libtorch is ~8x slower on the reference BLAS
    libgoogle-perftools-dev     # tcmalloc: 2.5x faster training than glibc malloc
    # sound and MIDI
    librtmidi-dev libfluidsynth-dev fluid-soundfont-gm libsndfile1-dev
    # tests, fuzzing, screenshots
    libgtest-dev libgmock-dev clang libclang-rt-14-dev xvfb xauth
    # the committed .clang-format, checked by .ci/run (Debian 12: clang-format 14)
    clang-format
)

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}"
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
else
    echo "setup: every package is installed"
fi
