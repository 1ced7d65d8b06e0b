#!/usr/bin/env bash
# Data-parallel speed on this machine (issue 20): batches per second of one process with T
# threads against T processes with one thread each (`biaxial train --nproc T`), the same global
# batch, measured in one run, one after the other; one process with one thread for scale.
# EXTRA="--bf16" adds options to every run. No validation, checkpoints or samples inside
# the timed loop; the figure is the training loop's own batches per second.
# usage: [BIN=build/bin/biaxial] packaging/bench-data-parallel.sh [SIZE [BATCHES [T]]]
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-small}
BATCHES=${2:-30}
T=${3:-$(nproc)}
BIN=${BIN:-build/bin/biaxial}
CORPUS=${CORPUS:-../shared/data/piano-midi-de/midis}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

rate() {  # the last "N batch/s" a run printed
    grep -o '[0-9.]* batch/s' "$1" | tail -1 | cut -d' ' -f1
}
common=(--corpus "$CORPUS" --size "$SIZE" --steps "$BATCHES" --batch 10 --optimizer adam
        --valid-fraction 0 --valid-every 0 --checkpoint-every 1000000 --sample-every 0
        --log-every "$BATCHES" --seed 1 ${EXTRA:-})

OPENBLAS_NUM_THREADS=$T BIAXIAL_TORCH_THREADS=$T "$BIN" train "${common[@]}" --out "$OUT/one.pt" > "$OUT/one.log"
OPENBLAS_NUM_THREADS=1 BIAXIAL_TORCH_THREADS=1 "$BIN" train "${common[@]}" --out "$OUT/many.pt" --nproc "$T" \
    > "$OUT/many.log"
OPENBLAS_NUM_THREADS=1 BIAXIAL_TORCH_THREADS=1 "$BIN" train "${common[@]}" --out "$OUT/single.pt" > "$OUT/single.log"
single=$(rate "$OUT/single.log")
one=$(rate "$OUT/one.log")
many=$(rate "$OUT/many.log")
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
echo "size $SIZE, batch 10 x 128 steps, $BATCHES batches each"
echo "1 process x $T threads:   $one batch/s"
echo "$T processes x 1 thread:  $many batch/s"
echo "1 process x 1 thread:    $single batch/s"
awk -v a="$one" -v b="$many" -v c="$single" \
    'BEGIN { printf "ratio (processes / threads): %.2fx; processes / one thread: %.2fx\n", b / a, b / c }'
