#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "biaxial/engine/StepGrid.h"
#include "biaxial/model/Model.h"

namespace biaxial {

struct GenerationOptions {
    int steps = 64;               // new steps to generate (16 per 4/4 bar)
    int variations = 1;           // sampled together as one batch
    double conservativity = 1.0;  // play ~ Bernoulli(P(play)^c); > 1 plays less, < 1 more
    // The original's adaptive mode: c drops by 0.02 while fewer than 2 notes sound and
    // moves 30% back toward 1 otherwise (avoids long silences). `conservativity` is its start.
    bool adaptiveConservativity = false;
    // With adaptiveConservativity: when > 0, c follows a texture instead of the original's rule:
    // after each step c is multiplied by exp(densityGain * (sounding - target) / max(1, target)),
    // so that the notes sounding per step stay near the target (the seed's; clamped 0.2..5).
    double densityTarget = 0.0;
    double densityGain = 0.1;
    // Rhythm from the seed: onsetTarget[p] is the seed's mean onsets per step at bar position p
    // (one entry per position of the generated bars' meter; < 0 = no target there). Each
    // variation's odds of an onset at p (a silent note starting, a sounding one struck again)
    // are multiplied by a factor that, after every step at p, is multiplied by
    // exp(rhythmGain * (target - onsets) / max(1, target)) (clamped 1/4..4): where the music
    // stops striking on the seed's beats the network's own onsets there become likelier, where it
    // strikes more often than the seed they become rarer. Empty = the model's own rhythm.
    std::vector<double> onsetTarget;
    double rhythmGain = 0.5;
    // The hold limit: a note that has sounded this many steps since it was struck is released
    // unless the network strikes it again (0 = none). Stops a chord from being held for bars.
    int maxHoldSteps = 0;
    double temperature = 1.0;  // logits / T before sampling; 1 = the model's own odds
    // A note whose chance to sound (after temperature and rhythm) is under this floor does not
    // sound; 0 = none.
    double playFloor = 0.0;
    std::uint64_t seed = 1;  // the same seed, model and options give the same music;
                             // variation k uses seed + k, so it does not depend on K
    // Constraints: notes outside [minPitch, maxPitch] (MIDI, inclusive) never sound. A note
    // whose pitch class is false in `pitchClasses` (0 = C) keeps `outOfScaleWeight` of its
    // chance to sound: 0 (the default) never plays it, 0.2 makes it five times rarer and
    // lets the music pass through a chromatic note, 1 ignores the scale. Defaults allow everything.
    int minPitch = 0;
    int maxPitch = 127;
    std::array<bool, 12> pitchClasses{true, true, true, true, true, true, true, true, true, true, true, true};
    double outOfScaleWeight = 0.0;
    // Locked cells of the new steps (the model's pitch range, note index from its lowest pitch):
    // where lockMask[s * numNotes + n] != 0, note n at new step s is not sampled but set to
    // locked.play/articulate(s, n): a sounding note or a silence the musician fixed. Empty mask
    // = nothing locked. The note axis samples upward, so forcing a locked cell does not let the
    // notes below it know about it; instead the free cells are sampled conditioned on the locked
    // ones by sequential Monte Carlo: `particles` sequences per variation, each weighted at every
    // step by the model's probability of the locked cells there and resampled (systematically)
    // when the weights degenerate (effective sample size below half); the variation is one
    // particle drawn by its final weight. particles = 1 is plain forcing. Cost: about `particles`
    // variations.
    StepGrid locked;
    std::vector<std::uint8_t> lockMask;
    int particles = 1;
    // Bar length of the new steps for the beat input; 0 = take it from the seed (16 if unknown).
    int stepsPerBar = 0;
    // Use the straightforward tensor-per-note path (the benchmark's baseline; CUDA uses it too).
    bool baselineNoteLoop = false;
    // CPU: the time axis's per-step products with bfloat16 operands (float32 accumulation and
    // states; AVX-512 BF16 through oneDNN). Music of the same quality, not bit-identical to float32.
    bool bf16 = false;
};

struct GenerationProgress {
    int step = 0;  // new steps done
    int totalSteps = 0;
    // The step just sampled, [variations][numNotes][2] 0/1, when it is final: without
    // particles (no resampling rewrites it later). Null with particles. Valid during the call.
    const std::uint8_t* stepCells = nullptr;
};

struct GenerationResult {
    bool ok = false;
    bool cancelled = false;
    std::string error;
    // One grid per variation holding only the NEW steps (append it to the seed to get the
    // whole piece), in the model's pitch range, bar positions continuing the seed's.
    std::vector<StepGrid> variations;
    // Per variation: the log-likelihood of its new steps under the model's own odds (temperature
    // 1, constraints aside), in nats: higher is what the network finds likelier.
    std::vector<double> logLikelihood;
    // Per variation: the model's log-likelihood of the locked cells alone (nats; 0 when none),
    // along the sequence the variation is: how well the sampled rest fits what was locked.
    std::vector<double> lockedLogLikelihood;
    int resamplings = 0;  // resampling events over all variations (sequential Monte Carlo)
    double seconds = 0.0;
    double noteLoopSeconds = 0.0;  // share spent in the sequential note-axis loop
};

// Continues a seed (DESIGN.md §1 "Generation"): the seed's steps go through the time axis
// with their real notes, then new steps are sampled one at a time, note by note upward.
// An empty seed (0 steps) generates from scratch. A seed in another pitch range is mapped
// by MIDI pitch (notes outside the model's range are dropped).
// Long job for a worker thread: `cancel` is checked every step (a cancelled job returns
// cancelled=true and no grids), `progress` is called on the calling thread.
class Generator {
public:
    using Progress = std::function<void(const GenerationProgress&)>;

    static GenerationResult generate(const Model& model, const StepGrid& seed,
                                     const GenerationOptions& options,
                                     const std::atomic<bool>* cancel = nullptr,
                                     const Progress& progress = {});
};

}  // namespace biaxial
