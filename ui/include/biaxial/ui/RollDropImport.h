#pragma once

#include <QObject>
#include <QString>
#include <cstdint>

namespace biaxial {

class PianoRollWidget;

// A MIDI file dropped onto the roll is imported where it lands: its notes, starting at the
// beat under the drop point (the file's own first bar on that beat), onto the edited track, one
// undo step, selected. Dropped elsewhere on the window a file opens as a song (MainWindow).
// Installed on the roll's viewport. GUI thread.
class RollDropImport : public QObject {
    Q_OBJECT
public:
    explicit RollDropImport(PianoRollWidget* roll);
    // The import itself: "" when done, else why not (the file named).
    QString importAt(const QString& path, std::int64_t tick);

signals:
    void statusMessage(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    PianoRollWidget* roll_;
};

}  // namespace biaxial
