#include "biaxial/model/JamSession.h"

#include <algorithm>
#include <cmath>

#include "biaxial/engine/GridConverter.h"
#include "biaxial/engine/GridStatistics.h"
#include "biaxial/engine/Metronome.h"
#include "biaxial/engine/StepGrid.h"
#include "biaxial/engine/TextureProfile.h"

namespace biaxial {

JamSession::JamSession(const Model& model, IClock& clock, ISynth& synth, const JamSessionOptions& options)
    : model_(model), clock_(clock), synth_(synth), options_(options), keyDown_(128, false) {
    options_.timing.normalise();
}

JamSession::~JamSession() {
    if (running())
        stop();
}

double JamSession::stepSeconds(int step) const {
    if (step < 0)  // the count-in, at the start's tempo
        return start_ + step * stepSeconds0_;
    const Song& s = options_.timing;
    return start_ + s.secondsAt(GridConverter::tickOfStep(firstStep_ + step, s.ticksPerQuarter)) -
           s.secondsAt(GridConverter::tickOfStep(firstStep_, s.ticksPerQuarter));
}

std::int64_t JamSession::tickNow() const {
    const Song& s = options_.timing;
    const std::int64_t first = GridConverter::tickOfStep(firstStep_, s.ticksPerQuarter);
    const double elapsed = clock_.now() - start_;
    if (elapsed <= 0)
        return first;
    return s.tickAt(s.secondsAt(first) + elapsed);
}

void JamSession::click(int step) {
    if (!options_.metronome)
        return;
    const TimeSignature sig = GridConverter::timeSignatureAt(options_.timing, options_.startTick);
    const int perBeat = std::max(1, stepsPerBar_ / std::max(1, sig.numerator));
    const int position =
        step < 0 ? step + countInSteps_ : static_cast<int>((firstStep_ + step) % stepsPerBar_);
    // The last click ends as the next step begins.
    if (clickPitch_ >= 0)
        synth_.noteOff(Metronome::kChannel, clickPitch_);
    clickPitch_ = -1;
    if (position % perBeat != 0)
        return;
    const bool bar = position % stepsPerBar_ == 0;
    clickPitch_ = bar ? Metronome::kBarPitch : Metronome::kBeatPitch;
    synth_.noteOn(Metronome::kChannel, clickPitch_, bar ? Metronome::kBarVelocity : Metronome::kBeatVelocity);
}

std::int64_t JamSession::stepTick(int step) const {
    return GridConverter::tickOfStep(firstStep_ + step, options_.timing.ticksPerQuarter);
}

bool JamSession::start(double startSeconds, std::string* error) {
    if (running()) {
        if (error)
            *error = "a jam is already running";
        return false;
    }
    const Song& s = options_.timing;
    stepsPerBar_ = GridConverter::stepsPerBar(s.timeSignatures.front());
    firstStep_ = GridConverter::stepAtOrAfter(options_.startTick, s.ticksPerQuarter);
    std::string why;
    engine_ = JamEngine::create(model_, stepsPerBar_, options_.randomSeed, options_.bf16, &why);
    if (!engine_) {
        if (error)
            *error = why;
        return false;
    }
    engine_->setStyle(options_.style);
    const Song& timing = options_.timing;
    stepSeconds0_ = timing.secondsAt(GridConverter::tickOfStep(firstStep_ + 1, timing.ticksPerQuarter)) -
                    timing.secondsAt(GridConverter::tickOfStep(firstStep_, timing.ticksPerQuarter));
    countInSteps_ = options_.metronome ? std::max(0, options_.countInBars) * stepsPerBar_ : 0;
    start_ = startSeconds + countInSteps_ * stepSeconds0_;
    stop_ = false;
    late_ = 0;
    clickPitch_ = -1;
    take_ = JamTake{};
    soundingSince_.assign(static_cast<std::size_t>(engine_->numNotes()), -1);
    std::fill(keyDown_.begin(), keyDown_.end(), false);
    {
        std::lock_guard lock(eventsMutex_);
        events_.clear();
    }
    recorder_.start(s, GridConverter::tickOfStep(firstStep_, s.ticksPerQuarter), start_);
    synth_.programChange(options_.channel, options_.program);
    worker_ = std::thread([this] { run(); });
    return true;
}

void JamSession::handle(const MidiMessage& message, double seconds) {
    recorder_.handle(message, seconds);
    if (!message.isNoteOn() && !message.isNoteOff())
        return;
    std::lock_guard lock(eventsMutex_);
    events_.push_back({seconds, message.data1(), message.isNoteOn()});
}

std::vector<std::uint8_t> JamSession::playerStep(double until, bool* soundsNow) {
    const int N = engine_->numNotes(), low = engine_->lowPitch();
    std::vector<KeyEvent> arrived;
    {
        std::lock_guard lock(eventsMutex_);
        const auto split = std::stable_partition(events_.begin(), events_.end(),
                                                 [&](const KeyEvent& e) { return e.seconds < until; });
        arrived.assign(events_.begin(), split);
        events_.erase(events_.begin(), split);
    }
    std::vector<std::uint8_t> cells(static_cast<std::size_t>(N) * 2, 0);
    for (int n = 0; n < N; ++n)
        cells[static_cast<std::size_t>(2 * n)] = keyDown_[static_cast<std::size_t>(low + n)];
    for (const KeyEvent& e : arrived) {
        if (e.pitch < 0 || e.pitch > 127)
            continue;
        keyDown_[static_cast<std::size_t>(e.pitch)] = e.down;
        const int n = e.pitch - low;
        if (e.down && n >= 0 && n < N) {
            cells[static_cast<std::size_t>(2 * n)] = 1;
            cells[static_cast<std::size_t>(2 * n + 1)] = 1;
        }
    }
    *soundsNow = std::any_of(keyDown_.begin(), keyDown_.end(), [](bool d) { return d; });
    return cells;
}

void JamSession::run() {
    const int N = engine_->numNotes(), low = engine_->lowPitch();
    JamPolicy::Options po = options_.policy;
    po.stepsPerBar = stepsPerBar_;
    JamPolicy policy(po);
    const bool along = po.mode == JamPolicy::Mode::Along;
    const std::vector<std::uint8_t> silent(static_cast<std::size_t>(N) * 2, 0);
    std::vector<std::uint8_t> history;           // the player's steps so far, [step][N][2]
    std::vector<std::uint8_t> network = silent;  // what the network sounded at the last step
    JamPolicy::Action pending = JamPolicy::Action::Wait;
    int pendingBar = 0;
    int phraseFrom = 0;
    std::vector<double> stepMs;
    const auto heard = [&](int from, int to) {
        StepGrid g(to - from, low, N);
        std::copy(history.begin() + static_cast<std::ptrdiff_t>(from) * N * 2,
                  history.begin() + static_cast<std::ptrdiff_t>(to) * N * 2, g.cells().begin());
        return g;
    };
    for (int t = -countInSteps_; t < 0 && !stop_; ++t) {  // the count-in: clicks alone
        clock_.waitUntil(stepSeconds(t));
        if (!stop_)
            click(t);
    }
    for (int t = 0; !stop_; ++t) {
        clock_.waitUntil(stepSeconds(t) - options_.marginSeconds);
        if (stop_)
            break;
        const double t0 = clock_.now();
        bool soundsNow = false;
        std::vector<std::uint8_t> player = playerStep(stepSeconds(t) - options_.marginSeconds, &soundsNow);
        if (t > 0) {
            // The step that just ended reaches the network's history: the player's notes with its own.
            history.insert(history.end(), player.begin(), player.end());
            if (pending != JamPolicy::Action::Wait) {
                for (std::size_t i = 0; i < player.size(); i += 2)
                    if (network[i] && !player[i]) {
                        player[i] = 1;
                        player[i + 1] = network[i + 1];
                    }
                engine_->commit(player, pendingBar);
            }
        }
        const int bar = static_cast<int>((firstStep_ + t) % stepsPerBar_);
        const JamPolicy::Action action = policy.step(bar, soundsNow);
        if (policy.answerStarts() ||
            (along && action == JamPolicy::Action::Play && (bar == 0 || take_.networkSteps == 0))) {
            // The player's key and texture, as replay follows them (JamStyle::followPlayer).
            const int to = t;
            const int from = along ? std::max(0, to - 4 * stepsPerBar_) : std::min(phraseFrom, to);
            int lowestHeld = 1000;
            for (int p = 0; p < 128 && lowestHeld == 1000; ++p)
                if (keyDown_[static_cast<std::size_t>(p)])
                    lowestHeld = p;
            engine_->setStyle(JamStyle::followPlayer(options_.style, heard(from, to), options_.holdLimit,
                                                     along, lowestHeld));
            if (policy.answerStarts())
                ++take_.answers;
        }
        std::vector<std::uint8_t> mine = silent;
        if (action == JamPolicy::Action::Play) {
            std::vector<std::uint8_t> sampled = engine_->sample();
            const double t1 = clock_.now();
            stepMs.push_back((t1 - t0) * 1000.0);
            ++take_.networkSteps;
            if (t1 > stepSeconds(t))
                ++late_;  // too late to sound: dropped; the player never waits for it
            else
                mine = std::move(sampled);
            // The player's key wins: the network does not strike a note the player holds.
            for (int n = 0; n < N; ++n)
                if (keyDown_[static_cast<std::size_t>(low + n)])
                    mine[static_cast<std::size_t>(2 * n)] = mine[static_cast<std::size_t>(2 * n + 1)] = 0;
        }
        answering_ = policy.answering();
        clock_.waitUntil(stepSeconds(t));
        if (stop_)
            break;
        click(t);
        for (int n = 0; n < N; ++n) {
            const bool play = mine[static_cast<std::size_t>(2 * n)] != 0;
            const bool art = mine[static_cast<std::size_t>(2 * n + 1)] != 0;
            auto& since = soundingSince_[static_cast<std::size_t>(n)];
            if (since >= 0 && (!play || art)) {
                synth_.noteOff(options_.channel, low + n);
                take_.network.push_back(
                    {low + n, since, stepTick(t) - since, options_.velocity, options_.channel, false});
                since = -1;
            }
            if (play && since < 0) {
                synth_.noteOn(options_.channel, low + n, options_.velocity);
                since = stepTick(t);
            }
        }
        network = std::move(mine);
        pending = action;
        pendingBar = bar;
        if (action == JamPolicy::Action::Play && !policy.answering() && !along)
            phraseFrom = t + 1;
        take_.steps = t + 1;
    }
    std::sort(stepMs.begin(), stepMs.end());
    if (!stepMs.empty())
        take_.stepMsP99 = stepMs[std::min(stepMs.size() - 1, stepMs.size() * 99 / 100)];
}

JamTake JamSession::stop() {
    if (!running())
        return {};
    stop_ = true;
    clock_.interrupt();
    worker_.join();
    const double now = clock_.now();
    // The network's notes still sounding end now (at the step the take reached).
    const std::int64_t end = stepTick(take_.steps);
    for (std::size_t n = 0; n < soundingSince_.size(); ++n)
        if (soundingSince_[n] >= 0) {
            const int pitch = engine_->lowPitch() + static_cast<int>(n);
            synth_.noteOff(options_.channel, pitch);
            take_.network.push_back({pitch, soundingSince_[n],
                                     std::max<std::int64_t>(1, end - soundingSince_[n]), options_.velocity,
                                     options_.channel, false});
            soundingSince_[n] = -1;
        }
    std::sort(take_.network.begin(), take_.network.end(), noteLess);
    if (clickPitch_ >= 0)
        synth_.noteOff(Metronome::kChannel, clickPitch_);
    clickPitch_ = -1;
    take_.player = recorder_.finish(now);
    // Keys played during the count-in belong to the take's first beat (never before the take).
    const std::int64_t takeStart = stepTick(0);
    for (Note& n : take_.player)
        if (n.start < takeStart) {
            n.length = std::max<std::int64_t>(n.end() - takeStart, options_.timing.ticksPerQuarter / 4);
            n.start = takeStart;
        }
    std::sort(take_.player.begin(), take_.player.end(), noteLess);
    take_.lateSteps = late_.load();
    answering_ = false;
    return take_;
}

}  // namespace biaxial
