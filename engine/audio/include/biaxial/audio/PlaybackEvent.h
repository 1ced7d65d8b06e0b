#pragma once

#include <cstdint>

namespace biaxial {

// One timed command of a song, for the scheduler and the renderer. A value.
struct PlaybackEvent {
    // The order of events at the same instant: set-up first, releases before strikes so
    // that a note repeated at its own end is struck again rather than cut.
    enum class Type : std::uint8_t { ProgramChange = 0, ControlChange = 1, NoteOff = 2, NoteOn = 3 };

    double seconds = 0.0;  // from the start of the song, following its tempo map
    std::int64_t tick = 0;
    Type type = Type::NoteOn;
    std::uint8_t channel = 0;
    std::uint8_t data1 = 0;  // pitch, controller or program
    std::uint8_t data2 = 0;  // velocity or controller value

    friend bool operator==(const PlaybackEvent&, const PlaybackEvent&) = default;
};

}  // namespace biaxial
