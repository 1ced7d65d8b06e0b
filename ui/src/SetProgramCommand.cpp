#include "biaxial/ui/SetProgramCommand.h"

#include <QCoreApplication>

#include "biaxial/engine/GeneralMidi.h"
#include "biaxial/ui/SongDocument.h"

namespace biaxial {

SetProgramCommand::SetProgramCommand(SongDocument* document, int program, QUndoCommand* parent)
    : QUndoCommand(parent), document_(document), new_(program) {
    for (const auto& t : document->song().tracks)
        old_.push_back(t.program);
    setText(QCoreApplication::translate("biaxial", "Set instrument to %1")
                .arg(QString::fromStdString(GeneralMidi::programName(program))));
}

void SetProgramCommand::redo() {
    document_->setProgram(new_);
}

void SetProgramCommand::undo() {
    // Per track, as they were (a track added by redo on an empty song keeps the default 0).
    document_->setProgram(old_.empty() ? 0 : old_.front());
    document_->restoreTrackPrograms(old_);
}

}  // namespace biaxial
