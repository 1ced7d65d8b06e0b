#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace biaxial {

// Finds pieces saved by name (a checkpoint's validation split) among the pieces given now.
// Names are file paths, and the same corpus can be given as another path (relative instead of
// absolute, or moved to another folder or machine), so a saved name matches the piece that
// shares the longest run of trailing path components with it: "/a/corpus/Bach/x.mid" finds
// "../corpus/Bach/x.mid". A name whose best match is not unique, or that shares not even its
// file name with any piece, is an error: resuming must never quietly train on held-out pieces.
class PieceMatcher {
public:
    struct Result {
        bool ok = false;
        std::vector<std::size_t> index;  // per wanted name, its index in `available`
        std::string error;               // names what is missing or ambiguous
    };
    static Result match(const std::vector<std::string>& wanted, const std::vector<std::string>& available);
};

}  // namespace biaxial
