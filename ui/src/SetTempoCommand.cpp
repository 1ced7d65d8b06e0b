#include "biaxial/ui/SetTempoCommand.h"

#include <QCoreApplication>

#include "biaxial/ui/SongDocument.h"

namespace biaxial {

SetTempoCommand::SetTempoCommand(SongDocument* document, int newMicrosPerQuarter, QUndoCommand* parent)
    : QUndoCommand(parent),
      document_(document),
      old_(document->microsPerQuarter()),
      new_(newMicrosPerQuarter) {
    setText(
        QCoreApplication::translate("biaxial", "Set tempo to %1 BPM").arg(60'000'000.0 / new_, 0, 'f', 1));
}

void SetTempoCommand::redo() {
    document_->setMicrosPerQuarter(new_);
}
void SetTempoCommand::undo() {
    document_->setMicrosPerQuarter(old_);
}

bool SetTempoCommand::mergeWith(const QUndoCommand* other) {
    if (other->id() != id())
        return false;
    new_ = static_cast<const SetTempoCommand*>(other)->new_;
    setText(
        QCoreApplication::translate("biaxial", "Set tempo to %1 BPM").arg(60'000'000.0 / new_, 0, 'f', 1));
    return true;
}

}  // namespace biaxial
