#pragma once

#include <torch/torch.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "BiaxialNetwork.h"

namespace biaxial {

// One step of the time axis for every (variation, note) sequence at once, CPU only, with no
// tensor allocated per step. The first layer's input product is built straight from the chosen
// notes instead of multiplying the 80 features (mostly zeros and per-note constants): a per-note
// constant (bias, position, pitch class), one of 16 beat vectors, one weight column per sounding
// neighbour (play/articulate) and the 12 context columns per pitch class. Upper layers multiply
// [x, h] by the stacked [Wih; Whh] in one matrix product. Equal to the dense product up to
// float rounding (tested against FeatureBuilder + LibTorch's LSTM).
class TimeStepper {
public:
    // states: the time axis's (h, c) per layer, each [1, S, H], taken over; S = K * N
    // (variation-major). lowPitch: the model's lowest pitch (pitch classes of the notes);
    // stepsPerBar: ModelConfig::stepsPerBar, the beat mapping FeatureBuilder applies.
    // bf16: the layers' products with bfloat16 operands (float32 accumulation and state).
    TimeStepper(BiaxialNetworkImpl& net, const LstmStates& states, int lowPitch, int numNotes,
                int stepsPerBar = 0, bool bf16 = false);
    // x: [S, 80] float32 CPU features (the general path). Returns the last layer's h [S, H]
    // (a view of an internal buffer, valid until the next call).
    torch::Tensor step(const torch::Tensor& x);
    // The same step from the chosen notes: notes [K][N][2] 0/1, barPosition >= 0 of the step
    // the notes belong to (the features the original builds from them).
    torch::Tensor stepFromNotes(const std::uint8_t* notes, int barPosition);
    // Resampling: sequence block b (its N rows) takes the state of block parent[b], for every
    // layer (h and c). parent has K entries.
    void reorder(const std::vector<int>& parent);

private:
    struct Layer {
        torch::Tensor w;                  // layer 0: whhT [H, 4H]; others: [Wih * scale; Whh]^T [in + H, 4H]
        torch::Tensor wLow;               // w in bfloat16 (bf16 mode only)
        torch::Tensor xhLow, productLow;  // bf16 mode: xh and xh @ w in bfloat16, reused every step
        torch::Tensor bias;               // [4H] (layer 0: in noteConst_)
        torch::Tensor xh;                 // layer 0: h [S, H]; others: [S, in + H], h in the last H columns
        torch::Tensor h;                  // view of this layer's h inside xh: [S, H]
        torch::Tensor c, gates;           // [S, H], [S, 4H]
        int hidden = 0, in = 0;
    };
    // Layer 0's gates hold the input product on entry.
    void runLayers();
    std::vector<Layer> layers_;
    int K_ = 0, N_ = 0, G0_ = 0, stepsPerBar_ = 0;
    bool bf16_ = false;
    torch::Tensor wih0T_;           // [80, 4H0]: layer 0's input weights, transposed
    std::vector<float> noteConst_;  // [N][4H0]: both biases + position + pitch class
    std::vector<float> beat_;       // [16][4H0]
    std::vector<float> context_;    // [12][4H0]: scratch, the context term per pitch class
    std::vector<int> pitchClass_;   // [N]
};

// A counter-free random stream per variation: variation k draws from its own generator, so
// its music does not depend on how many variations run beside it.
struct SampleRng {
    std::mt19937_64 engine;
    double uniform() { return static_cast<double>(engine() >> 11) * (1.0 / 9007199254740992.0); }
};

// What the note-axis sampler needs per step besides the time-axis output.
struct SampleControls {
    std::vector<double> conservativity;  // per variation
    double inverseTemperature = 1.0;
    // Per note, the factor on P(play): 0 = never sounds (pitch range, hard key mask), 1 = free,
    // in between a soft key (play ~ Bernoulli(weight * P^c)).
    std::vector<double> weight;
    // The hold limit: a note that has sounded `maxHold` steps since it was struck is released
    // unless the network strikes it again (0 = no limit). heldFor: [K * N], steps each note has
    // sounded since its onset before this step.
    int maxHold = 0;
    std::vector<int> heldFor;
    // Rhythm (GenerationOptions::onsetTarget): when set ([K]), the factor on the odds of an onset
    // at this step per variation: on P(articulate) of a note sounding at the step before
    // (heldFor > 0), on P(play) of a silent one. Empty = the model's odds.
    std::vector<double> onsetOdds;
    // A note whose chance to sound (the model's, after temperature and rhythm) is under this
    // floor does not sound: the long tail of unlikely notes, a few per step over 78 keys, is cut.
    double playFloor = 0.0;
    static double scaleOdds(double p, double factor) { return factor * p / (1.0 - p + factor * p); }
    // When set ([K]), each variation's log-likelihood of its chosen bits under the model's own
    // odds (temperature 1, no constraint) is added here: nats, for ranking variations.
    double* logLikelihood = nullptr;
    // Locked cells of this step (Generator's sequential Monte Carlo): where lockMask[n] != 0,
    // note n is not sampled but set to lockCells[2n], [2n+1] in every variation, and the model's
    // log-probability of that value (its own odds, temperature 1) is added to lockLogWeight[k].
    const std::uint8_t* lockMask = nullptr;   // [N] or null: nothing locked at this step
    const std::uint8_t* lockCells = nullptr;  // [N][2]
    double* lockLogWeight = nullptr;          // [K]
    // log P(bit) for a logit z: log sigmoid(z) when the bit is 1, log sigmoid(-z) when 0 (stable).
    static double logOf(double z, bool bit) {
        const double x = bit ? z : -z;
        return x >= 0 ? -std::log1p(std::exp(-x)) : x - std::log1p(std::exp(x));
    }
    // The chosen (play, articulate) of one note: articulate counts only where the note plays.
    void addLikelihood(int k, double playLogit, double artLogit, bool play, bool art) const {
        if (logLikelihood == nullptr)
            return;
        double ll = logOf(playLogit, play);
        if (play)
            ll += logOf(artLogit, art);
        logLikelihood[k] += ll;
    }
    struct Choice {
        bool play = false, art = false;
    };
    // Note n of variation k from its two logits and two uniforms (drawn whether or not the note
    // is locked, so that a lock does not shift the random stream of the notes above it).
    Choice choose(int k, int n, int numNotes, double playLogit, double artLogit, double u1, double u2) const {
        Choice c;
        if (lockMask != nullptr && lockMask[n]) {
            c.play = lockCells[2 * n] != 0;
            c.art = c.play && lockCells[2 * n + 1] != 0;
            double ll = logOf(playLogit, c.play);
            if (c.play)
                ll += logOf(artLogit, c.art);
            lockLogWeight[k] += ll;
        } else {
            double pPlay = 1.0 / (1.0 + std::exp(-playLogit * inverseTemperature));
            double pArt = 1.0 / (1.0 + std::exp(-artLogit * inverseTemperature));
            if (!onsetOdds.empty()) {
                const double f = onsetOdds[static_cast<std::size_t>(k)];
                if (heldFor[static_cast<std::size_t>(k * numNotes + n)] > 0)
                    pArt = scaleOdds(pArt, f);
                else
                    pPlay = scaleOdds(pPlay, f);
            }
            if (pPlay < playFloor)
                pPlay = 0.0;
            const bool art0 = u2 < pArt;
            c.play = u1 < weight[static_cast<std::size_t>(n)] *
                              std::pow(pPlay, conservativity[static_cast<std::size_t>(k)]) &&
                     (art0 || mayHold(k, n, numNotes));
            c.art = c.play && art0;
        }
        addLikelihood(k, playLogit, artLogit, c.play, c.art);
        return c;
    }
    // After a step: variation k's chosen cells ([numNotes][2]) advance its heldFor; returns
    // through the pointers how many notes sound and how many were struck (a note starting, or
    // sounding and struck again), what TextureSteering hears.
    void heard(int k, int numNotes, const std::uint8_t* cells, int* sounding, int* onsets) {
        *sounding = *onsets = 0;
        for (int n = 0; n < numNotes; ++n) {
            const bool play = cells[2 * n] != 0, art = cells[2 * n + 1] != 0;
            int& held = heldFor[static_cast<std::size_t>(k * numNotes + n)];
            *onsets += play && (art || held == 0);
            *sounding += play;
            held = !play ? 0 : art ? 1 : held + 1;
        }
    }
    // Whether this (variation, note) may go on sounding unstruck at this step.
    bool mayHold(int k, int n, int numNotes) const {
        return maxHold <= 0 || heldFor[static_cast<std::size_t>(k * numNotes + n)] < maxHold;
    }
};

// The sequential part of generation: note by note upward, each note's (play, articulate)
// sampled and fed to the next note. Copies the note-axis weights once (the inference dropout
// scale folded in) and runs the small LSTM cells as plain vectorised loops over preallocated
// buffers: no tensor or heap allocation inside the loop. The time-axis share of the first
// note layer's input is computed for all notes and variations with one matrix product.
// CPU only; used by one thread at a time.
class NoteSampler {
public:
    NoteSampler(BiaxialNetworkImpl& net, int variations, int numNotes, bool bf16 = false);

