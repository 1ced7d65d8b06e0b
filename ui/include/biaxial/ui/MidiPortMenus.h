#pragma once

#include <QObject>

class QMenu;
class QWidget;

namespace biaxial {

class IUserDialogs;
class Transport;

// Transport > MIDI Output and MIDI Input: the ports of each direction (or why there are
// none), listed afresh each time a menu opens since devices come and go; choosing one
// plays to it or records from it. Everything passed in must outlive this object. GUI thread.
class MidiPortMenus : public QObject {
    Q_OBJECT
public:
    // Adds both menus to `parentMenu`; `window` is the parent of error messages.
    MidiPortMenus(QMenu* parentMenu, Transport* transport, IUserDialogs* dialogs, QWidget* window);

signals:
    // For the status bar.
    void statusMessage(const QString& text, int timeoutMs);

private:
    void fill(QMenu* menu, bool input);

    Transport* transport_;
    IUserDialogs* dialogs_;
    QWidget* window_;
};

}  // namespace biaxial
