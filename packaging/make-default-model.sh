#!/usr/bin/env bash
# Reproduces or continues resources/default-model.pt: the middle-size biaxial network (time
# 192,192 / note 96,48, 648,194 parameters) on the piano-midi.de corpus of the original, with the
# default model's recipe (Adam, bf16 products, weight average 0.998, seed 1) and its 34 held-out
# pieces, resuming from resources/training/default-model.pt.ckpt (the shipped run: 8,250
# batches), for SECONDS of wall-clock time or until STEPS batches.
# usage: [BIN=build/bin/biaxial] packaging/make-default-model.sh [SECONDS [STEPS]]
#        From scratch: remove runs/default/ and pass --fresh as the third argument.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_LIMIT=${1:-3600}
STEPS=${2:-20000}
RUN=runs/default
mkdir -p "$RUN"
if [ "${3:-}" != "--fresh" ] && [ ! -f "$RUN/default-model.pt.ckpt" ] && [ -f resources/training/default-model.pt.ckpt ]; then
    cp resources/training/default-model.pt.ckpt "$RUN/default-model.pt.ckpt"
    cp resources/default-model.pt "$RUN/default-model.pt"
fi
resume=()
[ -f "$RUN/default-model.pt.ckpt" ] && resume=(--resume)
# The held-out pieces are the shipped model's (its card lists them): validation figures compare.
holdout=resources/default-model.pt
[ -f "$RUN/default-model.pt" ] && holdout="$RUN/default-model.pt"
status=0
OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-1} BIAXIAL_TORCH_THREADS=${BIAXIAL_TORCH_THREADS:-1} \
    "${BIN:-build/bin/biaxial}" train --corpus ../shared/data/piano-midi-de/midis --out "$RUN/default-model.pt" \
    --time-sizes 192,192 --note-sizes 96,48 --optimizer adam --steps "$STEPS" --seed 1 --bf16 \
    --weight-average 0.998 --hold-out-like "$holdout" --time-limit "$SECONDS_LIMIT" \
    --log-every 10 --valid-every 50 --checkpoint-every 50 --sample-every 1000 "${resume[@]}" || status=$?
# Ctrl-C (130) keeps the last checkpoint: ship that too.
if [ "$status" -ne 0 ] && [ "$status" -ne 130 ]; then exit "$status"; fi
cp "$RUN/default-model.pt" resources/default-model.pt
cp "$RUN/default-model.pt.ckpt" resources/training/default-model.pt.ckpt
echo "resources/default-model.pt: $("${BIN:-build/bin/biaxial}" info resources/default-model.pt | grep -E 'trained:|valid_nll')"
