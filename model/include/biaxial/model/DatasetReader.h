#pragma once

#include <optional>
#include <string>
#include <vector>

#include "biaxial/engine/StepGrid.h"

namespace biaxial {

// A benchmark dataset in the JSON layout of ../shared/data/bl2012:
// {"train": [piece...], "valid": [...], "test": [...]}, a piece = frames, a frame = pitches.
struct Dataset {
    std::vector<StepGrid> train, valid, test;
    std::int64_t droppedOutOfRange = 0;  // pitches outside the requested range
};

// Reads such a file into grids of a pitch range. A frame's notes play; articulate is set
// where a note starts (was silent in the frame before). Bar positions count frames mod 16.
// Bad input gives an empty optional and a reason naming the file and the byte offset.
class DatasetReader {
public:
    static std::optional<Dataset> readFile(const std::string& path, int lowPitch, int numNotes,
                                           std::string* error = nullptr);
    static std::optional<Dataset> parse(const std::string& text, const std::string& name, int lowPitch,
                                        int numNotes, std::string* error = nullptr);
};

}  // namespace biaxial
