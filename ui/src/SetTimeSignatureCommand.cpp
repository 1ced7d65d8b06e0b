#include "biaxial/ui/SetTimeSignatureCommand.h"

#include <QCoreApplication>

#include "biaxial/ui/SongDocument.h"

namespace biaxial {

SetTimeSignatureCommand::SetTimeSignatureCommand(SongDocument* document, int numerator, int denominator,
                                                 QUndoCommand* parent)
    : QUndoCommand(parent),
      document_(document),
      old_(document->timeSignature()),
      new_{0, numerator, denominator} {
    setText(QCoreApplication::translate("biaxial", "Set time signature to %1/%2")
                .arg(numerator)
                .arg(denominator));
}

void SetTimeSignatureCommand::redo() {
    document_->setTimeSignature(new_.numerator, new_.denominator);
}

void SetTimeSignatureCommand::undo() {
    document_->setTimeSignature(old_.numerator, old_.denominator);
}

}  // namespace biaxial
