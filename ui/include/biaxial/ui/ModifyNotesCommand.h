#pragma once

#include <QUndoCommand>

#include "biaxial/ui/NoteRef.h"

namespace biaxial {

class SongDocument;

// Replaces notes by new values: move, resize, transpose, velocity, quantize. `before` and
// `after` are parallel (after[i] is the new value of before[i]). The new notes end up
// selected, so that repeated arrow-key transposes act on the same notes. GUI thread.
class ModifyNotesCommand : public QUndoCommand {
public:
    ModifyNotesCommand(SongDocument* document, NoteRefs before, NoteRefs after, const QString& text,
                       QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    SongDocument* document_;
    NoteRefs before_;
    NoteRefs after_;
};

}  // namespace biaxial
