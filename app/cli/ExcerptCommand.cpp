// `biaxial excerpt IN.mid --from-bar A --bars N --out OUT.mid`: cuts bars out of a file, e.g. to
// make a short seed for `biaxial continue` from a long piece.
#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "biaxial/engine/MidiFileReader.h"
#include "biaxial/engine/MidiFileWriter.h"
#include "biaxial/engine/SongExcerpt.h"

namespace {

int runExcerpt(const std::vector<std::string>& args) {
    biaxial::cli::ArgParser p({"from-bar", "bars", "out"}, {});
    if (!p.parse(args) || p.positional().size() != 1 || !p.has("out")) {
        std::fprintf(
            stderr,
            "biaxial excerpt: %s\nusage: biaxial excerpt IN.mid --from-bar A --bars N --out OUT.mid\n",
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
    // Bars are counted in the meter in force at each bar's start.
    const biaxial::Song out = biaxial::SongExcerpt::bars(read.value(), fromBar, bars);
    if (auto err = biaxial::MidiFileWriter::writeFile(out, p.get("out"))) {
        std::fprintf(stderr, "biaxial excerpt: %s\n", err->message().c_str());
        return 1;
    }
    std::printf("wrote %s: bars %d..%d, %zu notes\n", p.get("out").c_str(), fromBar, fromBar + bars - 1,
                out.noteCount());
    return 0;
}

biaxial::cli::CommandRegistration reg{
    {"excerpt", "cut bars out of a MIDI file (e.g. a short seed for continue)",
     "usage: biaxial excerpt IN.mid --from-bar A --bars N --out OUT.mid\n"
     "Bars count from 1 in the meter of the file; notes are cut at the end.",
     runExcerpt}};

}  // namespace
