#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "biaxial/engine/StepGrid.h"

namespace biaxial {

// A StepGrid as a corpus keeps it in memory and in its cache: only the cells that sound, one
// byte each (the note, the top bit set where it is struck), a count of them per step, and the
// bar positions as runs. Music is mostly silence: a piano piece takes ~5 bytes per step here
// against StepGrid's 160 (78 notes x 2 bytes + the bar position), so tens of thousands of
// pieces fit in memory and training expands only the segments it draws (expandInto).
// Exact: CompactGrid(g).expand() == g for every grid of at most 128 notes.
// The cells are immutable and shared by copies. They live in memory the grid owns, or in a
// corpus cache file mapped into memory (view), so that a corpus larger than memory is read
// from the cache as training draws from it, the kernel keeping what fits.
class CompactGrid {
public:
    // Bar positions from `step` on: position + (t - step), wrapping to 0 after `period`
    // steps once the run has crossed a bar line (period 0: no bar line in the run).
    struct BarRun {
        std::int32_t step = 0;
        std::int32_t position = 0;
        std::int32_t period = 0;
        friend bool operator==(const BarRun&, const BarRun&) = default;
    };

    CompactGrid() = default;
    explicit CompactGrid(const StepGrid& grid);

    int steps() const { return steps_; }
    int lowPitch() const { return lowPitch_; }
    int numNotes() const { return numNotes_; }
    int highPitch() const { return lowPitch_ + numNotes_ - 1; }  // inclusive

    // Steps [from, to) as a dense grid with their bar positions; expand() is the whole grid.
    StepGrid slice(int from, int to) const;
    StepGrid expand() const { return slice(0, steps_); }
    // Writes steps [from, from + length) into `cells`, laid out as StepGrid::cells()
    // ([length][numNotes][2] bytes), every note moved by `shift` semitones: notes moved off the
    // grid are dropped and everything else is silence.
    void expandInto(int from, int length, int shift, std::uint8_t* cells) const;
    int barPosition(int step) const;
    // The lowest and highest note index sounding in steps [from, to); false when all is silent.
    bool noteRange(int from, int to, int* lowest, int* highest) const;

    std::int64_t playCount() const { return static_cast<std::int64_t>(cells_.size()); }
    std::int64_t strikeCount() const;
    // Bytes of the grid (what a corpus of these costs in memory, or in a mapped cache).
    std::size_t memoryBytes() const;
    // Whether the cells are read from a mapped cache file rather than held in memory.
    bool mapped() const { return mapped_; }

    // The stored form, for the corpus cache: the sounding cells per step, the cells (note |
    // 0x80 where struck, ascending notes within a step) and the bar runs.
    std::span<const std::uint8_t> counts() const { return counts_; }
    std::span<const std::uint8_t> cells() const { return cells_; }
    const std::vector<BarRun>& barRuns() const { return bars_; }
    // A grid from its stored form, checked throughout (a cache is never trusted): nullopt with
    // the reason when the parts do not make a grid. The counts and cells are copied...
    static std::optional<CompactGrid> fromParts(int steps, int lowPitch, int numNotes,
                                                std::span<const std::uint8_t> counts,
                                                std::span<const std::uint8_t> cells, std::vector<BarRun> bars,
                                                std::string* error = nullptr);
    // ...or viewed where they lie, kept alive by `storage` (a mapped cache file).
    static std::optional<CompactGrid> view(int steps, int lowPitch, int numNotes,
                                           std::span<const std::uint8_t> counts,
                                           std::span<const std::uint8_t> cells, std::vector<BarRun> bars,
                                           std::shared_ptr<const void> storage, std::string* error = nullptr);

    // Equal music: the same shape, cells and bar positions, wherever they are stored.
    friend bool operator==(const CompactGrid& a, const CompactGrid& b);

    static constexpr std::uint8_t kStruck = 0x80;
    static constexpr int kMaxNotes = 128;

private:
    // Every kBlock-th step's first cell is indexed, so that a segment is found without
    // summing the counts from the start.
    static constexpr int kBlock = 64;
    std::size_t firstCell(int step) const;
    void index();
    static std::int32_t positionIn(const BarRun& run, int step);
    static std::string check(int steps, int lowPitch, int numNotes, std::span<const std::uint8_t> counts,
                             std::span<const std::uint8_t> cells, const std::vector<BarRun>& bars);

    int steps_ = 0;
    int lowPitch_ = 24;
    int numNotes_ = 78;
    std::shared_ptr<const void> storage_;  // owns what counts_ and cells_ point into
    std::span<const std::uint8_t> counts_;
    std::span<const std::uint8_t> cells_;
    bool mapped_ = false;
    std::vector<BarRun> bars_;
    std::vector<std::uint32_t> blockStart_;  // derived from counts_
};

}  // namespace biaxial
