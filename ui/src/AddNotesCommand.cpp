#include "biaxial/ui/AddNotesCommand.h"
#include "biaxial/ui/Plural.h"

#include <QCoreApplication>

#include "biaxial/ui/SongDocument.h"

namespace biaxial {

AddNotesCommand::AddNotesCommand(SongDocument* document, NoteRefs notes, const QString& text,
                                 QUndoCommand* parent)
    : QUndoCommand(parent), document_(document), notes_(std::move(notes)) {
    setText(text.isEmpty() ? QCoreApplication::translate("biaxial", "Add %1")
                                 .arg(countOf(static_cast<qint64>(notes_.size()), "note", "notes"))
                           : text);
}

void AddNotesCommand::redo() {
    previousSelection_ = document_->selectedNotes();
    document_->insertNotes(notes_);
    document_->setSelection(notes_);
}

void AddNotesCommand::undo() {
    document_->eraseNotes(notes_);
    document_->setSelection(previousSelection_);
}

}  // namespace biaxial
