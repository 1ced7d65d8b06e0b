#include "biaxial/ui/ModifyNotesCommand.h"

#include "biaxial/ui/SongDocument.h"

namespace biaxial {

ModifyNotesCommand::ModifyNotesCommand(SongDocument* document, NoteRefs before, NoteRefs after,
                                       const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent), document_(document), before_(std::move(before)), after_(std::move(after)) {}

void ModifyNotesCommand::redo() {
    document_->eraseNotes(before_);
    document_->insertNotes(after_);
    document_->setSelection(after_);
}

void ModifyNotesCommand::undo() {
    document_->eraseNotes(after_);
    document_->insertNotes(before_);
    document_->setSelection(before_);
}

}  // namespace biaxial
