#pragma once

#include <cstdint>

#include "biaxial/engine/NoteExtent.h"
#include "biaxial/ui/NoteRef.h"

namespace biaxial {

// The edits the piano roll makes to selected notes, as plain functions of the notes: no
// widget, no document, no undo stack, so that each rule (what is clamped, what counts as no
// change) is tested on its own and the roll only turns the result into an undo command.
// Each edit returns the new notes parallel to its input (after[i] is the new value of
// notes[i], as ModifyNotesCommand wants them); a result equal to the input means that there
// is nothing to do.
class SelectionEdits {
public:
    // Every pitch moves by `semitones`, limited so that all stay in 0..127.
    static NoteRefs transposed(const NoteRefs& notes, int semitones);
    // Every start moves by `ticks`, limited so that none starts before 0.
    static NoteRefs moved(const NoteRefs& notes, std::int64_t ticks);
    // Starts and ends round to the nearest multiple of `step`; a note that would shrink to
    // nothing keeps one step.
    static NoteRefs quantized(const NoteRefs& notes, std::int64_t step);
    // Every velocity changes by `delta`, or becomes `velocity`, within 1..127.
    static NoteRefs velocityChanged(const NoteRefs& notes, int delta);
    static NoteRefs velocitySet(const NoteRefs& notes, int velocity);
    // The median velocity of the notes (100 for none): where typing a velocity starts.
    static int medianVelocity(const NoteRefs& notes);
    // Locks every note when any is unlocked, else unlocks them all (Note::locked: generation
    // keeps locked notes and conditions the rest on them).
    static NoteRefs lockToggled(const NoteRefs& notes);
    // Clipboard notes (starting at 0) placed at tick `at`; notes of a track the song does not
    // have (it has `trackCount`) go to `editTrack`.
    static NoteRefs pasted(NoteRefs clip, std::int64_t at, int trackCount, int editTrack);

    // The limits a drag obeys, for notes that span `extent`: a move by `ticks` and
    // `semitones` that keeps every note on the roll, and a change of length that leaves the
    // shortest note at least min(step, its length) long.
    static std::int64_t clampMove(const NoteExtent& extent, std::int64_t ticks);
    static int clampTranspose(const NoteExtent& extent, int semitones);
    static std::int64_t clampResize(const NoteExtent& extent, std::int64_t ticks, std::int64_t step);
};

}  // namespace biaxial
