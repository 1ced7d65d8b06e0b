#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "biaxial/engine/Song.h"
#include "biaxial/engine/StepGrid.h"

namespace biaxial {

struct GridOptions {
    int lowPitch = 24;  // the original's range: MIDI 24..101
    int numNotes = 78;
    bool extendWithSustainPedal = false;  // CC64 >= 64 holds released notes until the pedal lifts
    // The original's rule: stop reading at the first time signature that is not 2/4 or 4/4.
    bool originalMeterRule = false;
};

struct GridResult {
    StepGrid grid;
    std::int64_t droppedOutOfRange = 0;  // notes outside the pitch range
    std::int64_t droppedDrums = 0;       // notes on channel 10
    std::int64_t shortNotesWidened = 0;  // notes too short to cover a step's middle: kept as one step
    bool truncatedAtMeter = false;       // originalMeterRule cut the song short
};

struct SongOptions {
    int ticksPerQuarter = 480;
    double bpm = 120.0;
    int velocity = 90;
    int program = 0;
    int channel = 0;
    int numerator = 4;  // time signature written to the song (bar positions are not read back)
    int denominator = 4;
};

// Converts between songs (ticks) and the model's step grid (16 steps per 4/4 bar, i.e. a
// sixteenth note per step, independent of tempo). All tick maths is integer and exact for
// any resolution: a tick t lies in step floor(t * 4 / ticksPerQuarter).
class GridConverter {
public:
    static GridResult toGrid(const Song& song, const GridOptions& options = {});
    static Song toSong(const StepGrid& grid, const SongOptions& options = {});
    // The notes of a grid whose step 0 lies at step `firstStep` of a song, in the song's ticks
    // (options: ticksPerQuarter, velocity, channel), sorted with noteLess. toSong's notes are
    // toNotes(grid, 0, ...).
    static std::vector<Note> toNotes(const StepGrid& grid, std::int64_t firstStep,
                                     const SongOptions& options = {});
    // Steps per bar for a time signature (4/4 -> 16, 3/4 -> 12, 6/8 -> 12, 2/2 -> 16).
    static int stepsPerBar(const TimeSignature& sig);
    // The step that holds a tick, and the first tick of a step, at a resolution.
    static std::int64_t stepOfTick(std::int64_t tick, int ticksPerQuarter);
    static std::int64_t tickOfStep(std::int64_t step, int ticksPerQuarter);
    // The first step that starts at or after a tick (a range that ends inside a step keeps that
    // step): where a seed that ends at `tick` stops, and where a range's end rounds up to.
    static std::int64_t stepAtOrAfter(std::int64_t tick, int ticksPerQuarter);
    // A tick moved to the start of its step (down) or of the step at or after it (up).
    static std::int64_t floorTickToStep(std::int64_t tick, int ticksPerQuarter);
    static std::int64_t ceilTickToStep(std::int64_t tick, int ticksPerQuarter);
    // The time signature in effect at a tick (the last one at or before it; 4/4 when none).
    static TimeSignature timeSignatureAt(const Song& song, std::int64_t tick);
};

}  // namespace biaxial
