#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "biaxial/model/JamStyle.h"
#include "biaxial/model/Model.h"

namespace biaxial {

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
