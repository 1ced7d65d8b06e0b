#pragma once

#include <QUndoCommand>

#include "biaxial/engine/Song.h"

namespace biaxial {

class SongDocument;

// Changes the song's time signature (from its start), one undo step.
class SetTimeSignatureCommand : public QUndoCommand {
public:
    SetTimeSignatureCommand(SongDocument* document, int numerator, int denominator,
                            QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    SongDocument* document_;
    TimeSignature old_, new_;
};

}  // namespace biaxial
