#include "biaxial/ui/RecordingTake.h"

#include <QCoreApplication>
#include <algorithm>

#include "biaxial/engine/Metronome.h"
#include "biaxial/ui/AddNotesCommand.h"
#include "biaxial/ui/Plural.h"
#include "biaxial/ui/SongDocument.h"
#include "biaxial/ui/Transport.h"

namespace biaxial {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("MainWindow", text);
}

}  // namespace

bool RecordingTake::start(Transport* transport, const SongDocument* document, QString* error) {
    const std::int64_t before = transport->position();
    if (!transport->isPlaying() && transport->metronome())
        transport->seek(std::max<std::int64_t>(0, before - Metronome::barTicks(document->song(), before)));
    if (!transport->startRecording(error)) {
        transport->seek(before);
        return false;
    }
    if (!transport->isPlaying())
        transport->play();
    return true;
}

QString RecordingTake::finish(Transport* transport, SongDocument* document) {
    if (!transport->isRecording())
        return {};
    const std::vector<Note> notes = transport->stopRecording();
    if (notes.empty())
        return tr("Nothing was recorded");
    NoteRefs refs;
    for (const Note& n : notes)
        refs.push_back({document->editTrack(), n});
    document->undoStack()->push(new AddNotesCommand(document, refs, tr("Record")));
    return tr("Recorded %1").arg(countOf(static_cast<qint64>(notes.size()), tr("note"), tr("notes")));
}

}  // namespace biaxial
