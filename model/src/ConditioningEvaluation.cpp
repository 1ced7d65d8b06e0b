#include "biaxial/model/ConditioningEvaluation.h"

#include <cmath>

#include "biaxial/engine/GridConverter.h"
#include "biaxial/engine/MelodyLine.h"
#include "biaxial/engine/SongExcerpt.h"
#include "biaxial/engine/TextureProfile.h"
#include "biaxial/model/ContinueSong.h"

namespace biaxial {

namespace {

// The seed followed by the composer's next bars, as one piece.
Song joined(const EvaluationSeed& s, int seedBars, std::int64_t* seedTicks) {
    Song song = s.seed;
    *seedTicks = SongExcerpt::barRange(s.seed, 1, seedBars).second;
    for (std::size_t t = 0; t < s.next->tracks.size(); ++t) {
        if (song.tracks.size() <= t)
            song.tracks.push_back({});
        for (Note n : s.next->tracks[t].notes) {
            n.start += *seedTicks;
            song.tracks[t].notes.push_back(n);
        }
    }
    song.normalise();
    return song;
}

}  // namespace

bool ConditioningEvaluation::run(const Model& model, const std::vector<EvaluationSeed>& seeds,
                                 const ConditioningOptions& options, ConditioningSummary* summary,
                                 std::string* error, const std::atomic<bool>* cancel,
                                 const std::function<void(int, int)>& progress) {
    ConditioningSummary sum;
    sum.particles = options.particles;
    GridOptions gridOptions;
    gridOptions.lowPitch = model.config().lowPitch;
    gridOptions.numNotes = model.config().numNotes;
    double logOnsets = 0;
    int done = 0;
    for (const auto& s : seeds) {
        if (cancel != nullptr && cancel->load()) {
            *error = "cancelled";
            return false;
        }
        if (!s.next || s.next->noteCount() == 0)
            continue;
        ContinueRequest request = options.sampling;
        request.variations = options.variations;
        request.particles = options.particles;
        request.rankVariations = false;

        // Accompany the top voice of the composer's next bars.
        request.mode = ContinueRequest::Mode::Accompany;
        request.song = MelodyLine::topVoice(*s.next);
        // A melody note the model cannot play would refuse the job: leave it out here.
        const int low = model.config().lowPitch, high = low + model.config().numNotes - 1;
        std::erase_if(request.song.tracks[0].notes,
                      [&](const Note& n) { return n.pitch < low || n.pitch > high; });
        if (request.song.noteCount() == 0)
            continue;
        const ContinueResult acc = continueSong(model, request, cancel);
        if (!acc.ok) {
            *error = s.name + ": accompany: " + acc.error;
            return false;
        }
        const TextureProfile composer = TextureProfile::of(GridConverter::toGrid(*s.next, gridOptions).grid);
        const TextureProfile played = TextureProfile::of(acc.newGrids);
        double locked = 0;
        for (double ll : acc.lockedLogLikelihood)
            locked += ll / acc.newSteps;
        sum.accompanyLockedPerStep += locked / static_cast<double>(acc.lockedLogLikelihood.size());
        logOnsets += std::log(std::max(1e-6, played.onsetsPerStep) / std::max(1e-6, composer.onsetsPerStep));
        sum.pitchClassOverlap += TextureProfile::overlap(played.pitchClasses, composer.pitchClasses);
        sum.lengthOverlap += TextureProfile::overlap(played.noteLengths, composer.noteLengths);
        sum.ioiOverlap += TextureProfile::overlap(played.interOnsetIntervals, composer.interOnsetIntervals);
        sum.polyphonyOverlap += TextureProfile::overlap(played.polyphony, composer.polyphony);
        sum.seconds += acc.seconds;

        // Infill the first bars after the seed, leading into the bars after them.
        const int seedBars = options.seedBars;
        std::int64_t seedTicks = 0;
        request.mode = ContinueRequest::Mode::Regenerate;
        request.song = joined(s, seedBars, &seedTicks);
        const auto [from, to] = SongExcerpt::barRange(request.song, seedBars + 1, options.regionBars);
        request.seedEndTick = from;
        request.replaceEndTick = to;
        request.lookAheadBars = options.lookAheadBars;
        const ContinueResult inf = continueSong(model, request, cancel);
        if (!inf.ok) {
            *error = s.name + ": infill: " + inf.error;
            return false;
        }
        double ahead = 0;
        for (double ll : inf.lockedLogLikelihood)
            ahead += inf.lookAheadSteps > 0 ? ll / inf.lookAheadSteps : 0.0;
        sum.infillLookAheadPerStep += ahead / static_cast<double>(inf.lockedLogLikelihood.size());
        sum.seconds += inf.seconds;
        ++sum.seeds;
        if (progress)
            progress(++done, static_cast<int>(seeds.size()));
    }
    if (sum.seeds == 0) {
        *error = "no seed has the composer's next bars to measure against";
        return false;
    }
    const double n = sum.seeds;
    sum.accompanyLockedPerStep /= n;
    sum.accompanyOnsetsRatio = std::exp(logOnsets / n);
    sum.pitchClassOverlap /= n;
    sum.lengthOverlap /= n;
    sum.ioiOverlap /= n;
    sum.polyphonyOverlap /= n;
    sum.infillLookAheadPerStep /= n;
    *summary = sum;
    return true;
}

}  // namespace biaxial
