#!/usr/bin/env bash
# The CUDA checks, on a GPU machine: builds the CUDA variant (packaging/build-cuda.sh), runs the
# tests labelled gpu (verbose, so a skip shows) and `biaxial bench --device cuda`, sampling the
# GPU's memory with nvidia-smi meanwhile. Logs go to LOG_DIR; the last lines printed are a
# summary. CI never runs this: it has no GPU.
#
# Usage: packaging/cuda-check.sh LOG_DIR [GOOGLETEST_SOURCE_DIR]
set -uo pipefail
cd "$(dirname "$0")/.."
log=${1:?usage: packaging/cuda-check.sh LOG_DIR [GOOGLETEST_SOURCE_DIR]}
mkdir -p "$log"

{
    nvidia-smi
    python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, "cudnn", torch.backends.cudnn.version())'
    g++ --version | head -1
    cmake --version | head -1
    echo "cores: $(nproc)"
} >"$log/env.txt" 2>&1

start=$(date +%s)
if ! bash packaging/build-cuda.sh build-cuda ${2:+"$2"} >"$log/build.txt" 2>&1; then
    tail -60 "$log/build.txt"
    echo "cuda-check: the build failed (log: $log/build.txt)"
    exit 1
fi
echo "build: $(($(date +%s) - start)) s"

ctest --test-dir build-cuda -L gpu -V >"$log/gpu-tests.txt" 2>&1
gpu_rc=$?
grep -E '^([0-9]+: )?\[ +(OK|FAILED|SKIPPED) +\]|tests passed' "$log/gpu-tests.txt"

nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits -lms 200 >"$log/gpu-memory.csv" 2>/dev/null &
sampler=$!
build-cuda/bin/biaxial bench --device cuda --repeats 5 --json >"$log/bench-cuda.json" 2>"$log/bench-cuda.txt"
bench_rc=$?
kill "$sampler" 2>/dev/null
cat "$log/bench-cuda.txt" "$log/bench-cuda.json"
echo "peak GPU memory during the bench: $(sort -n "$log/gpu-memory.csv" | tail -1) MiB (nvidia-smi, whole card)"
exit $((gpu_rc || bench_rc))
