#include "biaxial/ui/NoteRef.h"

namespace biaxial {

std::vector<Note> notesOf(const NoteRefs& refs) {
    std::vector<Note> notes;
    notes.reserve(refs.size());
    for (const NoteRef& r : refs)
        notes.push_back(r.note);
    return notes;
}

}  // namespace biaxial
