#pragma once

#include <string>
#include <vector>

#include "biaxial/engine/Song.h"

namespace biaxial {

// Seeds of other character than a corpus's bars, written by the project itself so that the
// musicality evaluation asks whether Continue carries a texture on: a waltz in 3/4 (bass on
// the bar, chord on two and three, a melody over it), a two-voice invention with running
// sixteenths over eighths, a four-voice chorale in quarters, and a nocturne with broken-chord
// eighths under a slow melody. Four bars each, 480 ticks per quarter, piano.
class CharacterSeeds {
public:
    struct Seed {
        std::string name;
        Song song;
    };
    static Seed waltz();
    static Seed invention();
    static Seed chorale();
    static Seed nocturne();
    static std::vector<Seed> all() { return {waltz(), invention(), chorale(), nocturne()}; }
};

}  // namespace biaxial
