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

// Turns what a MIDI keyboard plays into Notes of a song, quantized to the grid (sixteenth
// notes by default: the model's time step). The UI connects an IMidiInput's callback to
// handle(), and at the end adds finish()'s notes to the document as one undoable edit.
//
// Times: `seconds` are on one clock for start and messages (IMidiInput's timestamps and
// SteadyClock::now() share the steady_clock timeline). The recording's time 0 is the
// song at `startTick`, followed through the song's tempo map.
//
// Threads: handle() runs on the MIDI input thread; notes()/finish() on the GUI thread.
class MidiRecorder {
public:
    struct Options {
        int stepsPerQuarter = 4;  // grid: 4 = sixteenth notes
        int channel = -1;         // -1 keeps the keyboard's channel; 0..15 forces one
    };

    MidiRecorder(const Song& timing, std::int64_t startTick, double startSeconds);
    MidiRecorder(const Song& timing, std::int64_t startTick, double startSeconds, Options options);

    void handle(const MidiMessage& message, double seconds);
    // The notes finished so far (released keys), sorted with noteLess: for a live preview.
    std::vector<Note> notes() const;
    // Ends keys still held at `seconds` and returns every recorded note, sorted. The
    // recorder is empty afterwards.
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

    Song timing_;
    std::int64_t startTick_;
    double startSeconds_;
    double startSongSeconds_;
    Options options_;
    mutable std::mutex mutex_;
    std::map<std::pair<int, int>, Held> held_;  // (channel, pitch)
    std::vector<Note> notes_;
};

}  // namespace biaxial
