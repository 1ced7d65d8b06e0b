#include "biaxial/model/ContinueSong.h"

#include <algorithm>
#include <cmath>

#include "biaxial/engine/GridConverter.h"
#include "biaxial/engine/GridStatistics.h"
#include "biaxial/engine/TextureProfile.h"
#include "biaxial/model/Generator.h"

namespace biaxial {

namespace {

ContinueResult failure(std::string why) {
    ContinueResult r;
    r.error = std::move(why);
    return r;
}

// `count` silent steps that carry on the bar positions after `last` (the seed's last step's
// position, -1 before the first bar line).
StepGrid silence(int count, int lowPitch, int numNotes, int last, int stepsPerBar) {
    StepGrid grid(count, lowPitch, numNotes);
    for (int s = 0; s < count; ++s)
        grid.setBarPosition(s, (last + 1 + s) % stepsPerBar);
    return grid;
}

}  // namespace

ContinueResult continueSong(const Model& model, const ContinueRequest& request,
                            const std::atomic<bool>* cancel, const ContinueProgress& progress) {
    if (model.isNull())
        return failure("No model is loaded.");
    const ModelConfig& config = model.config();
    const Song& song = request.song;
    const int tpq = song.ticksPerQuarter > 0 ? song.ticksPerQuarter : 480;
    const std::int64_t seedEndTick = std::max<std::int64_t>(0, request.seedEndTick);
    const int stepsPerBar =
        std::max(1, GridConverter::stepsPerBar(GridConverter::timeSignatureAt(song, seedEndTick)));

    GridOptions gridOptions;
    gridOptions.lowPitch = config.lowPitch;
    gridOptions.numNotes = config.numNotes;
    const GridResult whole = GridConverter::toGrid(song, gridOptions);

    const int seedSteps = static_cast<int>(GridConverter::stepAtOrAfter(seedEndTick, tpq));
    StepGrid seed = whole.grid.slice(0, std::min(seedSteps, whole.grid.steps()));
    if (seed.steps() < seedSteps) {
        const int last = seed.steps() > 0 ? seed.barPosition(seed.steps() - 1) : -1;
        seed.append(silence(seedSteps - seed.steps(), config.lowPitch, config.numNotes, last, stepsPerBar));
    }

    int newSteps = request.steps > 0 ? request.steps : request.bars * stepsPerBar;
    if (request.mode == ContinueRequest::Mode::Regenerate) {
        newSteps = static_cast<int>(GridConverter::stepAtOrAfter(request.replaceEndTick, tpq)) - seedSteps;
    }
    if (newSteps <= 0)
        return failure("Nothing to generate: the range is empty.");
    if (request.variations < 1)
        return failure("Nothing to generate: no variations asked for.");

    GenerationOptions options;
    options.steps = newSteps;
    options.variations = request.variations;
    options.conservativity = request.conservativity;
    options.adaptiveConservativity = request.adaptiveConservativity;
    options.temperature = request.temperature;
    options.seed = request.randomSeed;
    options.stepsPerBar = stepsPerBar;
    options.minPitch = request.minPitch;
    options.maxPitch = request.maxPitch;
    options.bf16 = request.bf16;
    options.outOfScaleWeight = request.outOfScaleWeight;  // the generator clamps it to 0..1

    const TextureProfile texture = TextureProfile::of(seed);
    if (request.followSeedDensity && texture.soundingPerStep > 0) {
        options.densityTarget = texture.soundingPerStep;
        options.densityGain = request.densityGain;
    }
    if (request.holdLimit > 0 && texture.longestNote > 0)
        options.maxHoldSteps =
            std::max(1, static_cast<int>(std::ceil(request.holdLimit * texture.longestNote)));

    ContinueResult out;
    if (request.scale.isSeedKey()) {
        const GridStatistics stats = GridStatistics::of(seed);
        if (stats.tellsAKey()) {
            options.pitchClasses = stats.keyScale();
            if (options.outOfScaleWeight < 1.0) {
                out.seedKey = stats.keyName();
                out.seedKeyPitchClasses = options.pitchClasses;
                out.seedKeyCorrelation = stats.keyCorrelation;
            }
        } else {
            out.seedKeyUnknown = true;
        }
    } else if (!request.scale.isChromatic()) {
        options.pitchClasses = request.scale.pitchClassMask();
    }

    const GenerationResult generated =
        Generator::generate(model, seed, options, cancel, [&](const GenerationProgress& p) {
            if (progress)
                progress(p.step, p.totalSteps);
        });
    if (generated.cancelled || (cancel != nullptr && cancel->load())) {
        ContinueResult cancelled;
        cancelled.cancelled = true;
        return cancelled;
    }
    if (!generated.ok)
        return failure(generated.error);

    out.ok = true;
    out.mode = request.mode;
    out.track = request.track;
    out.seedSteps = seedSteps;
    out.newSteps = newSteps;
    out.droppedOutOfRange = whole.droppedOutOfRange;
    out.startTick = GridConverter::tickOfStep(seedSteps, tpq);
    out.endTick = GridConverter::tickOfStep(seedSteps + newSteps, tpq);
    out.seconds = generated.seconds;
    out.noteLoopSeconds = generated.noteLoopSeconds;
    SongOptions noteOptions;
    noteOptions.ticksPerQuarter = tpq;
    noteOptions.velocity = std::clamp(request.velocity, 1, 127);
    noteOptions.channel = std::clamp(request.channel, 0, 15);
    std::vector<std::size_t> order(generated.variations.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        order[k] = k;
    if (request.rankVariations)  // stable: ties keep the random seeds' order
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return generated.logLikelihood[a] > generated.logLikelihood[b];
        });
    for (std::size_t k : order) {
        out.variations.push_back(GridConverter::toNotes(generated.variations[k], seedSteps, noteOptions));
        out.likelihoodPerStep.push_back(generated.logLikelihood[k] / newSteps);
        out.newGrids.push_back(generated.variations[k]);
    }
    out.seedGrid = std::move(seed);
    return out;
}

}  // namespace biaxial
