#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "biaxial/engine/Note.h"

namespace biaxial {

struct TempoChange {
    std::int64_t tick = 0;
    int microsPerQuarter = 500000;  // 120 BPM
    double bpm() const { return 60'000'000.0 / microsPerQuarter; }
    friend bool operator==(const TempoChange&, const TempoChange&) = default;
};

struct TimeSignature {
    std::int64_t tick = 0;
    int numerator = 4;
    int denominator = 4;  // a power of two
    friend bool operator==(const TimeSignature&, const TimeSignature&) = default;
};

// A controller event kept so that the grid can extend notes under the sustain pedal
// and so that a round trip through the engine keeps the pedal.
struct ControlChange {
    std::int64_t tick = 0;
    int channel = 0;
    int controller = 0;
    int value = 0;
    friend bool operator==(const ControlChange&, const ControlChange&) = default;
};

struct Track {
    std::string name;
    int program = 0;          // General MIDI program of the track's first program change (0 = piano)
    std::vector<Note> notes;  // sorted with noteLess
    std::vector<ControlChange> controls;  // sorted by tick
    friend bool operator==(const Track&, const Track&) = default;
};

// A song: a value type. Tempo and time signature maps are sorted by tick and always
// hold an entry at tick 0 once normalised (see normalise()).
struct Song {
    int ticksPerQuarter = 480;
    std::vector<TempoChange> tempos;
    std::vector<TimeSignature> timeSignatures;
    std::vector<Track> tracks;

    // Sorts every map and track, and adds the defaults (120 BPM, 4/4) at tick 0 where missing.
    void normalise();
    // The tick just after the last note ends (0 for an empty song).
    std::int64_t endTick() const;
    std::size_t noteCount() const;
    // Seconds at a tick, following the tempo map.
    double secondsAt(std::int64_t tick) const;
    // Tick at a time in seconds, following the tempo map (inverse of secondsAt).
    std::int64_t tickAt(double seconds) const;
    friend bool operator==(const Song&, const Song&) = default;
};

}  // namespace biaxial
