#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

#include "biaxial/audio/MidiMessage.h"
#include "biaxial/engine/Note.h"
#include "biaxial/engine/Song.h"

namespace biaxial {

struct MidiRecordOptions {
    int stepsPerQuarter = 4;  // grid: 4 = sixteenth notes
    int channel = -1;         // -1 keeps the keyboard's channel; 0..15 forces one
};

// Turns what a MIDI keyboard plays into Notes of a song, quantized to the grid (sixteenth
// notes by default: the model's time step). The UI connects an IMidiInput's callback to
// handle(), and at the end adds finish()'s notes to the document as one undoable edit.
//
// Times: `seconds` are on one clock for start and messages (IMidiInput's timestamps and
// SteadyClock::now() share the steady_clock timeline). The recording's time 0 is the
// song at `startTick`, followed through the song's tempo map.
//
// A recorder can stay connected to the input all the time: handle() ignores messages
// unless a recording runs (between start() and finish()).
//
// Threads: handle() runs on the MIDI input thread; the others on the GUI thread. All are
// thread-safe.
class MidiRecorder {
public:
    using Options = MidiRecordOptions;

    MidiRecorder() = default;  // not recording
    // Constructs and start()s.
    MidiRecorder(const Song& timing, std::int64_t startTick, double startSeconds, Options options = {});

    // Starts a recording (dropping any unfinished one): `timing` gives the tempo map and
    // ticks per quarter, `startTick` is the song position at clock time `startSeconds`.
    void start(const Song& timing, std::int64_t startTick, double startSeconds, Options options = {});
    bool isRecording() const;

    void handle(const MidiMessage& message, double seconds);
    // The notes finished so far (released keys), sorted with noteLess: for a live preview.
    std::vector<Note> notes() const;
    // Ends keys still held at `seconds` and returns every recorded note, sorted. The
    // recording stops and the recorder is empty afterwards.
    std::vector<Note> finish(double seconds);

    // The grid tick nearest to `tick` (exact for any ticks-per-quarter, not only multiples
    // of the steps per quarter).
    std::int64_t quantize(std::int64_t tick) const;
    // The song tick at a time on the recording's clock (before quantization).
    std::int64_t tickAt(double seconds) const;

private:
    struct Held {
        std::int64_t startTick;  // unquantized
        int velocity;
    };
    Note makeNote(int channel, int pitch, const Held& held, std::int64_t endTick) const;

    // Both expect mutex_ held.
    std::int64_t quantizeLocked(std::int64_t tick) const;
    std::int64_t tickAtLocked(double seconds) const;

    mutable std::mutex mutex_;
    bool recording_ = false;
    Song timing_;
    std::int64_t startTick_ = 0;
    double startSeconds_ = 0.0;
    double startSongSeconds_ = 0.0;
    Options options_;
    std::map<std::pair<int, int>, Held> held_;  // (channel, pitch)
    std::vector<Note> notes_;
};

}  // namespace biaxial
