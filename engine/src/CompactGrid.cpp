#include "biaxial/engine/CompactGrid.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace biaxial {

std::int32_t CompactGrid::positionIn(const BarRun& run, int step) {
    const std::int32_t p = run.position + (step - run.step);
    return run.period > 0 ? p % run.period : p;
}

CompactGrid::CompactGrid(const StepGrid& grid)
    : steps_(grid.steps()), lowPitch_(grid.lowPitch()), numNotes_(grid.numNotes()) {
    if (numNotes_ > kMaxNotes)
        throw std::invalid_argument("CompactGrid: a grid of " + std::to_string(numNotes_) +
                                    " notes (at most 128)");
    // One block of memory: the counts, then the cells.
    auto bytes = std::make_shared<std::vector<std::uint8_t>>(static_cast<std::size_t>(steps_));
    const auto& dense = grid.cells();
    for (int t = 0; t < steps_; ++t) {
        const std::uint8_t* row = dense.data() + static_cast<std::size_t>(t) * numNotes_ * 2;
        int count = 0;
        for (int n = 0; n < numNotes_; ++n)
            if (row[2 * n] != 0) {
                bytes->push_back(static_cast<std::uint8_t>(n | (row[2 * n + 1] != 0 ? kStruck : 0)));
                ++count;
            }
        (*bytes)[static_cast<std::size_t>(t)] = static_cast<std::uint8_t>(count);
        // A run goes on while the positions count up (wrapping at its bar length, learnt at its
        // first bar line); anything else (a meter change, a pickup) starts a new run.
        const std::int32_t p = grid.barPosition(t);
        if (!bars_.empty()) {
            BarRun& r = bars_.back();
            if (positionIn(r, t) == p)
                continue;
            if (r.period == 0 && p == 0 && r.position >= 0) {
                r.period = r.position + (t - r.step);
                continue;
            }
        }
        bars_.push_back({t, p, 0});
    }
    bytes->shrink_to_fit();
    counts_ = std::span<const std::uint8_t>(bytes->data(), static_cast<std::size_t>(steps_));
    cells_ = std::span<const std::uint8_t>(bytes->data() + steps_,
                                           bytes->size() - static_cast<std::size_t>(steps_));
    storage_ = std::move(bytes);
    index();
}

bool operator==(const CompactGrid& a, const CompactGrid& b) {
    return a.steps_ == b.steps_ && a.lowPitch_ == b.lowPitch_ && a.numNotes_ == b.numNotes_ &&
           a.bars_ == b.bars_ &&
           std::equal(a.counts_.begin(), a.counts_.end(), b.counts_.begin(), b.counts_.end()) &&
           std::equal(a.cells_.begin(), a.cells_.end(), b.cells_.begin(), b.cells_.end());
}

void CompactGrid::index() {
    blockStart_.assign(static_cast<std::size_t>((steps_ + kBlock - 1) / kBlock), 0);
    std::uint32_t at = 0;
    for (int t = 0; t < steps_; ++t) {
        if (t % kBlock == 0)
            blockStart_[static_cast<std::size_t>(t / kBlock)] = at;
        at += counts_[static_cast<std::size_t>(t)];
    }
}

std::size_t CompactGrid::firstCell(int step) const {
    const int block = step / kBlock;
    std::size_t at = block < static_cast<int>(blockStart_.size())
                         ? blockStart_[static_cast<std::size_t>(block)]
                         : cells_.size();
    for (int t = block * kBlock; t < step; ++t)
        at += counts_[static_cast<std::size_t>(t)];
    return at;
}

int CompactGrid::barPosition(int step) const {
    // The last run starting at or before the step.
    const auto it =
        std::upper_bound(bars_.begin(), bars_.end(), step, [](int s, const BarRun& r) { return s < r.step; });
    return it == bars_.begin() ? 0 : positionIn(*(it - 1), step);
}

void CompactGrid::expandInto(int from, int length, int shift, std::uint8_t* out) const {
    const std::size_t row = static_cast<std::size_t>(numNotes_) * 2;
    std::memset(out, 0, static_cast<std::size_t>(length) * row);
    std::size_t at = firstCell(from);
    for (int i = 0; i < length; ++i) {
        const int count = counts_[static_cast<std::size_t>(from + i)];
        for (int k = 0; k < count; ++k) {
            const std::uint8_t c = cells_[at + static_cast<std::size_t>(k)];
            const int n = (c & 0x7F) + shift;
            if (n < 0 || n >= numNotes_)
                continue;
            std::uint8_t* cell = out + static_cast<std::size_t>(i) * row + static_cast<std::size_t>(n) * 2;
            cell[0] = 1;
            cell[1] = (c & kStruck) != 0 ? 1 : 0;
        }
        at += static_cast<std::size_t>(count);
    }
}

