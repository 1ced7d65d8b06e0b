#pragma once

// Tiny inputs the command-line tests make themselves: seeds, a corpus, a model, a dataset.
#include <fstream>
#include <random>
#include <string>

#include "biaxial/engine/MidiFileWriter.h"
#include "biaxial/engine/Song.h"
#include "biaxial/model/Model.h"

namespace biaxial::test {

// `bars` bars of a meter (numerator/4) of random eighth-note chords in the middle of the range,
// the last ending on the last bar line.
inline Song chordSong(int bars, std::uint32_t seed, int numerator = 4, int ticksPerQuarter = 480) {
    Song song;
    song.ticksPerQuarter = ticksPerQuarter;
    song.timeSignatures.push_back({0, numerator, 4});
    song.tracks.emplace_back();
    std::mt19937 rng(seed);
    const std::int64_t eighth = ticksPerQuarter / 2;
    const std::int64_t eighths = bars * numerator * 2;
    for (std::int64_t t = 0; t < eighths; ++t) {
        const int notes = 1 + static_cast<int>(rng() % 3);
        for (int k = 0; k < notes; ++k) {
            const std::int64_t length =
                t + 1 < eighths ? 1 + static_cast<int>(rng() % 2) : 1;  // ends on the bar line
            song.tracks[0].notes.push_back(
                Note{60 + static_cast<int>(rng() % 12), t * eighth, eighth * length, 80, 0});
        }
    }
    song.normalise();
    return song;
}

inline bool writeSong(const Song& song, const std::string& path) {
    return !MidiFileWriter::writeFile(song, path).has_value();
}

inline bool writeTinyModel(const std::string& path) {
    auto model = Model::create(ModelConfig::tiny(), 7);
    return model && model->save(path);
}

// A benchmark-style JSON dataset ({train, valid, test}, frames of MIDI pitches).
inline bool writeTinyDataset(const std::string& path) {
    std::ofstream out(path);
    auto piece = [](int offset) {
        std::string s = "[";
        for (int f = 0; f < 40; ++f) {
            if (f)
                s += ",";
            s += "[" + std::to_string(60 + (f + offset) % 7) + "," + std::to_string(67 + (f + offset) % 5) +
                 "]";
        }
        return s + "]";
    };
    out << "{\"train\": [" << piece(0) << "," << piece(1) << "], \"valid\": [" << piece(2) << "], \"test\": ["
        << piece(3) << "]}";
    return static_cast<bool>(out);
}

}  // namespace biaxial::test
