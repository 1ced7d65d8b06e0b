// `biaxial stats FILE.mid|DIR`: the musical statistics of a file or corpus (notes per step,
// silences, note lengths, pitch classes, key): the numbers the model card compares.
#include <cstdio>
#include <filesystem>

#include "ArgParser.h"
#include "Command.h"
#include "biaxial/engine/CorpusScanner.h"
#include "biaxial/engine/GridStatistics.h"
#include "biaxial/engine/MidiFileReader.h"

namespace {

int runStats(const std::vector<std::string>& args) {
    biaxial::cli::ArgParser p({"from-step", "key"}, {});
    if (!p.parse(args) || p.positional().empty()) {
        std::fprintf(stderr,
                     "biaxial stats: %s\nusage: biaxial stats FILE.mid|DIR... [--from-step N] [--key K]\n",
                     p.error().empty() ? "expected a file or folder" : p.error().c_str());
        return 2;
    }
    const int from = p.getInt("from-step", 0);
    std::vector<biaxial::StepGrid> grids;
    for (const auto& path : p.positional()) {
        if (std::filesystem::is_directory(path)) {
            auto corpus = biaxial::CorpusScanner::scan(path);
            for (auto& e : corpus.entries)
                if (e.loaded)
                    grids.push_back(e.grid.slice(from, e.grid.steps()));
        } else {
            auto song = biaxial::MidiFileReader::readFile(path);
            if (!song) {
                std::fprintf(stderr, "biaxial stats: %s\n", song.error().message().c_str());
                return 1;
            }
            auto g = biaxial::GridConverter::toGrid(song.value()).grid;
            grids.push_back(g.slice(from, g.steps()));
        }
    }
    const auto stats = biaxial::GridStatistics::of(grids);
    std::printf("%s", stats.toText().c_str());
    if (p.has("key")) {
        int tonic = 0;
        bool minor = false;
        if (!biaxial::GridStatistics::parseKey(p.get("key"), &tonic, &minor)) {
            std::fprintf(stderr, "biaxial stats: unknown key '%s' (say e.g. \"F# minor\")\n",
                         p.get("key").c_str());
            return 2;
        }
        std::printf("%.1f%% of onsets in the scale of %s\n", 100.0 * stats.shareInKey(tonic, minor),
                    p.get("key").c_str());
    }
    return 0;
}

biaxial::cli::CommandRegistration reg{
    {"stats", "musical statistics of MIDI files or a folder (notes per step, silences, key)",
     "usage: biaxial stats FILE.mid|DIR... [--from-step N] [--key K]\n"
     "--from-step N ignores the first N steps (e.g. the seed of a continuation);\n"
     "--key K also gives the share of onsets in the scale of key K (e.g. the seed's).",
     runStats}};

}  // namespace
