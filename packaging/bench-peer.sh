#!/usr/bin/env bash
# Our speed against the straightforward PyTorch port in ../shared/peers/ (issue 15), in one run
# with the same threads: the original-size training step (batch 10 x 128 steps) in float32 and
# with bf16 products, and generation per step. Needs Debian's python3-torch and python3-numpy
# (not installed by setup.sh: only this measurement uses them).
# usage: [BIN=build/bin/biaxial] packaging/bench-peer.sh [THREADS]
set -euo pipefail
cd "$(dirname "$0")/.."
T=${1:-1}
BIN=${BIN:-build/bin/biaxial}
PEER=${PEER:-../shared/peers}
export OPENBLAS_NUM_THREADS=$T BIAXIAL_TORCH_THREADS=$T
TCMALLOC=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4
ours=$("$BIN" bench --repeats 2)
peer=$(LD_PRELOAD=$([ -f $TCMALLOC ] && echo $TCMALLOC) /usr/bin/python3 "$PEER/bench_ref.py" "$T" 2)
echo "$ours"
echo "$peer"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $T thread(s)"
f32=$(grep -o 'train step original[^:]*: [0-9.]* s' <<<"$ours" | grep -o '[0-9.]* s$' | cut -d' ' -f1)
bf16=$(grep -o 'train step original.*bf16 products: [0-9.]* s' <<<"$ours" | grep -o '[0-9.]* s$' | cut -d' ' -f1)
gen=$(grep -o 'continue 16 bars (original size): [0-9.]* s' <<<"$ours" | grep -o '[0-9.]* s$' | cut -d' ' -f1)
genbf=$(grep -o 'bf16 products: [0-9.]* s, 8 variations' <<<"$ours" | grep -o '[0-9.]* s' | head -1 | cut -d' ' -f1)
pstep=$(grep -o 'min [0-9.]*s' <<<"$peer" | grep -o '[0-9.]*')
pgen=$(grep -o 'generate 128 steps: [0-9.]*s' <<<"$peer" | grep -o '[0-9.]*s' | tr -d s)
awk -v f="$f32" -v b="$bf16" -v p="$pstep" -v g="$gen" -v gb="$genbf" -v pg="$pgen" 'BEGIN {
    printf "training step, original size: ours float32 %.2f s, bf16 %.2f s (%.2fx float32); port %.2f s: ours %.2fx / %.2fx faster\n", f, b, f / b, p, p / f, p / b
    printf "generation per step: ours float32 %.2f ms, bf16 %.2f ms; port %.2f ms: ours %.1fx / %.1fx faster\n", g / 256 * 1000, gb / 256 * 1000, pg / 128 * 1000, (pg / 128) / (g / 256), (pg / 128) / (gb / 256)
}'
