#!/usr/bin/env bash
# Reproduces resources/default-model.pt: trains the small biaxial network on the piano-midi.de
# corpus of the original model, resuming from runs/default/ when a checkpoint is there.
# usage: [BIN=build/bin/biaxial] packaging/make-default-model.sh [STEPS [TRAIN OPTIONS...]]
#        The shipped model: batches 1-2700 as its card says, then 2700-9000 with
#        `9000 --bf16 --weight-average 0.998`; then `build/bin/biaxial evaluate` for its card's table.
set -euo pipefail
cd "$(dirname "$0")/.."
STEPS=${1:-3000}
shift || true
RUN=runs/default
mkdir -p "$RUN"
# The committed checkpoint lets a later session go on where the last one stopped.
if [ ! -f "$RUN/default-model.pt.ckpt" ] && [ -f resources/training/default-model.pt.ckpt ]; then
    cp resources/training/default-model.pt.ckpt "$RUN/" && cp resources/default-model.pt "$RUN/"
fi
resume=()
[ -f "$RUN/default-model.pt.ckpt" ] && resume=(--resume)
"${BIN:-build/bin/biaxial}" train --corpus ../shared/data/piano-midi-de/midis --out "$RUN/default-model.pt" \
    --size small --optimizer adam --steps "$STEPS" --seed 1 \
    --log-every 10 --valid-every 50 --checkpoint-every 50 --sample-every 250 "${resume[@]}" "$@"
cp "$RUN/default-model.pt" resources/default-model.pt
cp "$RUN/default-model.pt.ckpt" resources/training/default-model.pt.ckpt
