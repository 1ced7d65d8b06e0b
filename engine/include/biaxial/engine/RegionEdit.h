#pragma once

#include <cstdint>
#include <vector>

#include "biaxial/engine/Song.h"

namespace biaxial {

// What regenerating a region of a song does to it, the same for the studio's Regenerate
// selection and `biaxial infill`: the unlocked notes that start inside [start, end) are
// replaced; locked notes and everything outside the region stay as they are.
class RegionEdit {
public:
    static bool replaces(const Note& note, std::int64_t start, std::int64_t end) {
        return !note.locked && note.start >= start && note.start < end;
    }
    // The song with the region's replaced notes removed and `added` put on `track` (a new
    // track named `trackName` when `track` is past the last one).
    static Song apply(const Song& song, std::int64_t start, std::int64_t end, const std::vector<Note>& added,
                      int track, const char* trackName = "regenerated");
};

}  // namespace biaxial
