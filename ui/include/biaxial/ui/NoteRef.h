#pragma once

#include <vector>

#include "biaxial/engine/Note.h"
#include "biaxial/engine/NoteExtent.h"

namespace biaxial {

// A note of the document named by value: the track that holds it and the note itself.
// Documents are values (DESIGN.md §4), so a note is identified by what it is; two equal
// notes in one track are interchangeable, and removing "one of them" is well defined.
struct NoteRef {
    int track = 0;
    Note note;

    friend bool operator==(const NoteRef&, const NoteRef&) = default;
    // Total order: track, then noteLess (which compares every field of a note).
    friend bool operator<(const NoteRef& a, const NoteRef& b) {
        if (a.track != b.track)
            return a.track < b.track;
        return noteLess(a.note, b.note);
    }
};

using NoteRefs = std::vector<NoteRef>;

// The notes of `refs` without their tracks.
std::vector<Note> notesOf(const NoteRefs& refs);

// The extent of the notes of `refs` (NoteRefs, or the document's selection set).
template <class Refs>
NoteExtent extentOf(const Refs& refs) {
    return NoteExtent::of(refs, [](const NoteRef& r) -> const Note& { return r.note; });
}

}  // namespace biaxial
