#include "biaxial/ui/CrashRecovery.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QWidget>

#include "biaxial/engine/MidiFileReader.h"
#include "biaxial/ui/Autosaver.h"
#include "biaxial/ui/IUserDialogs.h"
#include "biaxial/ui/SongDocument.h"

namespace biaxial {

CrashRecovery::CrashRecovery(QWidget* window, IUserDialogs* dialogs, SongDocument* document,
                             Autosaver* autosaver, QString autosaveDirectory)
    : QObject(window),
      window_(window),
      dialogs_(dialogs),
      document_(document),
      autosaver_(autosaver),
      directory_(std::move(autosaveDirectory)) {}

bool CrashRecovery::offer() {
    const QList<Autosaver::Recovery> found = Autosaver::findRecoverable(directory_);
    if (found.isEmpty())
        return false;
    const Autosaver::Recovery& newest = found.front();
    const QString name =
        newest.originalPath.isEmpty() ? tr("an untitled song") : QFileInfo(newest.originalPath).fileName();
    const bool yes = dialogs_->askYesNo(
        window_, tr("Recover unsaved work?"),
        tr("Biaxial Studio did not close properly. Recover the unsaved changes to %1 from %2?")
            .arg(name, QLocale().toString(newest.savedAt, QLocale::ShortFormat)));
    if (!yes) {
        Autosaver::removeRecovery(newest);
        return false;
    }
    Result<Song> result = MidiFileReader::readFile(QFile::encodeName(newest.autosavePath).toStdString());
    if (!result.ok()) {
        dialogs_->showError(window_, tr("Cannot recover"), QString::fromStdString(result.error().message()));
        Autosaver::removeRecovery(newest);
        return false;
    }
    // Recovered work is unsaved work: modified until the user saves it.
    document_->reset(std::move(result).value(), newest.originalPath, true);
    Autosaver::removeRecovery(newest);
    autosaver_->saveNow();
    emit statusMessage(tr("Recovered %1").arg(name), 8000);
    return true;
}

}  // namespace biaxial
