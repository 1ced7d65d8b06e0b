#include "biaxial/ui/Autosaver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStandardPaths>

#include "biaxial/engine/AtomicFile.h"
#include "biaxial/engine/MidiFileWriter.h"
#include "biaxial/ui/SongDocument.h"

namespace biaxial {

namespace {
constexpr int kDefaultIntervalSeconds = 30;

QString lockPathOf(const QString& midiPath) {
    return midiPath.chopped(4) + QStringLiteral(".lock");
}
QString pathNoteOf(const QString& midiPath) {
    return midiPath.chopped(4) + QStringLiteral(".path");
}
}  // namespace

Autosaver::Autosaver(SongDocument* document, const QString& directory, QObject* parent)
    : QObject(parent), document_(document), directory_(directory) {
    QDir().mkpath(directory_);
    const QString name = QStringLiteral("session-%1-%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    midiPath_ = QDir(directory_).filePath(name + QStringLiteral(".mid"));
    pathNote_ = pathNoteOf(midiPath_);
    lock_ = std::make_unique<QLockFile>(lockPathOf(midiPath_));
    lock_->setStaleLockTime(0);  // only a dead owner makes a lock stale, never its age
    lock_->tryLock(0);
    timer_.setInterval(kDefaultIntervalSeconds * 1000);
    connect(&timer_, &QTimer::timeout, this, [this] {
        QString error;
        if (!saveNow(&error))
            emit failed(error);
    });
}

Autosaver::~Autosaver() {
    if (!abandoned_)
        discard();
}

QString Autosaver::defaultDirectory() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("autosave"));
}

QList<Autosaver::Recovery> Autosaver::findRecoverable(const QString& directory) {
    QList<Recovery> found;
    const QDir dir(directory);
    const QFileInfoList files = dir.entryInfoList({QStringLiteral("session-*.mid")}, QDir::Files, QDir::Time);
    for (const QFileInfo& info : files) {
        QLockFile lock(lockPathOf(info.absoluteFilePath()));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue;  // its studio is still running
        lock.unlock();
        Recovery r;
        r.autosavePath = info.absoluteFilePath();
        r.savedAt = info.lastModified();
        QFile note(pathNoteOf(r.autosavePath));
        if (note.open(QIODevice::ReadOnly))
            r.originalPath = QString::fromUtf8(note.readAll()).trimmed();
        found << r;
    }
    return found;
}

void Autosaver::removeRecovery(const Recovery& recovery) {
    QFile::remove(recovery.autosavePath);
    QFile::remove(pathNoteOf(recovery.autosavePath));
    QFile::remove(lockPathOf(recovery.autosavePath));
}

void Autosaver::setIntervalSeconds(int seconds) {
    timer_.setInterval(std::max(1, seconds) * 1000);
}
int Autosaver::intervalSeconds() const {
    return timer_.interval() / 1000;
}
void Autosaver::start() {
    timer_.start();
}
void Autosaver::stop() {
    timer_.stop();
}

bool Autosaver::saveNow(QString* error) {
    if (!document_->isModified()) {
        discard();
        return true;
    }
    if (document_->revision() == savedRevision_ && QFileInfo::exists(midiPath_))
        return true;
    const std::vector<std::uint8_t> bytes = MidiFileWriter::toBytes(document_->song());
    std::string why;
    if (!AtomicFile::write(midiPath_.toStdString(), bytes, &why) ||
        !AtomicFile::write(pathNote_.toStdString(), document_->filePath().toStdString(), &why)) {
        if (error)
            *error = tr("Autosave failed: %1").arg(QString::fromStdString(why));
        return false;
    }
    savedRevision_ = document_->revision();
    emit autosaved(midiPath_);
    return true;
}

void Autosaver::discard() {
    QFile::remove(midiPath_);
    QFile::remove(pathNote_);
    savedRevision_ = ~0ull;
}

void Autosaver::abandon() {
    abandoned_ = true;
    timer_.stop();
    lock_->unlock();
}

}  // namespace biaxial
