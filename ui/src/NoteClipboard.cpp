#include "biaxial/ui/NoteClipboard.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QTextStream>
#include <algorithm>

namespace biaxial {

namespace {
constexpr int kMaxClipboardNotes = 200000;
}

QByteArray NoteClipboard::encode(const NoteRefs& notes, int ticksPerQuarter) {
    QByteArray out;
    QTextStream s(&out);
    std::int64_t first = notes.empty() ? 0 : notes.front().note.start;
    for (const NoteRef& r : notes)
        first = std::min(first, r.note.start);
    s << "biaxial-notes 1 " << ticksPerQuarter << "\n";
    for (const NoteRef& r : notes)
        s << r.track << ' ' << r.note.pitch << ' ' << (r.note.start - first) << ' ' << r.note.length << ' '
          << r.note.velocity << ' ' << r.note.channel << "\n";
    s.flush();
    return out;
}

NoteRefs NoteClipboard::decode(const QByteArray& data, int ticksPerQuarter) {
    QTextStream s(data);
    QString magic;
    int version = 0, tpq = 0;
    s >> magic >> version >> tpq;
    if (magic != QLatin1String("biaxial-notes") || version != 1 || tpq <= 0 || ticksPerQuarter <= 0)
        return {};
    NoteRefs notes;
    while (!s.atEnd() && static_cast<int>(notes.size()) < kMaxClipboardNotes) {
        qint64 start = 0, length = 0;
        int track = 0, pitch = 0, velocity = 0, channel = 0;
        s >> track >> pitch >> start >> length >> velocity >> channel;
        if (s.status() != QTextStream::Ok)
            break;
        if (track < 0 || track > 255 || pitch < 0 || pitch > 127 || start < 0 || length <= 0)
            continue;
        Note n;
        n.pitch = pitch;
        n.start = start * ticksPerQuarter / tpq;
        n.length = std::max<qint64>(1, length * ticksPerQuarter / tpq);
        n.velocity = std::clamp(velocity, 1, 127);
        n.channel = std::clamp(channel, 0, 15);
        notes.push_back({track, n});
    }
    return notes;
}

void NoteClipboard::copy(const NoteRefs& notes, int ticksPerQuarter) {
    auto* mime = new QMimeData;
    mime->setData(kMimeType, encode(notes, ticksPerQuarter));
    QGuiApplication::clipboard()->setMimeData(mime);
}

NoteRefs NoteClipboard::paste(int ticksPerQuarter) {
    const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
    if (!mime || !mime->hasFormat(kMimeType))
        return {};
    return decode(mime->data(kMimeType), ticksPerQuarter);
}

}  // namespace biaxial
