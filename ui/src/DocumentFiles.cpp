#include "biaxial/ui/DocumentFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QWidget>

#include "biaxial/engine/MidiFileReader.h"
#include "biaxial/engine/MidiFileWriter.h"
#include "biaxial/ui/Autosaver.h"
#include "biaxial/ui/IUserDialogs.h"
#include "biaxial/ui/Plural.h"
#include "biaxial/ui/RecentFiles.h"
#include "biaxial/ui/SongDocument.h"
#include "biaxial/ui/Transport.h"
#include "biaxial/ui/WavExportJob.h"

namespace biaxial {

namespace {
const char* const kMidiFilter =
    QT_TRANSLATE_NOOP("biaxial", "MIDI files (*.mid *.midi *.MID *.kar);;All files (*)");
}  // namespace

DocumentFiles::DocumentFiles(QWidget* window, IUserDialogs* dialogs, SongDocument* document,
                             Transport* transport, Autosaver* autosaver)
    : QObject(window),
      window_(window),
      dialogs_(dialogs),
      document_(document),
      transport_(transport),
      autosaver_(autosaver),
      recent_(new RecentFiles(this)) {
    connect(recent_, &RecentFiles::openRequested, this, [this](const QString& path) { openFile(path); });
}

QString DocumentFiles::lastDirectory() const {
    return QSettings()
        .value("lastDirectory", QStandardPaths::writableLocation(QStandardPaths::MusicLocation))
        .toString();
}

void DocumentFiles::rememberDirectory(const QString& file) {
    QSettings().setValue("lastDirectory", QFileInfo(file).absolutePath());
}

void DocumentFiles::chooseAndOpen() {
    const QString path =
        dialogs_->openFileName(window_, tr("Open MIDI file"), lastDirectory(), tr(kMidiFilter));
    if (!path.isEmpty())
        openFile(path);
}

void DocumentFiles::chooseAndExportMidi() {
    // The song's name pre-filled, as Export WAV does.
    const QString suggestion =
        QDir(lastDirectory()).filePath(QFileInfo(document_->displayName()).completeBaseName() + ".mid");
    const QString path = dialogs_->saveFileName(window_, tr("Export MIDI"), suggestion, tr(kMidiFilter));
    if (!path.isEmpty())
        exportMidi(path);
}

void DocumentFiles::chooseAndExportWav() {
    const QString suggestion =
        QDir(lastDirectory()).filePath(QFileInfo(document_->displayName()).completeBaseName() + ".wav");
    const QString path =
        dialogs_->saveFileName(window_, tr("Export WAV"), suggestion, tr("WAV audio (*.wav)"));
    if (!path.isEmpty())
        exportWav(path);
}

bool DocumentFiles::maybeSave(const QString& doing) {
    if (!document_->isModified())
        return true;
    switch (dialogs_->askSaveChanges(window_, document_->displayName(),
                                     doing.isEmpty() ? tr("closing") : doing)) {
        case IUserDialogs::SaveChoice::Save:
            return save();
        case IUserDialogs::SaveChoice::Discard:
            return true;
        case IUserDialogs::SaveChoice::Cancel:
            return false;
    }
    return false;
}

void DocumentFiles::newDocument() {
    if (!maybeSave())
        return;
    document_->reset(SongDocument::emptySong(), QString());
    autosaver_->discard();
    status(tr("New song"));
}

bool DocumentFiles::openFile(const QString& path) {
    // The file is read first: a file that cannot be opened asks no question about the song
    // that stays, and the question names what happens ("before opening x.mid?").
    Result<Song> result = MidiFileReader::readFile(QFile::encodeName(path).toStdString());
    if (!result.ok()) {
        showOpenError(path, result.error());
        return false;
    }
    if (!maybeSave(tr("opening %1").arg(QFileInfo(path).fileName())))
        return false;
    return apply(path, std::move(result));
}

bool DocumentFiles::loadFile(const QString& path) {
    // Parse into a temporary; the document changes only when the whole file was read.
    Result<Song> result = MidiFileReader::readFile(QFile::encodeName(path).toStdString());
    if (!result.ok()) {
        showOpenError(path, result.error());
        return false;
    }
    return apply(path, std::move(result));
}

void DocumentFiles::showOpenError(const QString& path, const MidiError& error) {
    dialogs_->showError(window_, tr("Cannot open file"),
                        tr("The file could not be opened:\n%1").arg(QString::fromStdString(error.message())));
    status(tr("Could not open %1").arg(QFileInfo(path).fileName()), 8000);
}

bool DocumentFiles::apply(const QString& path, Result<Song> result) {
    const QString name = QFileInfo(path).fileName();
    transport_->stop();
    QStringList warnings;
    for (const std::string& w : result.warnings())
        warnings << QString::fromStdString(w);
    document_->reset(std::move(result).value(), QFileInfo(path).absoluteFilePath());
    autosaver_->discard();
    recent_->add(path);
    rememberDirectory(path);
    if (!warnings.isEmpty()) {
        dialogs_->showWarnings(window_, tr("Opened with repairs"),
                               tr("%1 was opened; repaired: %2.")
                                   .arg(name, countOf(warnings.size(), tr("problem"), tr("problems"))),
                               warnings);
        status(tr("Opened %1 (%2)").arg(name, countOf(warnings.size(), tr("warning"), tr("warnings"))), 8000);
    } else {
        status(tr("Opened %1: %2")
                   .arg(name, countOf(static_cast<qint64>(document_->noteCount()), tr("note"), tr("notes"))));
    }
    return true;
}

bool DocumentFiles::save() {
    if (document_->filePath().isEmpty())
        return saveAs();
    return saveTo(document_->filePath());
}

bool DocumentFiles::saveAs() {
    QString suggestion = document_->filePath();
    if (suggestion.isEmpty())
        suggestion = QDir(lastDirectory()).filePath(tr("Untitled.mid"));
    QString path = dialogs_->saveFileName(window_, tr("Save song as MIDI"), suggestion, tr(kMidiFilter));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".mid");
    return saveTo(path);
}

