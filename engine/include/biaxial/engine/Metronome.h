#pragma once

#include <cstdint>
#include <vector>

#include "biaxial/engine/Note.h"
#include "biaxial/engine/Song.h"

namespace biaxial {

// The click a musician plays to: General MIDI percussion (channel 10), a high wood block on the
// first beat of every bar and a low one on the others, a beat being the time signature's unit
// (a quarter in 4/4 and 3/4, an eighth in 6/8), following the song's meter changes. The clicks
// are notes, so that any player (the transport, a jam, a WAV render) sounds them the same way;
// they never enter the document.
struct Metronome {
    static constexpr int kChannel = 9;
    static constexpr int kBarPitch = 76;   // Hi Wood Block
    static constexpr int kBeatPitch = 77;  // Low Wood Block
    static constexpr int kBarVelocity = 110;
    static constexpr int kBeatVelocity = 75;

    // The clicks of the beats that start in [fromTick, toTick).
    static std::vector<Note> clicks(const Song& song, std::int64_t fromTick, std::int64_t toTick);
    // The ticks of one bar at `tick` (for a count-in).
    static std::int64_t barTicks(const Song& song, std::int64_t tick);
};

}  // namespace biaxial
