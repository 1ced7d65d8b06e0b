#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "biaxial/audio/IClock.h"
#include "biaxial/audio/ISynth.h"
#include "biaxial/audio/MidiMessage.h"
#include "biaxial/audio/MidiRecorder.h"
#include "biaxial/engine/JamPolicy.h"
#include "biaxial/engine/Note.h"
#include "biaxial/engine/Song.h"
#include "biaxial/model/JamEngine.h"
#include "biaxial/model/Model.h"

namespace biaxial {

struct JamSessionOptions {
    JamPolicy::Options policy;  // stepsPerBar: from the song's time signature at startTick
    JamStyle style;             // key, texture and register then follow the player
    double holdLimit = 1.5;
    std::uint64_t randomSeed = 1;
    bool bf16 = false;
    double marginSeconds = 0.040;  // a step is sampled this long before it sounds
    Song timing;                   // the song's tempo map, resolution and meter
    std::int64_t startTick = 0;    // the song position at the session's start (a step boundary)
    int channel = 1;               // the network's notes: MIDI channel, program and velocity
    int program = 0;
    int velocity = 80;
    // A click on every beat (engine/Metronome: accented on the bar), with `countInBars` bars of
    // clicks alone before the take's first step.
    bool metronome = false;
    int countInBars = 1;
};

// One take of a jam: what the player played and what the network played, in the song's ticks.
struct JamTake {
    std::vector<Note> player;   // quantized to the step grid, as a recording is
    std::vector<Note> network;  // on JamSessionOptions::channel
    int steps = 0;
    int networkSteps = 0;
    int lateSteps = 0;  // steps the network was not ready for: dropped, counted
    int answers = 0;
    double stepMsP99 = 0;
};

// Live play with the network (issue 18): the player's MIDI reaches handle() (from the input
// thread), a worker samples the network one step ahead of the playhead (JamEngine, JamPolicy)
// and plays its notes on the synth at their time; a step not ready in time is dropped and
// counted, and nothing the player does ever waits for the network. The player's step reaches
// the network's history with the next step, exactly as `biaxial jam --replay` feeds it. stop()
// returns the take (both parts) for the song, one undo step.
//
// Threads: handle() on the MIDI input thread; the rest on one controlling thread. The synth
// must be thread-safe (ISynth is).
class JamSession {
public:
    JamSession(const Model& model, IClock& clock, ISynth& synth, const JamSessionOptions& options);
    ~JamSession();
    JamSession(const JamSession&) = delete;
    JamSession& operator=(const JamSession&) = delete;

    // Starts at clock time `startSeconds` (the song at options.startTick). False and a
    // sentence when the network cannot run.
    bool start(double startSeconds, std::string* error);
    void handle(const MidiMessage& message, double seconds);
    // Stops at once (the worker is woken), silences the network's notes and returns the take.
    JamTake stop();

    bool running() const { return worker_.joinable(); }
    bool answering() const { return answering_.load(); }
    int lateSteps() const { return late_.load(); }
    // The song tick sounding now (the take's first tick during the count-in): for a playhead.
    std::int64_t tickNow() const;

private:
    struct KeyEvent {
        double seconds;
        int pitch;
        bool down;
    };
    void run();
    void click(int step);                // the metronome at step `step` (< 0: the count-in)
    double stepSeconds(int step) const;  // clock time at which step `step` of the take sounds
    std::int64_t stepTick(int step) const;
    // The player's cells of the step just ended, from the key events that arrived since.
    std::vector<std::uint8_t> playerStep(double until, bool* soundsNow);

    Model model_;
    IClock& clock_;
    ISynth& synth_;
    JamSessionOptions options_;
    std::unique_ptr<JamEngine> engine_;
    MidiRecorder recorder_;
    double start_ = 0;         // clock time of the take's first step (after the count-in)
    double stepSeconds0_ = 0;  // one step at the start's tempo (the count-in's pace)
    int countInSteps_ = 0;
    int clickPitch_ = -1;         // worker: the metronome's sounding click (-1: none)
    std::int64_t firstStep_ = 0;  // the song step at startTick
    int stepsPerBar_ = 16;

    std::mutex eventsMutex_;
    std::vector<KeyEvent> events_;  // arrived, not yet seen by the worker
    std::vector<bool> keyDown_;     // worker: the player's keys down now (MIDI pitch)

    std::thread worker_;
    std::atomic<bool> stop_{false};
    std::atomic<bool> answering_{false};
    std::atomic<int> late_{0};
    double stoppedAt_ = 0;
    JamTake take_;                             // the worker's results (read after join)
    std::vector<std::int64_t> soundingSince_;  // worker: network note -> start tick (-1 silent)
};

}  // namespace biaxial
