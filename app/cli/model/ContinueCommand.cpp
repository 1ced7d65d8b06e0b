// `biaxial continue`: continues a seed MIDI file with a trained model. A thin adapter: the
// command line becomes a ContinueRequest (whose defaults are the studio's) and continueSong()
// does the work, exactly as the studio's Continue does.
#include <cstdio>
#include <filesystem>

#include "ArgParser.h"
#include "CliModel.h"
#include "Command.h"
#include "OutputPaths.h"
#include "SamplingOptions.h"
#include "biaxial/engine/MidiFileReader.h"
#include "biaxial/engine/MidiFileWriter.h"
#include "biaxial/model/ContinueSong.h"
#include "biaxial/model/Model.h"
#if BIAXIAL_HAVE_AUDIO
#include "biaxial/audio/WavRenderer.h"
#endif

namespace {

const char* kUsage =
    "usage: biaxial continue [--model MODEL.pt] --seed IN.mid --bars N --out OUT.mid [options]\n"
    "\n"
    "Writes the seed followed by N bars sampled from the model (OUT-1.mid, OUT-2.mid ... for\n"
    "several variations). Without --model the default model in resources/ is used. Without\n"
    "sampling options it samples as the studio's Continue does by default: the seed's key with\n"
    "rare out-of-key notes (0.2), the adaptive conservativity, temperature 1.\n"
    "\n"
    "  --seed IN.mid         the music to continue (use --empty to start from silence)\n"
    "  --empty               no seed: generate from scratch\n"
    "  --bars N              bars to add (steps per bar from the meter at the seed's end, 16 in 4/4)\n"
    "  --steps N             steps to add instead of bars\n"
    "  --variations K        variations sampled together (default 1; variation k uses seed + k - 1)\n"
    "%s"
    "  --device D            auto (default), cpu or cuda\n"
    "  --bf16                the CPU's bfloat16 products (faster with AVX-512 BF16; not\n"
    "                        bit-identical to the default float32)\n"
    "  --wav OUT.wav         also render the result to WAV (OUT-1.wav ... for variations)";

std::string fullUsage() {
    char buffer[4096];
    std::snprintf(buffer, sizeof buffer, kUsage, biaxial::cli::SamplingOptions::usage());
    return buffer;
}

int run(const std::vector<std::string>& args) {
    std::set<std::string> valued{"model", "seed", "bars", "steps", "variations", "device", "out", "wav"};
    std::set<std::string> flags{"empty"};
    valued.merge(biaxial::cli::SamplingOptions::valued());
    flags.merge(biaxial::cli::SamplingOptions::flags());
    biaxial::cli::ArgParser p(valued, flags);
    const std::string usage = fullUsage();
    if (!p.parse(args)) {
        std::fprintf(stderr, "biaxial continue: %s\n%s\n", p.error().c_str(), usage.c_str());
        return 2;
    }
    if (p.get("out").empty() || (p.get("seed").empty() && !p.has("empty")) ||
        (!p.has("bars") && !p.has("steps"))) {
        std::fprintf(stderr,
                     "biaxial continue: needs --seed (or --empty), --bars (or --steps) and --out\n%s\n",
                     usage.c_str());
        return 2;
    }

    biaxial::ContinueRequest request;  // the studio's defaults
    request.variations = 1;
    request.bars = p.getInt("bars", request.bars);
    request.steps = p.has("steps") ? p.getInt("steps", 0) : 0;
    if (p.has("variations"))
        request.variations = p.getInt("variations", 1);
    std::string why;
    if (!biaxial::cli::SamplingOptions::read(p, &request, &why)) {
        std::fprintf(stderr, "biaxial continue: %s\n", why.c_str());
        return 2;
    }
    if ((p.has("steps") ? request.steps : request.bars) <= 0 || request.variations < 1) {
        std::fprintf(stderr, "biaxial continue: --bars/--steps and --variations must be positive\n");
        return 2;
    }

    auto model = biaxial::cli::loadCliModel(p, "continue");
    if (!model)
        return 1;

    request.song.normalise();
    if (!p.get("seed").empty()) {
        auto read = biaxial::MidiFileReader::readFile(p.get("seed"));
        if (!read) {
            std::fprintf(stderr, "biaxial continue: %s\n", read.error().message().c_str());
            return 1;
        }
        request.song = read.value();
        request.song.normalise();
        request.seedEndTick = request.song.endTick();
    }
    // The new notes go to a track of their own after the seed's.
    request.track = static_cast<int>(request.song.tracks.size());

    const biaxial::ContinueResult result = biaxial::continueSong(*model, request);
    if (!result.ok) {
        std::fprintf(stderr, "biaxial continue: %s\n", result.error.c_str());
        return 1;
    }
    const auto& config = model->config();
    if (result.droppedOutOfRange > 0)
        std::printf("note: %lld seed notes lie outside the model's range %d..%d and are ignored\n",
                    static_cast<long long>(result.droppedOutOfRange), config.lowPitch, config.highPitch());
    if (result.seedKeyUnknown)
        std::printf("note: the seed has too few notes to tell its key; the key is not kept\n");
    else if (!result.seedKey.empty())
        std::printf("keeping to the seed's key: %s (r = %.2f)\n", result.seedKey.c_str(),
                    result.seedKeyCorrelation);

    const std::filesystem::path out(p.get("out"));
    const std::size_t count = result.variations.size();
    for (std::size_t k = 0; k < count; ++k) {
        // The seed song as it was, then the new notes on a track of their own.
        biaxial::Song song = request.song;
        biaxial::Track track;
        track.name = "continuation";
        track.notes = result.variations[k];
        song.tracks.push_back(std::move(track));
        song.normalise();
        const std::filesystem::path path = biaxial::cli::numberedPath(out, k, count);
        if (auto err = biaxial::MidiFileWriter::writeFile(song, path.string())) {
            std::fprintf(stderr, "biaxial continue: %s\n", err->message().c_str());
            return 1;
        }
        std::printf("wrote %s (%d seed steps + %d new steps, %zu new notes)\n", path.string().c_str(),
                    result.seedSteps, result.newSteps, result.variations[k].size());
        if (p.has("wav")) {
            const std::filesystem::path wav = biaxial::cli::numberedPath(p.get("wav"), k, count);
#if BIAXIAL_HAVE_AUDIO
            biaxial::WavRenderOptions wavOptions;
            wavOptions.normalize = true;
            const std::string err =
                biaxial::WavRenderer::renderSong(song, wav.string(), wavOptions, nullptr, {});
            if (!err.empty()) {
                std::fprintf(stderr, "biaxial continue: %s: %s\n", wav.string().c_str(), err.c_str());
                return 1;
            }
            std::printf("wrote %s\n", wav.string().c_str());
#else
            std::fprintf(stderr,
                         "biaxial continue: --wav needs the audio layer (built without FluidSynth)\n");
            return 1;
#endif
        }
    }
    std::printf("generated in %.3f s on %s (note loop %.0f%%)\n", result.seconds, model->deviceName().c_str(),
                result.seconds > 0 ? 100.0 * result.noteLoopSeconds / result.seconds : 0.0);
    return 0;
}

biaxial::cli::CommandRegistration reg{
    {"continue", "continue a MIDI seed with a trained model", fullUsage(), run}};

}  // namespace
