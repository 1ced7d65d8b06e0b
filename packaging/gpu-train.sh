#!/usr/bin/env bash
# Turns a lent GPU window (about 15 minutes in all, start included) into the models we ship:
# builds the CUDA variant of `biaxial` with every core, then trains on the one card, side by
# side, the default model (piano-midi.de at the original size, holding out the same 34 pieces as
# the shipped model so that its validation NLL compares) and the four bl2012 benchmarks at the
# original size, each until a wall-clock limit; evaluates each (test NLL with `biaxial eval`; for
# the default model its validation NLL and `biaxial evaluate`), and leaves at most 8 files of at
# most 16 MiB in OUTDIR: five models (their cards inside), the default model's evaluation table,
# a summary and one log archive. Build, training and evaluation end within about 9 minutes.
#
# usage: packaging/gpu-train.sh [--dry-run] OUTDIR
#   --dry-run   the same script on the CPU (the normal build's build/bin/biaxial), tiny networks and
#               seconds of training, the same set of files: ctest runs it (label slow) so it stays true.
# Environment:
#   DATA            the corpora: ../shared/data, else gpu-data/ (copy bl2012/ and piano-midi-de/ there
#                   and carry it to the GPU machine: only the checkout travels)
#   TRAIN_SECONDS   each run's training budget (default 270; dry run 8)
#   BIN             the dry run's CPU `biaxial` (default build/bin/biaxial)
set -euo pipefail
cd "$(dirname "$0")/.."
dry=0
if [ "${1:-}" = "--dry-run" ]; then
    dry=1
    shift
fi
out=${1:?usage: packaging/gpu-train.sh [--dry-run] OUTDIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
logs=$(mktemp -d)
work=$(mktemp -d)  # models and their .ckpt while training; only the models go to OUTDIR
trap 'rm -rf "$logs" "$work"' EXIT
started=$(date +%s)
say() { echo "gpu-train [$(($(date +%s) - started)) s] $*" | tee -a "$logs/summary.txt"; }

data=${DATA:-}
if [ -z "$data" ]; then
    if [ -d ../shared/data/bl2012 ]; then data=../shared/data; else data=gpu-data; fi
fi
[ -d "$data/bl2012" ] && [ -d "$data/piano-midi-de/midis" ] ||
    { echo "gpu-train: $data has no bl2012/ and piano-midi-de/midis/ (set DATA)" >&2; exit 1; }

if ((dry)); then
    bin=${BIN:-build/bin/biaxial}
    [ -x "$bin" ] || { echo "gpu-train: --dry-run needs the CPU build (packaging/build.sh)" >&2; exit 1; }
    device=cpu
    seconds=${TRAIN_SECONDS:-8}
    size=(--size tiny)
    card="dry run on the CPU"
    export OPENBLAS_NUM_THREADS=1
else
    say "building the CUDA variant"
    if ! CUDA_TARGETS=biaxial bash packaging/build-cuda.sh build-cuda >"$logs/build.txt" 2>&1; then
        tail -40 "$logs/build.txt"
        tar -czf "$out/logs.tar.gz" -C "$logs" .
        echo "gpu-train: the build failed (log in $out/logs.tar.gz)" >&2
        exit 1
    fi
    bin=build-cuda/bin/biaxial
    device=cuda
    seconds=${TRAIN_SECONDS:-270}
    size=(--size original)
    card="$(nvidia-smi --query-gpu=name --format=csv,noheader | head -1)"
    nvidia-smi >"$logs/nvidia-smi.txt" 2>&1 || true
fi
say "training for ${seconds} s each on $device ($card)"

common=(--device "$device" --time-limit "$seconds" --sample-every 0 --log-every 100 --seed 1 "${size[@]}")
meta="trained_on=$card;time_limit_seconds=$seconds;script=packaging/gpu-train.sh"
bench=(--segment 32 --optimizer adam --lr 0.002 --keep-best --valid-every 100 --valid-segments 80
       --checkpoint-every 200 --steps 100000)
pids=()
train() {  # name, then options
    local name=$1
    shift
    "$bin" train --out "$work/$name.pt" "${common[@]}" --meta "$meta" "$@" >"$logs/train-$name.txt" 2>&1 &
    pids+=($!)
}
train default-model --corpus "$data/piano-midi-de/midis" --hold-out-like resources/default-model.pt \
    --optimizer adam --weight-average 0.998 --valid-every 200 --checkpoint-every 500 --steps 100000
for set in musedata nottingham piano_midi_de; do
    train "$set" --dataset "$data/bl2012/$set.json" "${bench[@]}" --align 8 --steps-per-bar 8
done
train jsb_chorales --dataset "$data/bl2012/jsb_chorales.json" "${bench[@]}" --align 4 --steps-per-bar 4 \
    --dropout 0.75 --transpose 6 --lead-in --weight-average 0.998
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
for f in "$logs"/train-*.txt; do say "$(basename "$f" .txt): $(grep -E '^(done|time limit)' "$f" | tr '\n' ' ')"; done
((failed == 0)) || say "a training run failed: see logs.tar.gz"
for f in "$work"/*.pt; do [ -f "$f" ] && cp "$f" "$out/"; done

say "evaluating"
{
    echo "# gpu-train.sh results ($card, ${seconds} s of training each)"
    echo
    echo "| model | batches | test NLL (nats/frame) |"
    echo "|---|---|---|"
} >"$out/results.md"
for set in jsb_chorales musedata nottingham piano_midi_de; do
    [ -f "$out/$set.pt" ] || continue
    nll=$("$bin" eval --model "$out/$set.pt" --dataset "$data/bl2012/$set.json" --split test --device "$device" \
        2>>"$logs/eval.txt" | tee -a "$logs/eval.txt" | sed -n 's/^NLL \([0-9.]*\) .*/\1/p')
    batches=$("$bin" info "$out/$set.pt" | sed -n 's/^training_steps: *//p')
    echo "| $set | ${batches:-?} | ${nll:-failed} |" >>"$out/results.md"
done
if [ -f "$out/default-model.pt" ]; then
    valid=$("$bin" info "$out/default-model.pt" | sed -n 's/^valid_nll_per_note_step: *//p')
    batches=$("$bin" info "$out/default-model.pt" | sed -n 's/^training_steps: *//p')
    echo "| default-model (piano-midi.de, validation NLL per note-step) | ${batches:-?} | ${valid:-?} |" >>"$out/results.md"
    "$bin" evaluate --model "$out/default-model.pt" --corpus "$data/piano-midi-de/midis" --device "$device" \
        --markdown "$out/default-model-evaluate.md" >"$logs/evaluate.txt" 2>&1 || say "evaluate failed"
fi
cat "$out/results.md" | tee -a "$logs/summary.txt"
say "done"
tar -czf "$out/logs.tar.gz" -C "$logs" .
# What comes back from a lent machine is limited: at most 8 files of at most 16 MiB.
count=$(find "$out" -maxdepth 1 -type f | wc -l)
big=$(find "$out" -maxdepth 1 -type f -size +16M)
if ((count > 8)) || [ -n "$big" ]; then
    echo "gpu-train: $out holds $count files${big:+, too large: $big}; at most 8 of at most 16 MiB come back" >&2
    exit 1
fi
exit $failed
