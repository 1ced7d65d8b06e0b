#include "biaxial/model/JamReplay.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "biaxial/engine/GridConverter.h"
#include "biaxial/engine/GridStatistics.h"
#include "biaxial/engine/TextureProfile.h"

namespace biaxial {

namespace {}  // namespace

JamReplayResult JamReplay::run(const Model& model, const Song& playerIn, const JamReplayOptions& o,
                               const std::atomic<bool>* cancel) {
    JamReplayResult r;
    if (model.isNull()) {
        r.error = "no model loaded";
        return r;
    }
    Song player = playerIn;
    player.normalise();
    const int spb = GridConverter::stepsPerBar(player.timeSignatures.front());
    std::string why;
    auto engine = JamEngine::create(model, spb, o.randomSeed, o.bf16, &why);
    if (!engine) {
        r.error = why;
        return r;
    }
    GridOptions go;
    go.lowPitch = engine->lowPitch();
    go.numNotes = engine->numNotes();
    const StepGrid grid = GridConverter::toGrid(player, go).grid;
    if (grid.steps() == 0 || player.noteCount() == 0) {
        r.error = "the player's part has no notes";
        return r;
    }
    JamPolicy::Options po = o.policy;
    po.stepsPerBar = spb;
    if (po.restBars < 1 || po.answerBars < 1) {
        r.error = "the rest and the answer must be at least a bar each";
        return r;
    }
    JamPolicy policy(po);
    const bool along = po.mode == JamPolicy::Mode::Along;
    const int N = engine->numNotes();
    // Room after the last note for its answer.
    const int steps = grid.steps() + (along ? 0 : (po.restBars + 2 + po.answerBars) * spb);
    StepGrid network(steps, engine->lowPitch(), N);
    JamClock& clock = o.clock ? *o.clock : JamClock::steady();
    const double start = clock.now() + o.marginSeconds;
    const auto stepTime = [&](int t) {
        return start + player.secondsAt(GridConverter::tickOfStep(t, player.ticksPerQuarter));
    };
    std::vector<double> stepMs;
    std::vector<std::uint8_t> pending;  // the last step's sound, heard by the network with the next step
    int pendingBar = 0;
    int phraseFrom = 0;  // where the player's current phrase began (answer: since the last answer)
    std::vector<std::uint8_t> silent(static_cast<std::size_t>(N) * 2, 0);
    engine->setStyle(o.style);
    for (int t = 0; t < steps; ++t) {
        if (cancel && cancel->load()) {
            r.cancelled = true;  // the song as far as it was played (below)
            break;
        }
        const int bar = t < grid.steps() ? grid.barPosition(t) : t % spb;
        std::vector<std::uint8_t> cells = silent;
        bool sounds = false;
        if (t < grid.steps()) {
            const auto* row = grid.cells().data() + static_cast<std::size_t>(t) * N * 2;
            cells.assign(row, row + static_cast<std::ptrdiff_t>(N) * 2);
            for (int n = 0; n < N; ++n)
                sounds = sounds || cells[static_cast<std::size_t>(2 * n)] != 0;
        }
        if (o.realTime)
            clock.sleepUntil(stepTime(t) - o.marginSeconds);
        const double t0 = clock.now();
        if (!pending.empty()) {
            engine->commit(pending, pendingBar);
            pending.clear();
        }
        const auto action = policy.step(bar, sounds);
        if (policy.answerStarts() ||
            (along && action == JamPolicy::Action::Play && (bar == 0 || r.networkSteps == 0))) {
            // Along starts with the player's first note: the key that was struck is known then.
            const int to = std::min(along ? t + 1 : t, grid.steps());
            const int from = std::min(to, along ? std::max(0, t - 4 * spb) : phraseFrom);
            engine->setStyle(
                JamStyle::followPlayer(o.style, grid.slice(from, to), o.holdLimit, along, 1000, &r.key));
            if (policy.answerStarts())
                ++r.answers;
        }
        if (action == JamPolicy::Action::Play) {
            std::vector<std::uint8_t> mine = engine->sample();
            const double t1 = clock.now();
            stepMs.push_back((t1 - t0) * 1000.0);
            if (o.realTime && t1 > stepTime(t)) {
                ++r.lateSteps;  // too late to sound: dropped, the player's notes go on regardless
                mine = silent;
            }
            ++r.networkSteps;
            for (int n = 0; n < N; ++n) {
                const auto p = static_cast<std::size_t>(2 * n);
                if (mine[p] && !cells[p]) {  // the player's own note wins the key
                    network.set(t, n, true, mine[p + 1] != 0);
                    cells[p] = 1;
                    cells[p + 1] = mine[p + 1];
                }
            }
            if (!policy.answering() && !along)
                phraseFrom = t + 1;
        }
        if (action != JamPolicy::Action::Wait) {
            pending = std::move(cells);
            pendingBar = bar;
        }
    }
    std::sort(stepMs.begin(), stepMs.end());
    if (!stepMs.empty()) {
        r.stepMsP50 = stepMs[stepMs.size() / 2];
        r.stepMsP99 = stepMs[std::min(stepMs.size() - 1, stepMs.size() * 99 / 100)];
        r.stepMsWorst = stepMs.back();
    }
    SongOptions so;
    so.ticksPerQuarter = player.ticksPerQuarter;
    so.channel = o.channel;
    so.velocity = 80;
    Track part;
    part.name = along ? "Biaxial (along)" : "Biaxial (answers)";
    part.program = o.program;
    part.notes = GridConverter::toNotes(network, 0, so);
    r.networkNotes = static_cast<int>(part.notes.size());
    r.song = player;
    r.song.tracks.push_back(std::move(part));
    r.song.normalise();
    r.steps = steps;
    r.ok = !r.cancelled;
    return r;
}

}  // namespace biaxial