StepGrid CompactGrid::slice(int from, int to) const {
    from = std::clamp(from, 0, steps_);
    to = std::clamp(to, from, steps_);
    StepGrid g(to - from, lowPitch_, numNotes_);
    expandInto(from, to - from, 0, g.cells().data());
    for (int t = from; t < to; ++t)
        g.setBarPosition(t - from, barPosition(t));
    return g;
}

bool CompactGrid::noteRange(int from, int to, int* lowest, int* highest) const {
    int lo = numNotes_, hi = -1;
    std::size_t at = firstCell(from);
    for (int t = from; t < to; ++t) {
        const int count = counts_[static_cast<std::size_t>(t)];
        if (count > 0) {
            // Ascending within a step: the first and last cells are the extremes.
            lo = std::min(lo, cells_[at] & 0x7F);
            hi = std::max(hi, cells_[at + static_cast<std::size_t>(count) - 1] & 0x7F);
        }
        at += static_cast<std::size_t>(count);
    }
    *lowest = lo;
    *highest = hi;
    return hi >= 0;
}

std::int64_t CompactGrid::strikeCount() const {
    return std::count_if(cells_.begin(), cells_.end(), [](std::uint8_t c) { return (c & kStruck) != 0; });
}

std::size_t CompactGrid::memoryBytes() const {
    return sizeof *this + counts_.size() + cells_.size() + bars_.capacity() * sizeof(BarRun) +
           blockStart_.capacity() * sizeof(std::uint32_t);
}

std::string CompactGrid::check(int steps, int lowPitch, int numNotes, std::span<const std::uint8_t> counts,
                               std::span<const std::uint8_t> cells, const std::vector<BarRun>& bars) {
    if (steps < 0 || numNotes < 1 || numNotes > kMaxNotes || lowPitch < 0 || lowPitch + numNotes > 128)
        return "bad grid shape";
    if (counts.size() != static_cast<std::size_t>(steps))
        return "a count for every step expected";
    std::size_t at = 0;
    for (int t = 0; t < steps; ++t) {
        const int count = counts[static_cast<std::size_t>(t)];
        if (count > numNotes || at + static_cast<std::size_t>(count) > cells.size())
            return "more cells than the grid holds at step " + std::to_string(t);
        int previous = -1;
        for (int k = 0; k < count; ++k) {
            const int n = cells[at + static_cast<std::size_t>(k)] & 0x7F;
            if (n >= numNotes || n <= previous)
                return "cells out of order at step " + std::to_string(t);
            previous = n;
        }
        at += static_cast<std::size_t>(count);
    }
    if (at != cells.size())
        return "cells left over";
    if (steps > 0 && (bars.empty() || bars.front().step != 0))
        return "no bar position for the first step";
    for (std::size_t i = 0; i < bars.size(); ++i)
        if (bars[i].step >= steps || bars[i].period < 0 || (i > 0 && bars[i].step <= bars[i - 1].step) ||
            (bars[i].period > 0 && (bars[i].position < 0 || bars[i].position >= bars[i].period)))
            return "bad bar runs";
    return {};
}

std::optional<CompactGrid> CompactGrid::fromParts(int steps, int lowPitch, int numNotes,
                                                  std::span<const std::uint8_t> counts,
                                                  std::span<const std::uint8_t> cells,
                                                  std::vector<BarRun> bars, std::string* error) {
    auto bytes = std::make_shared<std::vector<std::uint8_t>>();
    bytes->reserve(counts.size() + cells.size());
    bytes->insert(bytes->end(), counts.begin(), counts.end());
    bytes->insert(bytes->end(), cells.begin(), cells.end());
    const std::span<const std::uint8_t> all(*bytes);
    auto g = view(steps, lowPitch, numNotes, all.first(counts.size()), all.subspan(counts.size()),
                  std::move(bars), bytes, error);
    if (g)
        g->mapped_ = false;
    return g;
}

std::optional<CompactGrid> CompactGrid::view(int steps, int lowPitch, int numNotes,
                                             std::span<const std::uint8_t> counts,
                                             std::span<const std::uint8_t> cells, std::vector<BarRun> bars,
                                             std::shared_ptr<const void> storage, std::string* error) {
    if (const std::string why = check(steps, lowPitch, numNotes, counts, cells, bars); !why.empty()) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    CompactGrid g;
    g.steps_ = steps;
    g.lowPitch_ = lowPitch;
    g.numNotes_ = numNotes;
    g.storage_ = std::move(storage);
    g.counts_ = counts;
    g.cells_ = cells;
    g.mapped_ = true;
    g.bars_ = std::move(bars);
    g.index();
    return g;
}

}  // namespace biaxial
