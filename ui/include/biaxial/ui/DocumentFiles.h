#pragma once

#include <QObject>
#include <QString>

#include "biaxial/engine/MidiError.h"
#include "biaxial/engine/Song.h"

class QWidget;

namespace biaxial {

class Autosaver;
class IUserDialogs;
class RecentFiles;
class SongDocument;
class Transport;

// The document's files: New, Open, Save, Save As, Export MIDI and WAV, the unsaved-changes
// question, the Open Recent list and the folder the file dialogs start in. A project is a
// MIDI file: reading replaces the document only when the whole file was read. The main
// window owns it and forwards its own file methods here; `window` is the parent of the
// dialogs and the WAV export's progress. Everything passed in must outlive this object.
// GUI thread.
class DocumentFiles : public QObject {
    Q_OBJECT
public:
    DocumentFiles(QWidget* window, IUserDialogs* dialogs, SongDocument* document, Transport* transport,
                  Autosaver* autosaver);

    RecentFiles* recentFiles() const { return recent_; }

    // Each asks about unsaved changes first (except loadFile/saveTo) and returns success.
    void newDocument();
    bool openFile(const QString& path);
    // Reads `path`; only on success replaces the document (warnings shown). No question asked.
    bool loadFile(const QString& path);
    // The document from an already read file (warnings shown): what loadFile and openFile share.
    bool apply(const QString& path, Result<Song> result);
    // The error of a file that could not be read, shown and in the status bar.
    void showOpenError(const QString& path, const MidiError& error);
    bool save();
    bool saveAs();
    bool saveTo(const QString& path);
    bool exportMidi(const QString& path);
    // Renders the song to a WAV file on a worker thread with a progress dialog.
    void exportWav(const QString& path);
    // The unsaved-changes prompt: true when the caller may go on (saved or discarded). `doing`
    // completes "Save the changes ... before ...?" (default: closing).
    bool maybeSave(const QString& doing = QString());

    // The File menu's commands that first ask for a file name (nothing happens on Cancel).
    void chooseAndOpen();
    void chooseAndExportMidi();
    void chooseAndExportWav();

signals:
    // For the status bar.
    void statusMessage(const QString& text, int timeoutMs);

private:
    QString lastDirectory() const;
    void rememberDirectory(const QString& file);
    void status(const QString& text, int timeoutMs = 4000) { emit statusMessage(text, timeoutMs); }

    QWidget* window_;
    IUserDialogs* dialogs_;
    SongDocument* document_;
    Transport* transport_;
    Autosaver* autosaver_;
    RecentFiles* recent_;
};

}  // namespace biaxial
