#pragma once

#include <cstdint>

namespace biaxial {

// Maps ticks and pitches to the piano roll's pixels and back. Shared by the roll's
// canvas, keyboard, ruler and velocity lane so that they always line up. A value; the
// PianoRollWidget owns the current one.
struct RollGeometry {
    static constexpr int kPitchCount = 128;

    int ticksPerQuarter = 480;
    double pixelsPerQuarter = 96.0;  // horizontal zoom
    int keyHeight = 14;              // vertical zoom: pixels per pitch row
    int scrollX = 0;                 // content pixels scrolled out at the left
    int scrollY = 0;                 // content pixels scrolled out at the top

    double pixelsPerTick() const { return pixelsPerQuarter / ticksPerQuarter; }
    // Viewport x of a tick, and the tick at a viewport x (floor).
    double xOfTick(std::int64_t tick) const;
    std::int64_t tickAtX(double x) const;
    // Viewport y of the top of a pitch's row, and the pitch under a viewport y (clamped to 0..127).
    int yOfPitch(int pitch) const { return (kPitchCount - 1 - pitch) * keyHeight - scrollY; }
    int pitchAtY(int y) const;
    int contentHeight() const { return kPitchCount * keyHeight; }
    // Rounds a tick to the nearest multiple of `step`, or down to one (step <= 1: no snap).
    static std::int64_t snapRound(std::int64_t tick, std::int64_t step);
    static std::int64_t snapFloor(std::int64_t tick, std::int64_t step);
    static bool isBlackKey(int pitch);
};

}  // namespace biaxial
