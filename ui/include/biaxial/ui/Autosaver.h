#pragma once

#include <QDateTime>
#include <QList>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>

namespace biaxial {

class SongDocument;

// Writes the modified document every few seconds to a session file in a folder (by default
// QStandardPaths::AppDataLocation/autosave), as a MIDI file plus a ".path" note of the
// document's own file. Each running studio holds a QLockFile beside its session file; a
// session file whose lock is free after start-up was left by a studio that crashed, and
// findRecoverable() offers it. A clean exit removes the session file. GUI thread.
class Autosaver : public QObject {
    Q_OBJECT
public:
    struct Recovery {
        QString autosavePath;  // the MIDI file to load
        QString originalPath;  // the document's own file, empty for an untitled song
        QDateTime savedAt;
    };

    Autosaver(SongDocument* document, const QString& directory, QObject* parent = nullptr);
    // A clean exit: the session file goes.
    ~Autosaver() override;

    static QString defaultDirectory();
    // Session files of studios that are no longer running, newest first.
    static QList<Recovery> findRecoverable(const QString& directory);
    static void removeRecovery(const Recovery& recovery);

    void setIntervalSeconds(int seconds);
    int intervalSeconds() const;
    void start();
    void stop();
    // Writes the document now if it changed since the last autosave and is modified; a
    // clean document removes the session file instead. False (and `error`) on a write error.
    bool saveNow(QString* error = nullptr);
    // Removes the session file (after a save, or New/Open of a clean document).
    void discard();
    // Leaves the session file and releases the lock, as a crash would. For tests.
    void abandon();
    QString autosavePath() const { return midiPath_; }

signals:
    void autosaved(const QString& path);
    void failed(const QString& error);

private:
    SongDocument* document_;
    QString directory_;
    QString midiPath_;
    QString pathNote_;
    std::unique_ptr<QLockFile> lock_;
    QTimer timer_;
    std::uint64_t savedRevision_ = ~0ull;
    bool abandoned_ = false;
};

}  // namespace biaxial
