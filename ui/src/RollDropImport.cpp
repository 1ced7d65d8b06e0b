#include "biaxial/ui/RollDropImport.h"

#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

#include "biaxial/engine/MidiFileReader.h"
#include "biaxial/ui/AddNotesCommand.h"
#include "biaxial/ui/PianoRollWidget.h"
#include "biaxial/ui/Plural.h"
#include "biaxial/ui/RollGeometry.h"
#include "biaxial/ui/SongDocument.h"

namespace biaxial {

namespace {

QString droppedFile(const QMimeData* data) {
    if (data == nullptr || data->urls().size() != 1 || !data->urls().front().isLocalFile())
        return {};
    const QString path = data->urls().front().toLocalFile();
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QStringLiteral("mid") || suffix == QStringLiteral("midi") ? path : QString();
}

}  // namespace

RollDropImport::RollDropImport(PianoRollWidget* roll) : QObject(roll), roll_(roll) {
    roll->viewport()->setAcceptDrops(true);
    roll->viewport()->installEventFilter(this);
}

QString RollDropImport::importAt(const QString& path, std::int64_t tick) {
    auto read = MidiFileReader::readFile(path.toStdString());
    if (!read)
        return QString::fromStdString(read.error().message());
    Song song = read.value();
    song.normalise();
    SongDocument* document = roll_->document();
    // The file's ticks in the document's resolution, from the drop's beat on.
    const double scale =
        static_cast<double>(document->song().ticksPerQuarter) / std::max(1, song.ticksPerQuarter);
    const std::int64_t at = RollGeometry::snapFloor(tick, document->ticksPerBeat());
    NoteRefs refs;
    for (const Track& t : song.tracks)
        for (Note n : t.notes) {
            n.start = at + static_cast<std::int64_t>(std::llround(static_cast<double>(n.start) * scale));
            n.length = std::max<std::int64_t>(1, std::llround(static_cast<double>(n.length) * scale));
            refs.push_back({document->editTrack(), n});
        }
    if (refs.empty())
        return tr("%1 has no notes").arg(QFileInfo(path).fileName());
    document->undoStack()->push(
        new AddNotesCommand(document, refs, tr("Import %1").arg(QFileInfo(path).fileName())));
    document->setSelection(refs);
    emit statusMessage(tr("Imported %1 from %2")
                           .arg(countOf(static_cast<qint64>(refs.size()), tr("note"), tr("notes")),
                                QFileInfo(path).fileName()));
    return {};
}

bool RollDropImport::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
        auto* drag = static_cast<QDropEvent*>(event);
        if (!droppedFile(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (event->type() == QEvent::Drop) {
        auto* drop = static_cast<QDropEvent*>(event);
        const QString path = droppedFile(drop->mimeData());
        if (!path.isEmpty()) {
            drop->acceptProposedAction();
            const std::int64_t tick = roll_->geometry().tickAtX(drop->position().x());
            if (const QString why = importAt(path, tick); !why.isEmpty())
                emit statusMessage(why);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace biaxial
