// `biaxial accompany`: keeps every note of a melody and adds the other voices under it, in its
// key, for its whole length. The studio's Generate > Accompany melody runs the same request.
#include <cstdio>

#include "ArgParser.h"
#include "CliModel.h"
#include "Command.h"
#include "OutputPaths.h"
#include "SamplingOptions.h"
#include "biaxial/engine/MidiFileReader.h"
#include "biaxial/engine/MidiFileWriter.h"
#include "biaxial/model/ContinueSong.h"

namespace {

const char* kUsage =
    "usage: biaxial accompany [--model MODEL.pt] MELODY.mid --out OUT.mid [options]\n"
    "\n"
    "Keeps every note of MELODY.mid and adds voices under it for its whole length, in its key\n"
    "(estimated from the melody), on a track of their own. The melody's notes are locked: the\n"
    "network samples the rest conditioned on them (sequential Monte Carlo, --particles), and\n"
    "nothing sounds above the melody's current note.\n"
    "\n"
    "  --variations K        variations (OUT-1.mid ... ; default 1)\n"
    "%s"
    "  --device D            auto (default), cpu or cuda";

std::string fullUsage() {
    char buffer[4096];
    std::snprintf(buffer, sizeof buffer, kUsage, biaxial::cli::SamplingOptions::usage());
    return buffer;
}

int run(const std::vector<std::string>& args) {
    std::set<std::string> valued{"model", "variations", "device", "out"};
    std::set<std::string> flags;
    valued.merge(biaxial::cli::SamplingOptions::valued());
    flags.merge(biaxial::cli::SamplingOptions::flags());
    biaxial::cli::ArgParser p(valued, flags);
    const std::string usage = fullUsage();
    if (!p.parse(args) || p.positional().size() != 1 || p.get("out").empty()) {
        std::fprintf(stderr, "biaxial accompany: %s\n%s\n",
                     p.error().empty() ? "needs one MELODY.mid and --out" : p.error().c_str(), usage.c_str());
        return 2;
    }
    biaxial::ContinueRequest request;  // the studio's defaults
    request.mode = biaxial::ContinueRequest::Mode::Accompany;
    request.variations = p.getInt("variations", 1);
    std::string why;
    if (!biaxial::cli::SamplingOptions::read(p, &request, &why) || request.variations < 1) {
        std::fprintf(stderr, "biaxial accompany: %s\n",
                     why.empty() ? "--variations must be positive" : why.c_str());
        return 2;
    }
    const std::string melodyPath = p.positional()[0];
    auto read = biaxial::MidiFileReader::readFile(melodyPath);
    if (!read) {
        std::fprintf(stderr, "biaxial accompany: %s\n", read.error().message().c_str());
        return 1;
    }
    request.song = read.value();
    request.song.normalise();
    request.track = static_cast<int>(request.song.tracks.size());
    auto model = biaxial::cli::loadCliModel(p, "accompany");
    if (!model)
        return 1;
    const biaxial::ContinueResult result = biaxial::continueSong(*model, request);
    if (!result.ok) {
        std::fprintf(stderr, "biaxial accompany: %s: %s\n", melodyPath.c_str(), result.error.c_str());
        return 1;
    }
    if (!result.seedKey.empty())
        std::printf("keeping to the melody's key: %s (r = %.2f)\n", result.seedKey.c_str(),
                    result.seedKeyCorrelation);
    const std::size_t count = result.variations.size();
    for (std::size_t k = 0; k < count; ++k) {
        biaxial::Song song = request.song;
        biaxial::Track track;
        track.name = "accompaniment";
        track.notes = result.variations[k];
        song.tracks.push_back(std::move(track));
        song.normalise();
        const auto path = biaxial::cli::numberedPath(p.get("out"), k, count);
        if (auto err = biaxial::MidiFileWriter::writeFile(song, path.string())) {
            std::fprintf(stderr, "biaxial accompany: %s\n", err->message().c_str());
            return 1;
        }
        std::printf(
            "wrote %s (%d steps, %zu melody notes kept, %zu notes added; log-likelihood of the "
            "melody given them %.1f nats)\n",
            path.string().c_str(), result.newSteps, request.song.noteCount(), result.variations[k].size(),
            result.lockedLogLikelihood[k]);
    }
    std::printf("generated in %.3f s on %s\n", result.seconds, model->deviceName().c_str());
    return 0;
}

biaxial::cli::CommandRegistration reg{
    {"accompany", "add voices under a melody, keeping every note of it", fullUsage(), run}};

}  // namespace
