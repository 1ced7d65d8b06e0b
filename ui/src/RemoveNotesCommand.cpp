#include "biaxial/ui/RemoveNotesCommand.h"
#include "biaxial/ui/Plural.h"

#include <QCoreApplication>

#include "biaxial/ui/SongDocument.h"

namespace biaxial {

RemoveNotesCommand::RemoveNotesCommand(SongDocument* document, NoteRefs notes, const QString& text,
                                       QUndoCommand* parent)
    : QUndoCommand(parent), document_(document), notes_(std::move(notes)) {
    setText(text.isEmpty() ? QCoreApplication::translate("biaxial", "Delete %1")
                                 .arg(countOf(static_cast<qint64>(notes_.size()), "note", "notes"))
                           : text);
}

void RemoveNotesCommand::redo() {
    document_->eraseNotes(notes_);
}

void RemoveNotesCommand::undo() {
    document_->insertNotes(notes_);
    document_->setSelection(notes_);
}

}  // namespace biaxial
