#include "biaxial/ui/MidiDragOut.h"

#include <QDir>
#include <QDrag>
#include <QMimeData>
#include <QRegularExpression>
#include <QUrl>
#include <QWidget>
#include <algorithm>

#include "biaxial/engine/Metronome.h"
#include "biaxial/engine/MidiFileWriter.h"

namespace biaxial {

QMimeData* MidiDragOut::mimeData(const Song& timing, const std::vector<Note>& notes, const QString& name,
                                 QString* error) {
    Song song = timing;
    song.tracks.clear();
    if (!notes.empty()) {
        // The first bar the notes touch becomes the file's first bar (tempo and meter as there).
        std::int64_t first = notes.front().start;
        for (const Note& n : notes)
            first = std::min(first, n.start);
        const std::int64_t bar = Metronome::barTicks(timing, first);
        const std::int64_t shift = first / bar * bar;
        Track track;
        track.name = name.toStdString();
        for (Note n : notes) {
            n.start -= shift;
            track.notes.push_back(n);
        }
        song.tracks.push_back(std::move(track));
        for (auto& t : song.tempos)
            t.tick = std::max<std::int64_t>(0, t.tick - shift);
        for (auto& s : song.timeSignatures)
            s.tick = std::max<std::int64_t>(0, s.tick - shift);
    }
    song.normalise();
    const QString folder = QDir::temp().filePath(QStringLiteral("biaxial-studio-drag"));
    QDir().mkpath(folder);
    QString base = name;
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9 _.-]")), QStringLiteral("_"));
    const QString path = QDir(folder).filePath((base.isEmpty() ? QStringLiteral("notes") : base) + ".mid");
    if (auto err = MidiFileWriter::writeFile(song, path.toStdString())) {
        if (error)
            *error = QString::fromStdString(err->message());
        return nullptr;
    }
    auto* data = new QMimeData;
    data->setUrls({QUrl::fromLocalFile(path)});
    return data;
}

void MidiDragOut::start(QWidget* source, const Song& timing, const std::vector<Note>& notes,
                        const QString& name) {
    QString error;
    QMimeData* data = mimeData(timing, notes, name, &error);
    if (!data)
        return;
    auto* drag = new QDrag(source);
    drag->setMimeData(data);
    drag->exec(Qt::CopyAction);
}

}  // namespace biaxial
