#pragma once

// Helpers shared by the ML-UI tests: a tiny model file and a tiny MIDI corpus, both built
// by the test itself with fixed seeds.
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QString>
#include <QTemporaryDir>
#include <cstdint>
#include <functional>
#include <random>
#include <string>

#include "biaxial/engine/MidiFileWriter.h"
#include "biaxial/engine/Song.h"
#include "biaxial/model/Model.h"

namespace biaxial::test {

// Runs the event loop until `done` holds (true) or the time is up (false).
inline bool waitUntil(const std::function<bool()>& done, int timeoutMs = 60000) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

// Writes a tiny-config model with fixed random weights; returns its path (empty on failure).
inline QString writeTinyModel(const QTemporaryDir& dir, const QString& name = QStringLiteral("tiny.pt")) {
    std::string error;
    auto model = Model::create(ModelConfig::tiny(), 7, &error);
    if (!model) {
        return {};
    }
    model->setMetadata("name", "tiny test model");
    model->setMetadata("corpus", "none (random weights)");
    const QString path = dir.filePath(name);
    return model->save(path.toStdString(), &error) ? path : QString();
}

// A piano song of `bars` 4/4 bars of random chords in the middle of the range.
inline Song randomSong(int bars, std::uint32_t seed, int ticksPerQuarter = 480) {
    Song song;
    song.ticksPerQuarter = ticksPerQuarter;
    song.tracks.emplace_back();
    std::mt19937 rng(seed);
    const std::int64_t eighth = ticksPerQuarter / 2;
    for (std::int64_t t = 0; t < bars * 8; ++t) {
        const int notes = 1 + static_cast<int>(rng() % 3);
        for (int k = 0; k < notes; ++k) {
            Note n;
            n.pitch = 48 + static_cast<int>(rng() % 24);
            n.start = t * eighth;
            n.length = eighth * (1 + static_cast<int>(rng() % 2));
            n.velocity = 80;
            song.tracks[0].notes.push_back(n);
        }
    }
    song.normalise();
    return song;
}

inline bool writeSong(const Song& song, const QString& path) {
    return !MidiFileWriter::writeFile(song, path.toStdString()).has_value();
}

}  // namespace biaxial::test
