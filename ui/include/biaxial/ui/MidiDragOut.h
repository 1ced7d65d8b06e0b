#pragma once

#include <QString>
#include <vector>

#include "biaxial/engine/Note.h"
#include "biaxial/engine/Song.h"

class QMimeData;
class QWidget;

namespace biaxial {

// Notes dragged out of the studio as a MIDI file, into a DAW or a file manager: the notes
// (moved so that the first bar they touch becomes bar 1) with the song's tempo and meter,
// written to a file in the temporary folder named after the song and offered as its URL.
// In the roll: Ctrl+Alt+drag on a selected note drags the selection, on another note the
// whole song. GUI thread.
class MidiDragOut {
public:
    // The drag's data (a file URL), or null and `error` when the file cannot be written.
    static QMimeData* mimeData(const Song& timing, const std::vector<Note>& notes, const QString& name,
                               QString* error);
    // Runs the drag from `source` (returns when it is dropped or cancelled).
    static void start(QWidget* source, const Song& timing, const std::vector<Note>& notes,
                      const QString& name);
};

}  // namespace biaxial
