#pragma once

#include <QUndoCommand>

namespace biaxial {

class SongDocument;

// Sets the tempo at tick 0. Consecutive changes (spinning the tempo box) merge into one
// undo step. GUI thread.
class SetTempoCommand : public QUndoCommand {
public:
    static constexpr int kId = 0x7e3b0;

    SetTempoCommand(SongDocument* document, int newMicrosPerQuarter, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return kId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    SongDocument* document_;
    int old_;
    int new_;
};

}  // namespace biaxial
