#pragma once

#include <QUndoCommand>
#include <vector>

namespace biaxial {

class SongDocument;

// Sets the song's instrument (the General MIDI program of every track), one undo step; undo
// gives each track its own program back.
class SetProgramCommand : public QUndoCommand {
public:
    SetProgramCommand(SongDocument* document, int program, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    SongDocument* document_;
    std::vector<int> old_;
    int new_;
};

}  // namespace biaxial
