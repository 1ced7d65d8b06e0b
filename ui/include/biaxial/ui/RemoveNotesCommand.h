#pragma once

#include <QUndoCommand>

#include "biaxial/ui/NoteRef.h"

namespace biaxial {

class SongDocument;

// Removes notes (Delete, Cut, replacing a range). Undo puts them back, selected. GUI thread.
class RemoveNotesCommand : public QUndoCommand {
public:
    RemoveNotesCommand(SongDocument* document, NoteRefs notes, const QString& text = {},
                       QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    SongDocument* document_;
    NoteRefs notes_;
};

}  // namespace biaxial
