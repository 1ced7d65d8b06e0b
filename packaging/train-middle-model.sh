#!/usr/bin/env bash
# The size comparison of issue 15: the middle-size network (time 192,192 / note 96,48, 648k
# parameters, 1.8x the small network's cost per batch) trained with the default model's recipe
# (Adam, bf16 products, weight average 0.998) and its 34 held-out pieces, resuming from
# resources/training/middle-model.pt.ckpt. When its validation NLL beats the default model's at
# the same CPU time it becomes the candidate for resources/default-model.pt.
# usage: [BIN=build/bin/biaxial] packaging/train-middle-model.sh [SECONDS [STEPS]]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_LIMIT=${1:-3600}
STEPS=${2:-20000}
RUN=runs/middle
mkdir -p "$RUN"
if [ ! -f "$RUN/middle.pt.ckpt" ] && [ -f resources/training/middle-model.pt.ckpt ]; then
    cp resources/training/middle-model.pt.ckpt "$RUN/middle.pt.ckpt"
    cp resources/training/middle-model.pt "$RUN/middle.pt"
fi
resume=()
[ -f "$RUN/middle.pt.ckpt" ] && resume=(--resume)
OPENBLAS_NUM_THREADS=1 BIAXIAL_TORCH_THREADS=1 "${BIN:-build/bin/biaxial}" train \
    --corpus ../shared/data/piano-midi-de/midis --out "$RUN/middle.pt" \
    --time-sizes 192,192 --note-sizes 96,48 --optimizer adam --steps "$STEPS" --seed 1 --bf16 \
    --weight-average 0.998 --hold-out-like resources/default-model.pt --time-limit "$SECONDS_LIMIT" \
    --log-every 10 --valid-every 50 --checkpoint-every 50 --sample-every 1000 "${resume[@]}"
cp "$RUN/middle.pt" resources/training/middle-model.pt
cp "$RUN/middle.pt.ckpt" resources/training/middle-model.pt.ckpt
