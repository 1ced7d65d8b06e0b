#pragma once

#include <cstdint>
#include <vector>

namespace biaxial {

// The model's view of music: steps (one per sixteenth note) x notes (a pitch range) x
// {play, articulate}. Articulate is only meaningful where play is 1.
// Each step also records its position in its bar (0 at a bar line), from which the model
// takes its beat input; in 4/4 this is t mod 16, the original's input.
// Storage is contiguous [step][note][2] bytes, ready to wrap as a tensor.
class StepGrid {
public:
    StepGrid() = default;
    StepGrid(int steps, int lowPitch, int numNotes);

    int steps() const { return steps_; }
    int lowPitch() const { return lowPitch_; }
    int numNotes() const { return numNotes_; }
    int highPitch() const { return lowPitch_ + numNotes_ - 1; }  // inclusive

    bool play(int step, int note) const { return cells_[index(step, note)] != 0; }
    bool articulate(int step, int note) const { return cells_[index(step, note) + 1] != 0; }
    // Articulate is stored only where play is set.
    void set(int step, int note, bool play, bool articulate) {
        cells_[index(step, note)] = play ? 1 : 0;
        cells_[index(step, note) + 1] = (play && articulate) ? 1 : 0;
    }

    // Position of a step in its bar (0 = on a bar line).
    int barPosition(int step) const { return barPositions_[static_cast<std::size_t>(step)]; }
    void setBarPosition(int step, int position) { barPositions_[static_cast<std::size_t>(step)] = position; }
    const std::vector<std::int32_t>& barPositions() const { return barPositions_; }

    const std::vector<std::uint8_t>& cells() const { return cells_; }
    std::vector<std::uint8_t>& cells() { return cells_; }

    // Steps [from, to) as a new grid (bar positions kept).
    StepGrid slice(int from, int to) const;
    // Appends another grid of the same pitch range.
    void append(const StepGrid& other);
    // Number of (step, note) cells that play.
    std::int64_t playCount() const;

    friend bool operator==(const StepGrid&, const StepGrid&) = default;

private:
    std::size_t index(int step, int note) const {
        return (static_cast<std::size_t>(step) * static_cast<std::size_t>(numNotes_) +
                static_cast<std::size_t>(note)) *
               2;
    }

    int steps_ = 0;
    int lowPitch_ = 24;
    int numNotes_ = 78;
    std::vector<std::uint8_t> cells_;
    std::vector<std::int32_t> barPositions_;
};

}  // namespace biaxial
