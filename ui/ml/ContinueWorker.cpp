#include "ContinueWorker.h"

#include <algorithm>

#include "biaxial/engine/GridConverter.h"
#include "biaxial/engine/GridStatistics.h"
#include "biaxial/model/Generator.h"

namespace biaxial {

namespace {

// The step that starts at or after a tick (a seed that ends mid-step keeps that step).
int stepCeil(std::int64_t tick, int ticksPerQuarter) {
    if (tick <= 0) {
        return 0;
    }
    return static_cast<int>(GridConverter::stepOfTick(tick - 1, ticksPerQuarter) + 1);
}

int stepsPerBarOf(const Song& song) {
    const TimeSignature sig = song.timeSignatures.empty() ? TimeSignature{} : song.timeSignatures.front();
    return std::max(1, GridConverter::stepsPerBar(sig));
}

// Empty steps with bar positions in a single meter: pads a seed that ends after the last
// note and stands in for the seed when turning new steps into notes.
StepGrid emptySteps(int from, int count, int lowPitch, int numNotes, int stepsPerBar) {
    StepGrid grid(count, lowPitch, numNotes);
    for (int s = 0; s < count; ++s) {
        grid.setBarPosition(s, (from + s) % stepsPerBar);
    }
    return grid;
}

}  // namespace

ContinueWorker::ContinueWorker(const std::atomic<bool>* cancel, QObject* parent)
    : QObject(parent), cancel_(cancel) {}

bool ContinueWorker::run(const Model& model, const ContinueRequest& request, ContinueResult* result,
                         QString* error, bool* cancelled, const std::atomic<bool>* cancel,
                         const Progress& progress) {
    *cancelled = false;
    if (model.isNull()) {
        *error = QObject::tr("No model is loaded.");
        return false;
    }
    const ModelConfig& config = model.config();
    const Song& song = request.song;
    const int tpq = song.ticksPerQuarter > 0 ? song.ticksPerQuarter : 480;
    const int stepsPerBar = stepsPerBarOf(song);

    GridOptions gridOptions;
    gridOptions.lowPitch = config.lowPitch;
    gridOptions.numNotes = config.numNotes;
    const StepGrid whole = GridConverter::toGrid(song, gridOptions).grid;

    const int seedSteps = stepCeil(request.seedEndTick, tpq);
    StepGrid seed = whole.steps() >= seedSteps
                        ? whole.slice(0, seedSteps)
                        : whole.steps() > 0 ? whole : StepGrid(0, config.lowPitch, config.numNotes);
    if (seed.steps() < seedSteps) {
        seed.append(emptySteps(seed.steps(), seedSteps - seed.steps(), config.lowPitch, config.numNotes,
                               stepsPerBar));
    }

    int newSteps = request.bars * stepsPerBar;
    if (request.mode == ContinueRequest::Mode::Regenerate) {
        newSteps = stepCeil(request.replaceEndTick, tpq) - seedSteps;
    }
    if (newSteps <= 0) {
        *error = QObject::tr("Nothing to generate: the range is empty.");
        return false;
    }

    GenerationOptions options;
    options.steps = newSteps;
    options.variations = std::max(1, request.variations);
    options.conservativity = request.conservativity;
    options.adaptiveConservativity = request.adaptiveConservativity;
    options.temperature = request.temperature;
    options.seed = request.randomSeed;
    options.stepsPerBar = stepsPerBar;
    std::string seedKey;
    std::array<bool, 12> seedKeyPitchClasses{};
    if (request.scale.isSeedKey()) {
        const GridStatistics stats = GridStatistics::of(seed);
        if (stats.tellsAKey()) {
            seedKey = stats.keyName();
            seedKeyPitchClasses = stats.keyScale();
            options.pitchClasses = seedKeyPitchClasses;
        }
    } else if (!request.scale.isChromatic()) {
        options.pitchClasses = request.scale.pitchClassMask();
    }
    options.outOfScaleWeight = request.outOfScaleWeight;  // the generator clamps it to 0..1

    const GenerationResult generated = Generator::generate(
        model, seed, options, cancel, [&](const GenerationProgress& p) {
            if (progress) {
                progress(p.step, p.totalSteps);
            }
        });
    if (generated.cancelled || (cancel != nullptr && cancel->load())) {
        *cancelled = true;
        return false;
    }
    if (!generated.ok) {
        *error = QString::fromStdString(generated.error);
        return false;
    }

    ContinueResult out;
    out.mode = request.mode;
    out.track = request.track;
    out.startTick = GridConverter::tickOfStep(seedSteps, tpq);
    out.endTick = GridConverter::tickOfStep(seedSteps + newSteps, tpq);
    out.seconds = generated.seconds;
    out.noteLoopSeconds = generated.noteLoopSeconds;
    if (options.outOfScaleWeight < 1.0) {
        out.seedKey = seedKey;
        out.seedKeyPitchClasses = seedKeyPitchClasses;
    }
    SongOptions songOptions;
    songOptions.ticksPerQuarter = tpq;
    songOptions.velocity = std::clamp(request.velocity, 1, 127);
    songOptions.channel = std::clamp(request.channel, 0, 15);
    for (const StepGrid& variation : generated.variations) {
        // Converting behind an empty copy of the seed puts every note at its exact tick in the
        // song, whatever the resolution (tick maths of GridConverter stays the only one).
        StepGrid placed = emptySteps(0, seedSteps, variation.lowPitch(), variation.numNotes(), stepsPerBar);
        placed.append(variation);
        const Song notesSong = GridConverter::toSong(placed, songOptions);
        std::vector<Note> notes;
        for (const Track& track : notesSong.tracks) {
            for (const Note& n : track.notes) {
                if (n.start >= out.startTick) {
                    Note note = n;
                    note.channel = songOptions.channel;
                    note.velocity = songOptions.velocity;
                    notes.push_back(note);
                }
            }
        }
        std::sort(notes.begin(), notes.end(), noteLess);
        out.variations.push_back(std::move(notes));
    }
    *result = std::move(out);
    return true;
}

void ContinueWorker::loadModel(const QString& path) {
    std::string error;
    std::optional<Model> loaded = Model::load(path.toStdString(), &error);
    if (!loaded) {
        emit modelLoadFailed(path, QString::fromStdString(error));
        return;
    }
    // Generation is a batch-of-K job: the GPU helps when there is one, else the CPU.
    std::string deviceError;
    if (!loaded->setDevice("auto", &deviceError)) {
        loaded->setDevice("cpu");
    }
    model_ = std::move(*loaded);
    emit modelLoaded(path, model_.info());
}

void ContinueWorker::generate(const biaxial::ContinueRequest& request) {
    ContinueResult result;
    QString error;
    bool wasCancelled = false;
    int lastReported = -1;
    const bool ok = run(model_, request, &result, &error, &wasCancelled, cancel_, [&](int done, int total) {
        // Throttled to whole percents: a queued signal per step would flood the GUI's queue.
        const int percent = total > 0 ? done * 100 / total : 0;
        if (percent != lastReported) {
            lastReported = percent;
            emit progress(done, total);
        }
    });
    if (wasCancelled) {
        emit cancelled();
    } else if (!ok) {
        emit failed(error);
    } else {
        emit finished(result);
    }
}

}  // namespace biaxial
