#include "biaxial/engine/NoteExtent.h"

#include <algorithm>

namespace biaxial {

void NoteExtent::add(const Note& note) {
    if (count == 0) {
        start = note.start;
        end = note.end();
        lowPitch = highPitch = note.pitch;
        shortest = longest = note.length;
    } else {
        start = std::min(start, note.start);
        end = std::max(end, note.end());
        lowPitch = std::min(lowPitch, note.pitch);
        highPitch = std::max(highPitch, note.pitch);
        shortest = std::min(shortest, note.length);
        longest = std::max(longest, note.length);
    }
    ++count;
}

NoteExtent NoteExtent::of(const std::vector<Note>& notes) {
    NoteExtent extent;
    for (const Note& n : notes)
        extent.add(n);
    return extent;
}

}  // namespace biaxial
