#pragma once

#include <QObject>
#include <functional>

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QMainWindow;
class QToolBar;

namespace biaxial {

class PianoRollWidget;
class SongDocument;

// The main window's toolbars: File (new, open, save, undo), Edit (draw/select, snap, quantize),
// Transport (play controls, the tempo box that edits the song's tempo as an undoable command,
// the meter) and Generate (filled by the ML panels). GUI thread; owned by the window.
class StudioToolBars : public QObject {
    Q_OBJECT
public:
    using ActionLookup = std::function<QAction*(const QString& name)>;
    StudioToolBars(QMainWindow* window, const ActionLookup& action, SongDocument* document,
                   PianoRollWidget* roll);

    QToolBar* generateToolBar() const { return generate_; }
    // Shows the song's tempo without pushing an undo command (after an edit, undo or load).
    void showTempo(double bpm);
    // Selects a snap division (0, 4, 8, 16, 32) when it is one of the box's.
    void setSnapDivision(int division);

protected:
    // The window's resizes: on a narrow screen (1024x768) the Generate toolbar goes to a row of
    // its own instead of hiding its buttons behind ">>".
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fitToolBars();
    QMainWindow* window_;
    bool generateOnOwnRow_ = false;
    SongDocument* document_;
    QToolBar* generate_ = nullptr;
    QDoubleSpinBox* tempoBox_ = nullptr;
    QComboBox* snapBox_ = nullptr;
};

}  // namespace biaxial
