#!/usr/bin/env bash
# Builds the CUDA variant on a GPU machine: the model, the `biaxial` command and the model test
# suites (labels unit and gpu), against the LibTorch that ships inside that machine's PyTorch
# (Debian's LibTorch is CPU-only). No Qt and no sound: a GPU box is a training and benchmark
# machine, and it has neither Qt nor pkg-config. Programs land in BUILD/bin.
#
# Usage: packaging/build-cuda.sh [BUILD_DIR] [GOOGLETEST_SOURCE_DIR]
#   GOOGLETEST_SOURCE_DIR: a GoogleTest source tree (Debian's /usr/src/googletest, carried to the
#   GPU machine) to build first when the machine has no installed GoogleTest.
# Environment: TORCH_PREFIX overrides the LibTorch CMake prefix (default: python3's torch).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-cuda}
gtest_src=${2:-}
jobs=$(nproc)

torch_prefix=${TORCH_PREFIX:-$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')}
prefixes="$torch_prefix"
if [[ -n "$gtest_src" ]]; then
    gtest_prefix="$(realpath -m "$build")/googletest-install"
    if [[ ! -f "$gtest_prefix/lib/cmake/GTest/GTestConfig.cmake" ]]; then
        cmake -S "$gtest_src" -B "$build/googletest" -G Ninja -DCMAKE_BUILD_TYPE=Release \
            -DCMAKE_INSTALL_PREFIX="$gtest_prefix" -DCMAKE_INSTALL_LIBDIR=lib -DBUILD_GMOCK=OFF
        cmake --build "$build/googletest" -j "$jobs" --target install
    fi
    prefixes="$prefixes;$gtest_prefix"
fi

# PyTorch's wheels export the std::filesystem functions of a statically linked libstdc++
# (pytorch/pytorch#133437), and a program that names libtorch.so before libstdc++.so binds its own
# std::filesystem calls to those copies, which crash (remove_all jumps to address 0). Naming
# libstdc++ first, as a file so that the compiler driver cannot move it, keeps them in libstdc++.
libstdcxx=$("${CXX:-g++}" -print-file-name=libstdc++.so.6)
[[ "$libstdcxx" == /* ]] || libstdcxx=$(/sbin/ldconfig -p | awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF; exit}')
# CUDA_TARGETS=biaxial builds the command alone (packaging/gpu-train.sh): no GoogleTest needed.
targets=${CUDA_TARGETS:-biaxial biaxial_model_tests biaxial_model_gpu_tests}
tests=ON
[[ "$targets" == "biaxial" ]] && tests=OFF
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_PREFIX_PATH="$prefixes" -DBIAXIAL_BUILD_TESTS=$tests \
    -DBIAXIAL_WITH_UI=OFF -DBIAXIAL_WITH_AUDIO=OFF -DBIAXIAL_WITH_TCMALLOC=OFF \
    "-DCMAKE_EXE_LINKER_FLAGS=-Wl,--no-as-needed,$libstdcxx,--as-needed"
# shellcheck disable=SC2086
cmake --build "$build" -j "$jobs" --target $targets
