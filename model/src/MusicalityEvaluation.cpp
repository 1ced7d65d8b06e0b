#include "biaxial/model/MusicalityEvaluation.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "PieceMatcher.h"
#include "biaxial/engine/CorpusScanner.h"
#include "biaxial/engine/GridConverter.h"
#include "biaxial/engine/GridStatistics.h"
#include "biaxial/engine/MidiFileReader.h"
#include "biaxial/engine/SongExcerpt.h"
#include "biaxial/model/ContinueSong.h"
#include "biaxial/model/Evaluator.h"
#include "biaxial/model/Trainer.h"

namespace biaxial {

namespace {

GridOptions gridIn(const ModelConfig& config) {
    GridOptions o;
    o.lowPitch = config.lowPitch;
    o.numNotes = config.numNotes;
    return o;
}

// The full NLL (play and articulate) summed over a piece's frames, each from the frames before.
double totalNll(const Model& model, const StepGrid& grid) {
    const EvaluationResult r = Evaluator::evaluate(model, {grid});
    if (!r.ok)
        return std::nan("");
    return r.nllPerNoteStep * static_cast<double>(r.frames) * grid.numNotes();
}

double ratio(double a, double b) {
    return b > 0 ? a / b : (a > 0 ? 1e9 : 1.0);
}

}  // namespace

MusicalityReport MusicalityEvaluation::run(const Model& model, const std::vector<EvaluationSeed>& seeds,
                                           const MusicalityOptions& options, const std::atomic<bool>* cancel,
                                           const std::function<void(int, int)>& progress) {
    MusicalityReport report;
    if (model.isNull()) {
        report.error = "No model is loaded.";
        return report;
    }
    const ModelConfig& config = model.config();
    int done = 0;
    for (const EvaluationSeed& s : seeds) {
        SeedEvaluation e;
        e.name = s.name;
        ContinueRequest request = options.sampling;
        request.mode = ContinueRequest::Mode::Continue;
        request.song = s.seed;
        request.song.normalise();
        request.seedEndTick = request.song.endTick();
        request.bars = options.bars;
        request.steps = 0;
        request.variations = std::max(1, options.variations);
        request.track = static_cast<int>(request.song.tracks.size());
        if (options.keepBest > 0)
            request.rankVariations = true;
        const ContinueResult result = continueSong(model, request, cancel);
        if (result.cancelled) {
            report.cancelled = true;
            return report;
        }
        if (!result.ok) {
            report.error = s.name + ": " + result.error;
            return report;
        }
        // The seed and the new bars as the model heard and played them; the variations pooled.
        const StepGrid& seedPadded = result.seedGrid;
        std::vector<StepGrid> pooled;
        std::size_t kept = result.variations.size();
        if (options.keepBest > 0)
            kept = std::min<std::size_t>(kept, static_cast<std::size_t>(options.keepBest));
        for (std::size_t v = 0; v < kept; ++v) {
            pooled.push_back(result.newGrids[v]);
            Song withNew = request.song;  // for listening: the seed and its new bars
            Track track;
            track.name = "continuation";
            track.notes = result.variations[v];
            withNew.tracks.push_back(std::move(track));
            withNew.normalise();
            e.continuations.push_back(std::move(withNew));
        }
        e.generated = TextureProfile::of(pooled);
        e.seed = TextureProfile::of(seedPadded);
        const GridStatistics stats = GridStatistics::of(seedPadded);
        if (stats.tellsAKey()) {
            e.seedKey = stats.keyName();
            e.seedScale = stats.keyScale();
            e.generatedInSeedKey = e.generated.shareInScale(e.seedScale);
        }
        if (s.next) {
            Song next = *s.next;
            next.normalise();
            const StepGrid nextGrid = GridConverter::toGrid(next, gridIn(config)).grid;
            e.next = TextureProfile::of(nextGrid);
            if (!e.seedKey.empty())
                e.nextInSeedKey = e.next->shareInScale(e.seedScale);
            // The chain rule: NLL(seed + next) - NLL(seed) is the NLL of the next bars given the seed.
            StepGrid both = seedPadded;
            both.append(nextGrid);
            const double withNext = totalNll(model, both);
            const double seedOnly = totalNll(model, seedPadded);
            if (nextGrid.steps() > 0 && std::isfinite(withNext) && std::isfinite(seedOnly))
                e.nextNll = (withNext - seedOnly) / (static_cast<double>(nextGrid.steps()) * config.numNotes);
        }
        report.seeds.push_back(std::move(e));
        if (progress)
            progress(++done, static_cast<int>(seeds.size()));
        if (cancel && cancel->load()) {
            report.cancelled = true;
            return report;
        }
    }
    report.ok = true;
    return report;
}

MusicalitySummary MusicalityReport::summary() const {
    std::vector<const SeedEvaluation*> all;
    for (const auto& s : seeds)
        all.push_back(&s);
    return summarise(all);
}

MusicalitySummary MusicalityReport::summarise(const std::vector<const SeedEvaluation*>& seeds) {
    MusicalitySummary m;
    double logOnsets = 0, logSounding = 0, logLongest = 0, logVoices = 0;
    int keyed = 0, nextKeyed = 0, withNll = 0;
    for (const SeedEvaluation* s : seeds) {
        ++m.seeds;
        logOnsets += std::log(std::max(1e-6, ratio(s->generated.onsetsPerStep, s->seed.onsetsPerStep)));
        logSounding += std::log(std::max(1e-6, ratio(s->generated.soundingPerStep, s->seed.soundingPerStep)));
        logLongest += std::log(std::max(1e-6, ratio(s->generated.longestNote, s->seed.longestNote)));
        logVoices += std::log(std::max(1e-6, ratio(s->generated.voices, s->seed.voices)));
        m.eighthShareGap += std::abs(s->generated.eighthOnsetShare - s->seed.eighthOnsetShare);
        m.positionOverlap += TextureProfile::overlap(s->generated.onsetPositions, s->seed.onsetPositions);
        m.registerGap += std::abs(s->generated.meanPitch - s->seed.meanPitch);
        if (s->generatedInSeedKey >= 0) {
            m.inSeedKey += s->generatedInSeedKey;
            ++keyed;
        }
        if (s->next) {
            ++m.withNext;
            m.pitchClassOverlap += TextureProfile::overlap(s->generated.pitchClasses, s->next->pitchClasses);
            m.intervalOverlap += TextureProfile::overlap(s->generated.intervals, s->next->intervals);
            m.lengthOverlap += TextureProfile::overlap(s->generated.noteLengths, s->next->noteLengths);
            m.ioiOverlap +=
                TextureProfile::overlap(s->generated.interOnsetIntervals, s->next->interOnsetIntervals);
            m.polyphonyOverlap += TextureProfile::overlap(s->generated.polyphony, s->next->polyphony);
            if (s->nextInSeedKey >= 0) {
                m.nextInSeedKey += s->nextInSeedKey;
                ++nextKeyed;
            }
            if (s->nextNll >= 0) {
                m.nextNll += s->nextNll;
                ++withNll;
            }
        }
    }
    if (m.seeds > 0) {
        const double n = m.seeds;
        m.onsetsRatio = std::exp(logOnsets / n);
        m.soundingRatio = std::exp(logSounding / n);
        m.longestRatio = std::exp(logLongest / n);
        m.voicesRatio = std::exp(logVoices / n);
        m.eighthShareGap /= n;
        m.positionOverlap /= n;
        m.registerGap /= n;
    }
    if (keyed > 0)
        m.inSeedKey /= keyed;
    if (m.withNext > 0) {
        const double n = m.withNext;
        m.pitchClassOverlap /= n;
        m.intervalOverlap /= n;
        m.lengthOverlap /= n;
        m.ioiOverlap /= n;
        m.polyphonyOverlap /= n;
    }
    if (nextKeyed > 0)
        m.nextInSeedKey /= nextKeyed;
    if (withNll > 0)
        m.nextNll /= withNll;
    return m;
}

std::vector<EvaluationSeed> MusicalityEvaluation::heldOutSeeds(const Model& model,
                                                               const std::string& corpusFolder, int seedFrom,
                                                               int seedBars, int nextBars,
                                                               std::string* error) {
    std::vector<EvaluationSeed> seeds;
    const std::vector<std::string> wanted = Trainer::heldOutPieces(model.metadata());
    if (wanted.empty()) {
        if (error)
            *error = "the model names no held-out pieces (validation_pieces in its card)";
        return seeds;
    }
    std::string why;
    const auto files = CorpusScanner::listMidiFiles(corpusFolder, &why);
    if (!files) {
        if (error)
            *error = corpusFolder + ": " + why;
        return seeds;
    }
    const auto found = PieceMatcher::match(wanted, *files);
    if (!found.ok) {
        if (error)
            *error = "the held-out pieces are not all in " + corpusFolder + ": " + found.error;
        return seeds;
    }
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        const std::string& path = (*files)[found.index[i]];
        auto read = MidiFileReader::readFile(path);
        if (!read)
            continue;
        EvaluationSeed s;
        s.name = std::filesystem::path(path).stem().string();
        s.seed = SongExcerpt::bars(read.value(), seedFrom, seedBars);
        s.next = SongExcerpt::bars(read.value(), seedFrom + seedBars, nextBars);
        if (s.seed.noteCount() == 0 || s.next->noteCount() == 0)
            continue;
        seeds.push_back(std::move(s));
    }
    if (seeds.empty() && error)
        *error = "no held-out piece has notes in the bars asked for";
    return seeds;
}

}  // namespace biaxial
