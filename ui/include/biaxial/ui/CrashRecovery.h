#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace biaxial {

class Autosaver;
class IUserDialogs;
class SongDocument;

// Recovery after a crash: finds the newest autosave that a studio left behind in the
// autosave folder and offers to bring it back as unsaved work; a declined or unreadable
// one is removed so that the question is not asked again. The main window asks it once at
// start. Everything passed in must outlive this object. GUI thread.
class CrashRecovery : public QObject {
    Q_OBJECT
public:
    CrashRecovery(QWidget* window, IUserDialogs* dialogs, SongDocument* document, Autosaver* autosaver,
                  QString autosaveDirectory);

    // Asks about the newest recoverable autosave, if there is one. True when a song was
    // recovered into the document.
    bool offer();

signals:
    // For the status bar.
    void statusMessage(const QString& text, int timeoutMs);

private:
    QWidget* window_;
    IUserDialogs* dialogs_;
    SongDocument* document_;
    Autosaver* autosaver_;
    QString directory_;
};

}  // namespace biaxial
