// `biaxial infill`: regenerates bars in the middle of a piece so that they lead into what
// follows: the studio's Regenerate selection, headless (the same request, the same RegionEdit).
#include <cstdio>

#include "ArgParser.h"
#include "CliModel.h"
#include "Command.h"
#include "OutputPaths.h"
#include "SamplingOptions.h"
#include "biaxial/engine/MidiFileReader.h"
#include "biaxial/engine/MidiFileWriter.h"
#include "biaxial/engine/RegionEdit.h"
#include "biaxial/engine/SongExcerpt.h"
#include "biaxial/model/ContinueSong.h"

namespace {

const char* kUsage =
    "usage: biaxial infill [--model MODEL.pt] IN.mid --from-bar A --bars N --out OUT.mid [options]\n"
    "\n"
    "Replaces bars A .. A+N-1 (counted from 1, as in biaxial excerpt) with new music continued\n"
    "from the bars before them; everything outside the region stays, and so do locked notes\n"
    "inside it. The new bars are conditioned on the bars after them (--look-ahead): the model\n"
    "scores what follows given each candidate, and candidates that lead into it well win.\n"
    "\n"
    "  --look-ahead B        bars after the region that the candidates must lead into (default 2,\n"
    "                        0 = none: the region only continues what comes before)\n"
    "  --variations K        variations (OUT-1.mid ... ; default 1)\n"
    "%s"
    "  --device D            auto (default), cpu or cuda";

std::string fullUsage() {
    char buffer[4096];
    std::snprintf(buffer, sizeof buffer, kUsage, biaxial::cli::SamplingOptions::usage());
    return buffer;
}

int run(const std::vector<std::string>& args) {
    std::set<std::string> valued{"model", "variations", "device", "out", "from-bar", "bars", "look-ahead"};
    std::set<std::string> flags;
    valued.merge(biaxial::cli::SamplingOptions::valued());
    flags.merge(biaxial::cli::SamplingOptions::flags());
    biaxial::cli::ArgParser p(valued, flags);
    const std::string usage = fullUsage();
    if (!p.parse(args) || p.positional().size() != 1 || p.get("out").empty() || !p.has("from-bar") ||
        !p.has("bars")) {
        std::fprintf(stderr, "biaxial infill: %s\n%s\n",
                     p.error().empty() ? "needs one IN.mid, --from-bar, --bars and --out" : p.error().c_str(),
                     usage.c_str());
        return 2;
    }
    biaxial::ContinueRequest request;  // the studio's defaults
    request.mode = biaxial::ContinueRequest::Mode::Regenerate;
    request.variations = p.getInt("variations", 1);
    request.lookAheadBars = p.getInt("look-ahead", request.lookAheadBars);
    const int fromBar = p.getInt("from-bar", 1);
    const int bars = p.getInt("bars", 1);
    std::string why;
    if (!biaxial::cli::SamplingOptions::read(p, &request, &why)) {
        std::fprintf(stderr, "biaxial infill: %s\n", why.c_str());
        return 2;
    }
    if (fromBar < 1 || bars < 1 || request.variations < 1 || request.lookAheadBars < 0) {
        std::fprintf(stderr,
                     "biaxial infill: --from-bar and --bars count from 1, --variations is positive and "
                     "--look-ahead is 0 or more\n");
        return 2;
    }
    const std::string inPath = p.positional()[0];
    auto read = biaxial::MidiFileReader::readFile(inPath);
    if (!read) {
        std::fprintf(stderr, "biaxial infill: %s\n", read.error().message().c_str());
        return 1;
    }
    request.song = read.value();
    request.song.normalise();
    const auto [start, end] = biaxial::SongExcerpt::barRange(request.song, fromBar, bars);
    if (start >= request.song.endTick()) {
        std::fprintf(stderr,
                     "biaxial infill: %s: bar %d starts after the piece's last note; nothing to replace\n",
                     inPath.c_str(), fromBar);
        return 1;
    }
    request.seedEndTick = start;
    request.replaceEndTick = end;
    request.track = static_cast<int>(request.song.tracks.size());
    auto model = biaxial::cli::loadCliModel(p, "infill");
    if (!model)
        return 1;
    const biaxial::ContinueResult result = biaxial::continueSong(*model, request);
    if (!result.ok) {
        std::fprintf(stderr, "biaxial infill: %s: %s\n", inPath.c_str(), result.error.c_str());
        return 1;
    }
    const std::size_t count = result.variations.size();
    for (std::size_t k = 0; k < count; ++k) {
        const biaxial::Song song = biaxial::RegionEdit::apply(request.song, result.startTick, result.endTick,
                                                              result.variations[k], request.track, "infill");
        const auto path = biaxial::cli::numberedPath(p.get("out"), k, count);
        if (auto err = biaxial::MidiFileWriter::writeFile(song, path.string())) {
            std::fprintf(stderr, "biaxial infill: %s\n", err->message().c_str());
            return 1;
        }
        std::printf("wrote %s (bars %d..%d: %zu new notes", path.string().c_str(), fromBar,
                    fromBar + bars - 1, result.variations[k].size());
        if (result.lookAheadSteps > 0)
            std::printf("; log-likelihood of the %d look-ahead steps given them %.1f nats",
                        result.lookAheadSteps, result.lockedLogLikelihood[k]);
        std::printf(")\n");
    }
    std::printf("generated in %.3f s on %s\n", result.seconds, model->deviceName().c_str());
    return 0;
}

biaxial::cli::CommandRegistration reg{
    {"infill", "regenerate bars inside a piece so that they lead into what follows", fullUsage(), run}};

}  // namespace
