#pragma once

#include <QString>
#include <vector>

#include "biaxial/ui/NoteRef.h"

class QMimeData;

namespace biaxial {

// Copies notes through the system clipboard as text in our own MIME type (times relative
// to the first note, in ticks at the song's resolution). Parsing is strict and bounded:
// a foreign or damaged clipboard yields no notes. GUI thread.
class NoteClipboard {
public:
    static constexpr const char* kMimeType = "application/x-biaxial-notes";

    static QByteArray encode(const NoteRefs& notes, int ticksPerQuarter);
    // Notes with starts relative to the first one, rescaled to `ticksPerQuarter`.
    static NoteRefs decode(const QByteArray& data, int ticksPerQuarter);

    static void copy(const NoteRefs& notes, int ticksPerQuarter);
    static NoteRefs paste(int ticksPerQuarter);
};

}  // namespace biaxial
