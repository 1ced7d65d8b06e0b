// `biaxial excerpt IN.mid --from-bar A --bars N --out OUT.mid`: cuts bars out of a file, e.g. to
// make a short seed for `biaxial continue` from a long piece.
#include <algorithm>
#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "biaxial/engine/MidiFileReader.h"
#include "biaxial/engine/MidiFileWriter.h"

namespace {

int runExcerpt(const std::vector<std::string>& args) {
    biaxial::cli::ArgParser p({"from-bar", "bars", "out"}, {});
    if (!p.parse(args) || p.positional().size() != 1 || !p.has("out")) {
        std::fprintf(stderr, "biaxial excerpt: %s\nusage: biaxial excerpt IN.mid --from-bar A --bars N --out OUT.mid\n",
                     p.error().empty() ? "expected one input file and --out" : p.error().c_str());
        return 2;
    }
    const int fromBar = p.getInt("from-bar", 1);
    const int bars = p.getInt("bars", 4);
    if (!p.error().empty() || fromBar < 1 || bars < 1) {
        std::fprintf(stderr, "biaxial excerpt: %s\n",
                     p.error().empty() ? "--from-bar and --bars must be at least 1" : p.error().c_str());
        return 2;
    }
    auto read = biaxial::MidiFileReader::readFile(p.positional()[0]);
    if (!read) {
        std::fprintf(stderr, "biaxial excerpt: %s\n", read.error().message().c_str());
        return 1;
    }
    biaxial::Song song = read.value();
    // Bars are counted in the meter in force at the start of the excerpt.
    std::int64_t tick = 0;
    int bar = 1;
    auto barTicksAt = [&](std::int64_t t) {
        biaxial::TimeSignature sig = song.timeSignatures.front();
        for (const auto& s : song.timeSignatures)
            if (s.tick <= t) sig = s;
        return std::max<std::int64_t>(1, static_cast<std::int64_t>(song.ticksPerQuarter) * 4 * sig.numerator /
                                              std::max(1, sig.denominator));
    };
    while (bar < fromBar) {
        tick += barTicksAt(tick);
        ++bar;
    }
    const std::int64_t start = tick;
    for (int i = 0; i < bars; ++i) tick += barTicksAt(tick);
    const std::int64_t end = tick;

    biaxial::Song out = song;
    for (auto& track : out.tracks) {
        std::vector<biaxial::Note> kept;
        for (auto n : track.notes) {
            if (n.start < start || n.start >= end) continue;
            n.length = std::min(n.end(), end) - n.start;
            n.start -= start;
            kept.push_back(n);
        }
        track.notes = std::move(kept);
        std::vector<biaxial::ControlChange> controls;
        for (auto c : track.controls)
            if (c.tick >= start && c.tick < end) {
                c.tick -= start;
                controls.push_back(c);
            }
        track.controls = std::move(controls);
    }
    // Tempo and meter in force at the start move to tick 0; later changes shift with the music.
    auto shiftMap = [&](auto& map) {
        using Entry = typename std::decay_t<decltype(map)>::value_type;
        std::vector<Entry> shifted;
        Entry current = map.front();
        for (const auto& e : map)
            if (e.tick <= start) current = e;
        current.tick = 0;
        shifted.push_back(current);
        for (auto e : map)
            if (e.tick > start && e.tick < end) {
                e.tick -= start;
                shifted.push_back(e);
            }
        map = std::move(shifted);
    };
    shiftMap(out.tempos);
    shiftMap(out.timeSignatures);
    out.normalise();
    if (auto err = biaxial::MidiFileWriter::writeFile(out, p.get("out"))) {
        std::fprintf(stderr, "biaxial excerpt: %s\n", err->message().c_str());
        return 1;
    }
    std::printf("wrote %s: bars %d..%d, %zu notes\n", p.get("out").c_str(), fromBar, fromBar + bars - 1,
                out.noteCount());
    return 0;
}

biaxial::cli::CommandRegistration reg{{"excerpt", "cut bars out of a MIDI file (e.g. a short seed for continue)",
                                       "usage: biaxial excerpt IN.mid --from-bar A --bars N --out OUT.mid\n"
                                       "Bars count from 1 in the meter of the file; notes are cut at the end.",
                                       runExcerpt}};

}  // namespace
