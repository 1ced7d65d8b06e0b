#pragma once

#include <QString>

namespace biaxial {

class SongDocument;
class Transport;

// Recording from the MIDI keyboard, as the Record action does it: starting (with the metronome
// on, a bar of count-in: playback starts a bar early, so that the recording's clock and the
// playback's agree from the first click) and ending (the take onto the edited track, one undo
// step). GUI thread.
class RecordingTake {
public:
    // False and a sentence when no recording can start (no keyboard); the playhead is unchanged.
    static bool start(Transport* transport, const SongDocument* document, QString* error);
    // Ends a running recording and adds its notes; the sentence for the status bar ("" when
    // nothing was recording).
    static QString finish(Transport* transport, SongDocument* document);
};

}  // namespace biaxial
