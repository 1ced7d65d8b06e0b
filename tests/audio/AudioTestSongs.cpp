#include "AudioTestSongs.h"

namespace biaxial::test {
namespace {

Note note(int pitch, std::int64_t start, std::int64_t length) {
    Note n;
    n.pitch = pitch;
    n.start = start;
    n.length = length;
    n.velocity = 100;
    return n;
}

Song songWith(std::vector<Note> notes) {
    Song song;
    song.ticksPerQuarter = 480;
    Track track;
    track.name = "piano";
    track.notes = std::move(notes);
    song.tracks.push_back(track);
    song.normalise();
    return song;
}

}  // namespace

Song threeNoteSong() {
    return songWith({note(60, 0, 480), note(64, 480, 480), note(67, 960, 960)});
}

Song noteGapNoteSong() {
    return songWith({note(60, 0, 480), note(67, 2880, 480)});
}

}  // namespace biaxial::test
