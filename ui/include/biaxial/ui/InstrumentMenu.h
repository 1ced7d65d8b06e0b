#pragma once

#include <QMenu>

namespace biaxial {

class SongDocument;

// Transport > Instrument: the song's General MIDI program, in the 16 families of 8, the current
// one checked. Choosing one is an undo step (SetProgramCommand); it is heard on the next play
// and saved in the MIDI file.
class InstrumentMenu : public QMenu {
    Q_OBJECT
public:
    InstrumentMenu(SongDocument* document, QWidget* parent = nullptr);

private:
    void showCurrent();
    SongDocument* document_;
    QList<QAction*> programs_;
};

}  // namespace biaxial
