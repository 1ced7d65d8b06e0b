#pragma once

#include <array>
#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "biaxial/engine/Song.h"
#include "biaxial/engine/TextureProfile.h"
#include "biaxial/model/ContinueRequest.h"
#include "biaxial/model/Model.h"

namespace biaxial {

// A seed to continue, and where it has one, what its composer wrote next.
struct EvaluationSeed {
    std::string name;
    Song seed;                 // continued from its end (rounded up to a step)
    std::optional<Song> next;  // the composer's own next bars, from tick 0
};

struct MusicalityOptions {
    ContinueRequest sampling;  // how to sample (song, seed end, bars and variations are set per seed)
    int bars = 8;              // new bars per continuation
    int variations = 3;        // continuations per seed (random seeds sampling.randomSeed + k)
    // When > 0: the variations are ranked by the model's likelihood (sampling.rankVariations)
    // and only the best `keepBest` are measured, as a musician who takes the first ones would.
    int keepBest = 0;
};

// One seed's continuations measured: against the seed (does the texture carry on?), against the
// composer's next bars (do the new bars sound like the music?) and the model's NLL of those bars.
struct SeedEvaluation {
    std::string name;
    TextureProfile seed;
    TextureProfile generated;  // the new bars of every variation, pooled
    std::optional<TextureProfile> next;
    std::string seedKey;  // "D minor" (empty: too few notes to tell)
    std::array<bool, 12> seedScale{};
    double generatedInSeedKey = -1;   // share of new onsets in the seed's key (-1: no key)
    double nextInSeedKey = -1;        // the composer's next bars, the same way
    double nextNll = -1;              // NLL per note-step of the composer's next bars given the seed
    std::vector<Song> continuations;  // each variation: the seed and its new bars, for listening
};

// The figures of a whole evaluation: means over the seeds (ratios as geometric means).
struct MusicalitySummary {
    int seeds = 0;
    double onsetsRatio = 0;      // new onsets per step / the seed's
    double soundingRatio = 0;    // notes sounding per step, new / seed
    double longestRatio = 0;     // longest new note / the seed's longest
    double eighthShareGap = 0;   // |share of onsets on eighth positions, new - seed|
    double positionOverlap = 0;  // onset positions in the bar: overlapping area, new vs seed
    double registerGap = 0;      // |mean pitch, new - seed| in semitones
    double voicesRatio = 0;      // notes sounding while anything sounds, new / seed
    double inSeedKey = 0;        // share of new onsets in the seed's key
    // Against the composers' next bars (seeds that have them): overlapping areas and the NLL.
    int withNext = 0;
    double pitchClassOverlap = 0, intervalOverlap = 0, lengthOverlap = 0, ioiOverlap = 0,
           polyphonyOverlap = 0;
    double nextInSeedKey = 0;
    double nextNll = 0;
};

struct MusicalityReport {
    bool ok = false;
    bool cancelled = false;
    std::string error;
    std::vector<SeedEvaluation> seeds;
    MusicalitySummary summary() const;  // all seeds
    static MusicalitySummary summarise(const std::vector<const SeedEvaluation*>& seeds);
};

// The musicality evaluation (`biaxial evaluate`): continues each seed with continueSong() as the
// studio does and measures what a listener hears. A long job: `cancel` is checked between
// continuations, `progress(done, total)` is called after each seed.
class MusicalityEvaluation {
public:
    static MusicalityReport run(const Model& model, const std::vector<EvaluationSeed>& seeds,
                                const MusicalityOptions& options, const std::atomic<bool>* cancel = nullptr,
                                const std::function<void(int done, int total)>& progress = {});

    // Seeds from a model's held-out pieces (its card's validation_pieces, found under
    // `corpusFolder` however the names were written): bars [seedFrom, seedFrom + seedBars) of each
    // piece, the next `nextBars` bars as the composer's own. Pieces too short or silent there
    // are left out. An error names what could not be found.
    static std::vector<EvaluationSeed> heldOutSeeds(const Model& model, const std::string& corpusFolder,
                                                    int seedFrom, int seedBars, int nextBars,
                                                    std::string* error);
};

}  // namespace biaxial
