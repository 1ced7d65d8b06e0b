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
                            const std::atomic<bool>* cancel, const ContinueProgress& progress,
                            const ContinueStream& stream) {
    if (model.isNull())
        return failure("No model is loaded.");
    const ModelConfig& config = model.config();
    const Song& song = request.song;
    const int tpq = song.ticksPerQuarter > 0 ? song.ticksPerQuarter : 480;
    const bool accompany = request.mode == ContinueRequest::Mode::Accompany;
    const bool regenerate = request.mode == ContinueRequest::Mode::Regenerate;
    // Accompany starts from silence and keeps every note of the song (the melody).
    const std::int64_t seedEndTick = accompany ? 0 : std::max<std::int64_t>(0, request.seedEndTick);
    if (accompany && song.noteCount() == 0)
        return failure("The melody has no notes: there is nothing to accompany.");
    if (regenerate && seedEndTick >= song.endTick())
        return failure(
            "The region starts after the song's last note: there is nothing to regenerate "
            "(use Continue to add bars at the end).");
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
    if (regenerate)
        newSteps = static_cast<int>(GridConverter::stepAtOrAfter(request.replaceEndTick, tpq)) - seedSteps;
    if (accompany)
        newSteps = static_cast<int>(GridConverter::stepAtOrAfter(song.endTick(), tpq));
    if (newSteps <= 0)
        return failure("Nothing to generate: the range is empty.");
    if (request.variations < 1)
        return failure("Nothing to generate: no variations asked for.");

    // What generation must keep: the locked notes in the range (every note when accompanying)
    // and Regenerate's look-ahead bars, as locked cells of the generated steps.
    Song lockedSong = song;
    std::int64_t lockedOutOfRange = 0;
    const std::int64_t rangeStart = GridConverter::tickOfStep(seedSteps, tpq);
    const std::int64_t rangeEnd = GridConverter::tickOfStep(seedSteps + newSteps, tpq);
    for (auto& track : lockedSong.tracks) {
        std::erase_if(track.notes, [&](const Note& n) {
            return !(accompany || n.locked) || n.end() <= rangeStart || n.start >= rangeEnd;
        });
        for (const auto& n : track.notes)
            if (n.pitch < config.lowPitch || n.pitch >= config.lowPitch + config.numNotes)
                ++lockedOutOfRange;
        track.controls.clear();
    }
    if (lockedOutOfRange > 0)
        return failure(
            std::to_string(lockedOutOfRange) + (accompany ? " melody note(s) lie" : " locked note(s) lie") +
            " outside the model's range (MIDI " + std::to_string(config.lowPitch) + ".." +
            std::to_string(config.lowPitch + config.numNotes - 1) + "): the model cannot keep them. " +
            (accompany ? "Transpose the melody into the range." : "Unlock or move them."));
    const StepGrid lockedGrid = GridConverter::toGrid(lockedSong, gridOptions).grid;
    const int lookAhead = regenerate ? std::clamp(whole.grid.steps() - (seedSteps + newSteps), 0,
                                                  std::max(0, request.lookAheadBars) * stepsPerBar)
                                     : 0;
    const int totalSteps = newSteps + lookAhead;
    StepGrid locked(totalSteps, config.lowPitch, config.numNotes);
    std::vector<std::uint8_t> lockMask(static_cast<std::size_t>(totalSteps) * config.numNotes, 0);
    const int N = config.numNotes;
    for (int s = 0; s < totalSteps; ++s) {
        const int t = seedSteps + s;
        std::uint8_t* mask = &lockMask[static_cast<std::size_t>(s) * N];
        if (s >= newSteps) {  // look-ahead: the song as it is, notes and silence
            for (int n = 0; n < N; ++n) {
                mask[n] = 1;
                locked.set(s, n, whole.grid.play(t, n), whole.grid.articulate(t, n));
            }
            continue;
        }
        if (t >= lockedGrid.steps())
            continue;
        for (int n = 0; n < N; ++n)
            if (lockedGrid.play(t, n)) {
                mask[n] = 1;
                locked.set(s, n, true, lockedGrid.articulate(t, n));
            }
    }
    if (accompany) {
        // The voices go under the melody: nothing sounds above its current note (above its
        // first note before it starts, above its last one in its rests).
        int current = -1;
        for (int s = 0; s < newSteps && current < 0; ++s)
            for (int n = N - 1; n >= 0 && current < 0; --n)
                if (lockedGrid.steps() > seedSteps + s && lockedGrid.play(seedSteps + s, n))
                    current = n;
        for (int s = 0; s < newSteps; ++s) {
            const int t = seedSteps + s;
            for (int n = N - 1; n >= 0; --n)
                if (t < lockedGrid.steps() && lockedGrid.play(t, n)) {
                    current = n;
                    break;
                }
            for (int n = current + 1; n < N; ++n)
                lockMask[static_cast<std::size_t>(s) * N + n] = 1;  // locked silent
        }
    }

    GenerationOptions options;
    options.steps = totalSteps;
    options.locked = std::move(locked);
    options.lockMask = std::move(lockMask);
    options.particles = std::max(1, request.particles);
    options.variations = request.variations;
    options.conservativity = request.conservativity;
    options.adaptiveConservativity = request.adaptiveConservativity;
    options.temperature = request.temperature;
    options.playFloor = request.playFloor;
    options.seed = request.randomSeed;
    options.stepsPerBar = stepsPerBar;
    options.minPitch = request.minPitch;
    options.maxPitch = request.maxPitch;
    options.bf16 = request.bf16;
    options.outOfScaleWeight = request.outOfScaleWeight;  // the generator clamps it to 0..1

    // Accompany has no seed: the melody tells the key and the note lengths, but not the
    // density (the accompaniment is meant to be fuller than one voice).
    const StepGrid melody = accompany ? lockedGrid : StepGrid{};
    const TextureProfile texture = TextureProfile::of(accompany ? melody : seed);
    if (request.followSeedDensity && texture.soundingPerStep > 0 && !accompany) {
        options.densityTarget = texture.soundingPerStep;
        options.densityGain = request.densityGain;
    }
    if (request.followSeedRhythm && !accompany && request.rhythmGain > 0 && seed.steps() >= stepsPerBar &&
        stepsPerBar > 0 && static_cast<int>(texture.onsetRateByPosition.size()) <= stepsPerBar) {
        options.onsetTarget = texture.onsetRateByPosition;
        options.onsetTarget.resize(static_cast<std::size_t>(stepsPerBar), -1.0);
        options.rhythmGain = request.rhythmGain;
    }
    if (request.holdLimit > 0 && texture.longestNote > 0)
        options.maxHoldSteps =
            std::max(1, static_cast<int>(std::ceil(request.holdLimit * texture.longestNote)));

    ContinueResult out;
    if (request.scale.isSeedKey()) {
        const GridStatistics stats = GridStatistics::of(accompany ? melody : seed);
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

    SongOptions noteOptions;
    noteOptions.ticksPerQuarter = tpq;
    noteOptions.velocity = std::clamp(request.velocity, 1, 127);
    noteOptions.channel = std::clamp(request.channel, 0, 15);
    // The first variation as it is sampled, every beat (4 steps) and at the end.
    const bool anyLocked =
        std::any_of(options.lockMask.begin(), options.lockMask.end(), [](std::uint8_t m) { return m != 0; });
    const bool streaming = static_cast<bool>(stream) && !anyLocked && !request.rankVariations;
    StepGrid streamed(streaming ? newSteps : 0, config.lowPitch, N);
    const GenerationResult generated =
        Generator::generate(model, seed, options, cancel, [&](const GenerationProgress& p) {
            if (progress)
                progress(p.step, p.totalSteps);
            if (!streaming || p.stepCells == nullptr || p.step > newSteps)
                return;
            std::copy_n(p.stepCells, static_cast<std::size_t>(N) * 2,
                        streamed.cells().begin() + static_cast<std::ptrdiff_t>(p.step - 1) * N * 2);
            if (p.step % 4 == 0 || p.step == newSteps)
                stream(GridConverter::toNotes(streamed.slice(0, p.step), seedSteps, noteOptions));
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
    out.lookAheadSteps = lookAhead;
    for (std::uint8_t m : options.lockMask)
        out.lockedCells += m != 0;
    out.noteLoopSeconds = generated.noteLoopSeconds;
    std::vector<std::size_t> order(generated.variations.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        order[k] = k;
    if (request.rankVariations)  // stable: ties keep the random seeds' order
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return generated.logLikelihood[a] > generated.logLikelihood[b];
        });
    for (std::size_t k : order) {
        // The range without the look-ahead; the notes are the new ones only (locked ones stay
        // in the song as they are).
        StepGrid range = generated.variations[k].slice(0, newSteps);
        StepGrid fresh = range;
        for (int s = 0; s < newSteps; ++s)
            for (int n = 0; n < N; ++n)
                if (options.lockMask[static_cast<std::size_t>(s) * N + n] && options.locked.play(s, n))
                    fresh.set(s, n, false, false);
        out.variations.push_back(GridConverter::toNotes(fresh, seedSteps, noteOptions));
        out.likelihoodPerStep.push_back(generated.logLikelihood[k] / totalSteps);
        out.lockedLogLikelihood.push_back(generated.lockedLogLikelihood[k]);
        out.newGrids.push_back(std::move(range));
    }
    out.seedGrid = std::move(seed);
    return out;
}

}  // namespace biaxial
