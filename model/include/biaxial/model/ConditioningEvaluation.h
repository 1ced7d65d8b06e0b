#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "biaxial/model/ContinueRequest.h"
#include "biaxial/model/Model.h"
#include "biaxial/model/MusicalityEvaluation.h"

namespace biaxial {

// How well generation respects what is kept (`biaxial evaluate --conditioning`), on held-out
// seeds that have the composer's next bars, for one particle count:
// - Accompany: the top voice of the composer's next bars is locked and accompanied; the model's
//   log-likelihood of the locked cells (the melody and the silence above it) given the sampled
//   rest, and the accompanied passage against what the composer wrote (Yang and Lerch overlaps).
// - Infill: seed + next bars as one piece; the first `regionBars` bars after the seed are
//   regenerated with `lookAheadBars` of look-ahead; the model's log-likelihood of the look-ahead
//   bars given the new region.
// particles = 1 is plain forcing (and, for infill, no look-ahead: the region is sampled without
// knowing what follows, then what follows is scored).
struct ConditioningOptions {
    ContinueRequest sampling;  // the studio's defaults; mode, song, range and particles set per task
    int particles = 16;
    int variations = 3;
    int seedBars = 4;  // the seeds' length in bars (biaxial evaluate --seed-bars)
    int regionBars = 2;
    int lookAheadBars = 2;
};

struct ConditioningSummary {
    int seeds = 0;
    int particles = 1;
    double accompanyLockedPerStep = 0;  // nats per step, mean over seeds and variations
    double accompanyOnsetsRatio = 0;    // accompanied passage / the composer's (geometric mean)
    double pitchClassOverlap = 0, lengthOverlap = 0, ioiOverlap = 0, polyphonyOverlap = 0;
    double infillLookAheadPerStep = 0;  // nats per look-ahead step
    double seconds = 0;                 // generation time, all tasks
};

class ConditioningEvaluation {
public:
    // Seeds without the composer's next bars are skipped. ok=false with a sentence when none is left.
    static bool run(const Model& model, const std::vector<EvaluationSeed>& seeds,
                    const ConditioningOptions& options, ConditioningSummary* summary, std::string* error,
                    const std::atomic<bool>* cancel = nullptr,
                    const std::function<void(int done, int total)>& progress = {});
};

}  // namespace biaxial
