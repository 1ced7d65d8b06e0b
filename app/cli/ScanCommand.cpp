// `biaxial scan DIR`: loads a MIDI folder the way training will, and says what it skipped and why.
#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "biaxial/engine/CorpusScanner.h"

namespace {

int runScan(const std::vector<std::string>& args) {
    biaxial::cli::ArgParser p({"low", "notes", "min-steps", "threads"},
                              {"original-meter", "sustain", "verbose", "no-cache"});
    if (!p.parse(args) || p.positional().size() != 1) {
        std::fprintf(stderr,
                     "biaxial scan: %s\nusage: biaxial scan DIR [--low 24] [--notes 78] [--original-meter] "
                     "[--no-cache]\n",
                     p.error().empty() ? "expected one folder" : p.error().c_str());
        return 2;
    }
    biaxial::CorpusScanOptions options;
    options.grid.lowPitch = p.getInt("low", 24);
    options.grid.numNotes = p.getInt("notes", 78);
    options.grid.originalMeterRule = p.has("original-meter");
    options.grid.extendWithSustainPedal = p.has("sustain");
    options.minSteps = p.getInt("min-steps", 1);
    options.threads = p.getInt("threads", 0);
    options.useCache = !p.has("no-cache");
    if (!p.error().empty()) {
        std::fprintf(stderr, "biaxial scan: %s\n", p.error().c_str());
        return 2;
    }
    const auto corpus = biaxial::CorpusScanner::scan(p.positional()[0], options);
    if (corpus.error) {
        std::fprintf(stderr, "biaxial scan: %s\n", corpus.error->c_str());
        return 1;
    }
    for (const auto& e : corpus.entries) {
        if (!e.loaded)
            std::printf("skipped %s: %s\n", e.path.c_str(), e.reason.c_str());
        if (p.has("verbose"))
            for (const auto& w : e.warnings)
                std::printf("warning %s: %s\n", e.path.c_str(), w.c_str());
    }
    const auto& s = corpus.summary;
    std::printf("total %lld steps (%.1f bars of 4/4), %lld notes outside the range dropped, %.2f s\n",
                static_cast<long long>(s.totalSteps), s.totalSteps / 16.0,
                static_cast<long long>(s.droppedOutOfRange), s.seconds);
    // What training will hold: the grids as CompactGrid keeps them (the sounding cells only).
    std::size_t bytes = 0, mapped = 0;
    for (const auto& e : corpus.entries)
        (e.grid.mapped() ? mapped : bytes) += e.grid.memoryBytes();
    std::printf(
        "grids: %.1f MB (%.1f bytes per step)", (bytes + mapped) / 1e6,
        s.totalSteps > 0 ? static_cast<double>(bytes + mapped) / static_cast<double>(s.totalSteps) : 0.0);
    if (mapped > 0)
        std::printf(", %.1f MB of them read from the cache file as needed", mapped / 1e6);
    std::printf("\n");
    int repaired = 0;
    for (const auto& e : corpus.entries)
        repaired += e.loaded && !e.warnings.empty();
    std::printf(
        "%d loaded (%d of them with warnings: repaired on reading; --verbose lists them), %d skipped\n",
        s.loaded, repaired, s.skipped);
    if (options.useCache)
        std::printf("%d of %zu files from the corpus cache%s%s\n", s.fromCache, corpus.entries.size(),
                    s.cacheNote.empty() ? "" : "; ", s.cacheNote.c_str());
    return 0;
}

biaxial::cli::CommandRegistration reg{
    {"scan", "load a MIDI folder as training would; list skipped files",
     "usage: biaxial scan DIR [--low 24] [--notes 78] [--original-meter] [--sustain]\n"
     "                       [--min-steps N] [--threads N] [--verbose]\n"
     "Prints one line per skipped file with its reason, then 'N loaded, M skipped'.",
     runScan}};

}  // namespace
