#pragma once

#include <QUndoCommand>

#include "biaxial/ui/NoteRef.h"

namespace biaxial {

class SongDocument;

// Adds notes (drawing, paste, accepting a Continue variation) and selects them.
// Undo removes them and restores the previous selection. GUI thread.
class AddNotesCommand : public QUndoCommand {
public:
    AddNotesCommand(SongDocument* document, NoteRefs notes, const QString& text = {},
                    QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    SongDocument* document_;
    NoteRefs notes_;
    NoteRefs previousSelection_;
};

}  // namespace biaxial
