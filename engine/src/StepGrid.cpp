#include "biaxial/engine/StepGrid.h"

#include <algorithm>
#include <stdexcept>

namespace biaxial {

StepGrid::StepGrid(int steps, int lowPitch, int numNotes)
    : steps_(std::max(0, steps)),
      lowPitch_(lowPitch),
      numNotes_(std::max(1, numNotes)),
      cells_(static_cast<std::size_t>(steps_) * static_cast<std::size_t>(numNotes_) * 2, 0),
      barPositions_(static_cast<std::size_t>(steps_), 0) {
    for (int t = 0; t < steps_; ++t)
        barPositions_[static_cast<std::size_t>(t)] = t % 16;
}

StepGrid StepGrid::slice(int from, int to) const {
    from = std::clamp(from, 0, steps_);
    to = std::clamp(to, from, steps_);
    StepGrid out(to - from, lowPitch_, numNotes_);
    const std::size_t row = static_cast<std::size_t>(numNotes_) * 2;
    std::copy(cells_.begin() + static_cast<std::ptrdiff_t>(from * row),
              cells_.begin() + static_cast<std::ptrdiff_t>(to * row), out.cells_.begin());
    std::copy(barPositions_.begin() + from, barPositions_.begin() + to, out.barPositions_.begin());
    return out;
}

void StepGrid::append(const StepGrid& other) {
    if (other.numNotes_ != numNotes_ || other.lowPitch_ != lowPitch_)
        throw std::invalid_argument("StepGrid::append: pitch ranges differ");
    cells_.insert(cells_.end(), other.cells_.begin(), other.cells_.end());
    barPositions_.insert(barPositions_.end(), other.barPositions_.begin(), other.barPositions_.end());
    steps_ += other.steps_;
}

std::int64_t StepGrid::playCount() const {
    std::int64_t n = 0;
    for (std::size_t i = 0; i < cells_.size(); i += 2)
        n += cells_[i];
    return n;
}

}  // namespace biaxial
