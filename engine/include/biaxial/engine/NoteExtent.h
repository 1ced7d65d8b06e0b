#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "biaxial/engine/Note.h"

namespace biaxial {

// What a set of notes spans: earliest start, latest end, lowest and highest pitch, shortest
// and longest length. The one place where the editor, the main window and the Continue
// panel take the bounds of a selection, a clipboard or a track, so that an empty set means
// the same thing everywhere (count 0, every bound 0). A value.
struct NoteExtent {
    std::int64_t start = 0;  // the earliest start
    std::int64_t end = 0;    // the latest end (start + length)
    int lowPitch = 0;
    int highPitch = 0;
    std::int64_t shortest = 0;  // the shortest length
    std::int64_t longest = 0;   // the longest length
    std::size_t count = 0;

    bool empty() const { return count == 0; }
    // Widens the extent to hold `note`.
    void add(const Note& note);

    static NoteExtent of(const std::vector<Note>& notes);
    // Of any range whose items hold a note: `noteOf(item)` returns it (a NoteRef's .note).
    template <class Range, class NoteOf>
    static NoteExtent of(const Range& items, NoteOf noteOf) {
        NoteExtent extent;
        for (const auto& item : items)
            extent.add(noteOf(item));
        return extent;
    }
};

}  // namespace biaxial