bool DocumentFiles::saveTo(const QString& path) {
    if (auto error = MidiFileWriter::writeFile(document_->song(), QFile::encodeName(path).toStdString())) {
        dialogs_->showError(
            window_, tr("Cannot save file"),
            tr("The song could not be saved:\n%1").arg(QString::fromStdString(error->message())));
        return false;
    }
    document_->setFilePath(QFileInfo(path).absoluteFilePath());
    document_->markSaved();
    autosaver_->discard();
    recent_->add(path);
    rememberDirectory(path);
    status(tr("Saved %1").arg(QFileInfo(path).fileName()));
    return true;
}

bool DocumentFiles::exportMidi(const QString& path) {
    if (auto error = MidiFileWriter::writeFile(document_->song(), QFile::encodeName(path).toStdString())) {
        dialogs_->showError(window_, tr("Cannot export MIDI"), QString::fromStdString(error->message()));
        return false;
    }
    rememberDirectory(path);
    status(tr("Exported %1").arg(QFileInfo(path).fileName()));
    return true;
}

void DocumentFiles::exportWav(const QString& path) {
    if (!WavExportJob::available()) {
        dialogs_->showError(window_, tr("Cannot export WAV"), WavExportJob::unavailableReason());
        return;
    }
    rememberDirectory(path);
    auto* job = new WavExportJob(document_->song(), path, this);
    connect(job, &WavExportJob::finished, this, [this, job, path](bool ok, const QString& error) {
        if (ok)
            status(tr("Exported %1").arg(QFileInfo(path).fileName()));
        else if (!error.isEmpty())
            dialogs_->showError(window_, tr("Cannot export WAV"), error);
        else
            status(tr("WAV export cancelled"));
        job->deleteLater();
    });
    job->start(window_);
}

}  // namespace biaxial
