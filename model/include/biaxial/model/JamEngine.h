#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "biaxial/model/Model.h"

namespace biaxial {

// How the network plays in a jam (the studio's Continue defaults where they apply).
struct JamStyle {
    double temperature = 1.0;
    double conservativity = 1.0;
    // The notes sounding per step the adaptive conservativity steers toward (the player's
    // texture); 0 = the original's rule (only reacts to fewer than 2 notes sounding).
    double densityTarget = 0.0;
    double densityGain = 0.1;
    int maxHoldSteps = 0;  // a note struck this many steps ago is released unless struck again; 0 = none
    int minPitch = 0;      // the network's register (MIDI, inclusive)
    int maxPitch = 127;
    std::array<bool, 12> pitchClasses{true, true, true, true, true, true, true, true, true, true, true, true};
    double outOfScaleWeight =
        0.2;  // the chance an out-of-key note keeps (0 = never, 1 = no key; Continue's default)
};

// The network one step at a time, for playing live (issue 18): sample() proposes the network's
// notes for the next step from everything committed so far; commit() tells it what really
// sounded at that step (the player's notes and the network's that were played), which is what
// the time axis hears next. Unlike Generator::generate nothing is known ahead: the player's
// notes of a step reach the model only with the following step, as they would live. CPU only;
// one thread at a time (any thread). A few milliseconds per step at the original size.
class JamEngine {
public:
    // The model must be on the CPU. Starts from one silent step just before a bar line.
    static std::unique_ptr<JamEngine> create(const Model& model, int stepsPerBar, std::uint64_t randomSeed,
                                             bool bf16, std::string* error);
    ~JamEngine();
    JamEngine(const JamEngine&) = delete;
    JamEngine& operator=(const JamEngine&) = delete;

    int lowPitch() const;
    int numNotes() const;
    void setStyle(const JamStyle& style);

    // The network's (play, articulate) per note of the model's range for the next step:
    // [numNotes][2] 0/1.
    std::vector<std::uint8_t> sample();
    // What sounded at that step, [numNotes][2], and its place in the bar.
    void commit(const std::vector<std::uint8_t>& cells, int barPosition);

private:
    struct Impl;
    explicit JamEngine(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace biaxial
