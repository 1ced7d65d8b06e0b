#pragma once

#include <array>
#include <string>
#include <vector>

#include "biaxial/engine/StepGrid.h"

namespace biaxial {

// How the network plays in a jam (the studio's Continue defaults where they apply).
struct JamStyle {
    double temperature = 1.0;
    double conservativity = 1.0;
    // The notes sounding per step the adaptive conservativity steers toward (the player's
    // texture); 0 = the original's rule (only reacts to fewer than 2 notes sounding).
    double densityTarget = 0.0;
    double densityGain = 0.1;
    // The onsets per step at each bar position the rhythm is steered toward (the player's;
    // empty = the network's own rhythm), as Continue follows its seed's.
    std::vector<double> onsetTarget;
    double rhythmGain = 0.25;
    int maxHoldSteps = 0;  // a note struck this many steps ago is released unless struck again; 0 = none
    int minPitch = 0;      // the network's register (MIDI, inclusive)
    int maxPitch = 127;
    std::array<bool, 12> pitchClasses{true, true, true, true, true, true, true, true, true, true, true, true};
    // The chance an out-of-key note keeps (0 = never, 1 = no key; Continue's default).
    double outOfScaleWeight = 0.2;

    // The style for the coming steps from what the player has played (`heard`): their key
    // (where the notes tell one; *key gets its name), their notes sounding per step and their
    // onsets per step at each bar position reached (twice those along: the texture of both
    // parts), the hold limit `holdLimit` times their longest
    // note; along, the network stays under their lowest note (and `lowestHeld`, a key held
    // now), with at least an octave and a half of room.
    static JamStyle followPlayer(const JamStyle& base, const StepGrid& heard, double holdLimit, bool along,
                                 int lowestHeld = 1000, std::string* key = nullptr);
};

}  // namespace biaxial
