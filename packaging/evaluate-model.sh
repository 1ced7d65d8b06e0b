#!/usr/bin/env bash
# The model card's music statistics: continues 4-bar seeds cut from the model's validation
# pieces by 8 bars and compares the new music with the corpus (notes per step, silences, note
# lengths, pitch classes) and each continuation's key with its seed's key. Writes WAVs to listen to.
# usage: packaging/evaluate-model.sh [MODEL.pt] [OUTDIR]
#   ADAPTIVE=1       the original's adaptive conservativity (what the studio uses)
#   OUT_OF_KEY=W     keep to the seed's key (biaxial continue --key seed --out-of-key W; the studio's
#                    "Seed's key" with "Rarely" is 0.2). Unset: no key is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL=${1:-resources/default-model.pt}
OUT=${2:-runs/evaluate}
BIN=${BIN:-build/bin/biaxial}
mkdir -p "$OUT"
extra=()
[ "${ADAPTIVE:-0}" = 1 ] && extra+=(--adaptive)
[ -n "${OUT_OF_KEY:-}" ] && extra+=(--key seed --out-of-key "$OUT_OF_KEY")
mapfile -t pieces < <("$BIN" info "$MODEL" | sed -n 's/^validation_pieces: //p' | tr ';' '\n' | sed 's/^ *//' | head -12)
[ "${#pieces[@]}" -gt 0 ] || { echo "no validation pieces in $MODEL" >&2; exit 1; }
generated=()
from=()
echo "| piece | seed key | continuation key | onsets in the seed's key | the composer's next 8 bars | continuation notes/step | silent steps |"
echo "|---|---|---|---|---|---|---|"
inKeyTotal=0
realTotal=0
for p in "${pieces[@]}"; do
    name=$(basename "$p" .mid)
    "$BIN" excerpt "$p" --from-bar 5 --bars 4 --out "$OUT/$name-seed.mid" > /dev/null
    "$BIN" continue --model "$MODEL" --seed "$OUT/$name-seed.mid" --bars 8 --random-seed 1 "${extra[@]}" \
        --out "$OUT/$name-cont.mid" > /dev/null 2>&1
    seedStats=$("$BIN" stats "$OUT/$name-seed.mid")
    seedSteps=$(sed -n 's/^steps \([0-9]*\),.*/\1/p' <<< "$seedStats")
    generated+=("$OUT/$name-cont.mid")
    from+=("$seedSteps")
    seedKey=$(sed -n 's/^estimated key \([^(]*\) (.*/\1/p' <<< "$seedStats")
    contStats=$("$BIN" stats --from-step "$seedSteps" --key "$seedKey" "$OUT/$name-cont.mid")
    inKey=$(sed -n 's/^\([0-9.]*\)% of onsets in the scale of.*/\1/p' <<< "$contStats")
    inKeyTotal=$(awk -v a="$inKeyTotal" -v b="$inKey" 'BEGIN { print a + b }')
    # The reference: how much of what the composer wrote next lies in the seed's key.
    "$BIN" excerpt "$p" --from-bar 9 --bars 8 --out "$OUT/$name-real.mid" > /dev/null
    real=$("$BIN" stats --key "$seedKey" "$OUT/$name-real.mid" | sed -n 's/^\([0-9.]*\)% of onsets in the scale of.*/\1/p')
    realTotal=$(awk -v a="$realTotal" -v b="$real" 'BEGIN { print a + b }')
    contKey=$(sed -n 's/^estimated key \([^(]*\) (.*/\1/p' <<< "$contStats")
    nps=$(sed -n 's/^notes sounding per step \([0-9.]*\).*/\1/p' <<< "$contStats")
    silent=$(sed -n 's/^silent steps \([0-9.%]*\).*/\1/p' <<< "$contStats")
    echo "| $name | $seedKey | $contKey | $inKey% | $real% | $nps | $silent |"
done
awk -v t="$inKeyTotal" -v r="$realTotal" -v n="${#pieces[@]}" \
    'BEGIN { printf "\nmean share of onsets in the seed'"'"'s key: continuations %.1f%%, the composers'"'"' next 8 bars %.1f%%\n", t / n, r / n }' 
echo
echo "## generated (8 bars after each seed; 4/4 seeds)"
four=()
for i in "${!generated[@]}"; do [ "${from[$i]}" = 64 ] && four+=("${generated[$i]}"); done
"$BIN" stats --from-step 64 "${four[@]}"
echo
echo "## corpus"
"$BIN" stats ../shared/data/piano-midi-de/midis
if "$BIN" help render > /dev/null 2>&1; then
    "$BIN" render "${generated[0]}" --out "$OUT/example.wav" 2>/dev/null | tail -1
fi