    // timeOut: [K * N, Htime] (variation-major) float32 CPU, rows may be strided. Writes [K][N][2] 0/1 into
    // `out`.
    void sampleStep(const torch::Tensor& timeOut, const SampleControls& controls,
                    std::vector<SampleRng>& rngs, std::uint8_t* out);

    // Exposed for tests: the fast tanh used by the cells, against std::tanh.
    static float fastTanh(float x);

private:
    struct Layer {
        int in = 0, hidden = 0;
        std::vector<float> wih;     // transposed, [in][4H] (layer 0: only the 2 inputs of the note below)
        std::vector<float> whh;     // transposed, [H][4H]
        std::vector<float> bias;    // [4H] (layer 0: folded into the precomputed part)
        std::vector<float> h, c;    // [K][H]
        std::vector<float> h0, c0;  // [K][H]: the initial state every step starts from
        std::vector<float> gates;   // [K][4H]
    };
    int K_, N_;
    std::vector<Layer> layers_;
    torch::Tensor timeWeight_;           // [Htime, 4H0]: the time-output columns of layer 0, transposed
    torch::Tensor timeBias_;             // [4H0]: both biases of layer 0
    torch::Tensor pre_;                  // [K*N, 4H0]: the time-axis share of layer 0, per step
    torch::Tensor timeWeightLow_;        // timeWeight_ in bfloat16 (bf16 mode only)
    torch::Tensor timeOutLow_, preLow_;  // bf16 mode: the step's operand and product, reused
    std::vector<float> outW_, outB_;     // transposed [Hlast][2], [2]
    std::vector<float> prev_;            // [K][2]
    std::vector<float> logits_;          // [K][2]
};

}  // namespace biaxial
