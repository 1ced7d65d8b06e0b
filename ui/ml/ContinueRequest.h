#pragma once

#include <cstdint>

#include "Scale.h"
#include "biaxial/engine/Song.h"

namespace biaxial {

// Everything a Continue job needs, by value: the worker never reads the live document
// (STYLE rule 8). Built on the GUI thread by ContinuePanel, consumed on the worker thread.
struct ContinueRequest {
    enum class Mode {
        Continue,    // add new material after seedEndTick
        Regenerate,  // replace [seedEndTick, replaceEndTick) with material continued from before it
    };
    Mode mode = Mode::Continue;

    Song song;                         // a copy of the document's song
    std::int64_t seedEndTick = 0;      // the seed is the song before this tick (0 = from scratch)
    std::int64_t replaceEndTick = 0;   // Regenerate: end of the replaced range
    int bars = 4;                      // Continue: bars to add (Regenerate: from the range)

    double conservativity = 1.0;
    bool adaptiveConservativity = false;
    double temperature = 1.0;
    int variations = 3;
    std::uint64_t randomSeed = 1;
    Scale scale;                       // Chromatic = no constraint; SeedKey = estimated from the seed
    // How much of its chance to sound a note outside the scale keeps: 0 never plays it, 1 ignores
    // the scale (GenerationOptions::outOfScaleWeight).
    double outOfScaleWeight = 1.0;

    int track = 0;                     // where accepted notes go
    int channel = 0;
    int velocity = 90;                 // velocity of the generated notes
};

}  // namespace biaxial
