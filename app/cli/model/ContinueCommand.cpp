// `biaxial continue`: continues a seed MIDI file with a trained model.
#include <algorithm>
#include <cstdio>
#include <array>
#include <filesystem>
#include <map>
#include <optional>

#include "ArgParser.h"
#include "Command.h"
#include "ModelPaths.h"
#include "biaxial/engine/GridConverter.h"
#include "biaxial/engine/GridStatistics.h"
#include "biaxial/engine/MidiFileReader.h"
#include "biaxial/engine/MidiFileWriter.h"
#include "biaxial/model/Generator.h"
#include "biaxial/model/Model.h"
#if BIAXIAL_HAVE_AUDIO
#include "biaxial/audio/WavRenderer.h"
#endif

namespace {

const char* kUsage =
    "usage: biaxial continue [--model MODEL.pt] --seed IN.mid --bars N --out OUT.mid [options]\n"
    "\n"
    "Writes the seed followed by N bars sampled from the model (OUT-1.mid, OUT-2.mid ... for\n"
    "several variations). Without --model the default model in resources/ is used.\n"
    "\n"
    "  --seed IN.mid         the music to continue (use --empty to start from silence)\n"
    "  --empty               no seed: generate from scratch\n"
    "  --bars N              bars to add (steps per bar from the seed's meter, 16 in 4/4)\n"
    "  --steps N             steps to add instead of bars\n"
    "  --variations K        variations sampled together (default 1)\n"
    "  --conservativity C    play ~ P^C: above 1 fewer notes, below 1 more (default 1)\n"
    "  --adaptive            the original's adaptive conservativity (avoids long silences)\n"
    "  --temperature T       sampling temperature (default 1)\n"
    "  --random-seed S       the same seed gives the same music (default 1)\n"
    "  --min-pitch P --max-pitch P   keep new notes inside this MIDI range\n"
    "  --key K --scale S     keep new notes in a key: K = C, C#, Db, ... B; S = major, minor,\n"
    "                        harmonic-minor, dorian, mixolydian, pentatonic, chromatic\n"
    "  --key \"F# minor\"      the same in one word (major, or minor with its leading tone)\n"
    "  --key seed            the seed's own key, estimated from its notes (Krumhansl-Schmuckler)\n"
    "  --out-of-key W        a note outside the key keeps W of its chance to sound: 0 (default)\n"
    "                        never plays it, 0.2 makes it five times rarer, 1 ignores the key\n"
    "  --device D            auto (default), cpu or cuda\n"
    "  --bf16                the CPU's bfloat16 products (faster with AVX-512 BF16; not\n"
    "                        bit-identical to the default float32)\n"
    "  --wav OUT.wav         also render the result to WAV (OUT-1.wav ... for variations)";

std::optional<std::array<bool, 12>> scaleMask(const std::string& key, const std::string& scale) {
    static const std::map<std::string, int> keys{{"C", 0},  {"C#", 1}, {"Db", 1},  {"D", 2},   {"D#", 3}, {"Eb", 3},
                                                 {"E", 4},  {"F", 5},  {"F#", 6},  {"Gb", 6},  {"G", 7},  {"G#", 8},
                                                 {"Ab", 8}, {"A", 9},  {"A#", 10}, {"Bb", 10}, {"B", 11}};
    static const std::map<std::string, std::vector<int>> scales{
        {"major", {0, 2, 4, 5, 7, 9, 11}},      {"minor", {0, 2, 3, 5, 7, 8, 10}},
        {"harmonic-minor", {0, 2, 3, 5, 7, 8, 11}}, {"dorian", {0, 2, 3, 5, 7, 9, 10}},
        {"mixolydian", {0, 2, 4, 5, 7, 9, 10}}, {"pentatonic", {0, 2, 4, 7, 9}},
        {"chromatic", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}}};
    auto k = keys.find(key);
    auto s = scales.find(scale);
    if (k == keys.end() || s == scales.end()) return std::nullopt;
    std::array<bool, 12> mask{};
    for (int i : s->second) mask[static_cast<std::size_t>((k->second + i) % 12)] = true;
    return mask;
}

int run(const std::vector<std::string>& args) {
    biaxial::cli::ArgParser p({"model", "seed", "bars", "steps", "variations", "conservativity", "temperature",
                               "random-seed", "min-pitch", "max-pitch", "key", "scale", "out-of-key", "device", "out", "wav"},
                              {"adaptive", "empty", "bf16"});
    if (!p.parse(args)) {
        std::fprintf(stderr, "biaxial continue: %s\n%s\n", p.error().c_str(), kUsage);
        return 2;
    }
    if (p.get("out").empty() || (p.get("seed").empty() && !p.has("empty")) || (!p.has("bars") && !p.has("steps"))) {
        std::fprintf(stderr, "biaxial continue: needs --seed (or --empty), --bars (or --steps) and --out\n%s\n", kUsage);
        return 2;
    }
    std::string modelPath = p.get("model");
    if (modelPath.empty()) {
        modelPath = biaxial::cli::defaultModelPath();
        if (modelPath.empty()) {
            std::fprintf(stderr,
                         "biaxial continue: no --model given and no default model found (looked for default-model.pt in "
                         "%s and %s); train one with `biaxial train` or pass --model\n",
                         BIAXIAL_RESOURCES_DIR, BIAXIAL_INSTALLED_RESOURCES_DIR);
            return 1;
        }
    }
    std::string why;
    auto model = biaxial::Model::load(modelPath, &why);
    if (!model) {
        std::fprintf(stderr, "biaxial continue: %s\n", why.c_str());
        return 1;
    }
    if (!model->setDevice(p.get("device", "auto"), &why)) {
        std::fprintf(stderr, "biaxial continue: %s\n", why.c_str());
        return 1;
    }
    const auto& config = model->config();

    biaxial::Song seedSong;
    seedSong.normalise();
    biaxial::StepGrid seed(0, config.lowPitch, config.numNotes);
    if (!p.get("seed").empty()) {
        auto read = biaxial::MidiFileReader::readFile(p.get("seed"));
        if (!read) {
            std::fprintf(stderr, "biaxial continue: %s\n", read.error().message().c_str());
            return 1;
        }
        seedSong = read.value();
        seedSong.normalise();
        biaxial::GridOptions go;
        go.lowPitch = config.lowPitch;
        go.numNotes = config.numNotes;
        auto g = biaxial::GridConverter::toGrid(seedSong, go);
        seed = g.grid;
        if (g.droppedOutOfRange > 0)
            std::printf("note: %lld seed notes lie outside the model's range %d..%d and are ignored\n",
                        static_cast<long long>(g.droppedOutOfRange), config.lowPitch, config.highPitch());
    }

    biaxial::GenerationOptions o;
    const auto& sigs = seedSong.timeSignatures;
    const int stepsPerBar = sigs.empty() ? 16 : biaxial::GridConverter::stepsPerBar(sigs.back());
    o.stepsPerBar = stepsPerBar;
    o.steps = p.has("steps") ? p.getInt("steps", 64) : p.getInt("bars", 4) * stepsPerBar;
    o.variations = p.getInt("variations", 1);
    o.conservativity = p.getDouble("conservativity", 1.0);
    o.adaptiveConservativity = p.has("adaptive");
    o.bf16 = p.has("bf16");
    o.temperature = p.getDouble("temperature", 1.0);
    o.seed = static_cast<std::uint64_t>(p.getInt("random-seed", 1));
    o.minPitch = p.getInt("min-pitch", 0);
    o.maxPitch = p.getInt("max-pitch", 127);
    int tonic = 0;
    bool minor = false;
    if (p.get("key") == "seed" && !p.has("scale")) {
        const auto stats = biaxial::GridStatistics::of(seed);
        if (!stats.tellsAKey()) {
            std::printf("note: the seed has too few notes to tell its key; the key is not kept\n");
        } else {
            o.pitchClasses = stats.keyScale();
            std::printf("keeping to the seed's key: %s (r = %.2f)\n", stats.keyName().c_str(), stats.keyCorrelation);
        }
    } else if (p.has("key") && !p.has("scale") && biaxial::GridStatistics::parseKey(p.get("key"), &tonic, &minor)) {
        o.pitchClasses = biaxial::GridStatistics::keyScale(tonic, minor);
    } else if (p.has("key") || p.has("scale")) {
        auto mask = scaleMask(p.get("key", "C"), p.get("scale", "major"));
        if (!mask) {
            std::fprintf(stderr, "biaxial continue: unknown key '%s' or scale '%s'\n", p.get("key").c_str(),
                         p.get("scale").c_str());
            return 2;
        }
        o.pitchClasses = *mask;
    }
    o.outOfScaleWeight = p.getDouble("out-of-key", 0.0);
    if (o.outOfScaleWeight < 0.0 || o.outOfScaleWeight > 1.0) {
        std::fprintf(stderr, "biaxial continue: --out-of-key must lie between 0 and 1\n");
        return 2;
    }
    if (!p.error().empty()) {
        std::fprintf(stderr, "biaxial continue: %s\n", p.error().c_str());
        return 2;
    }
    if (o.steps <= 0 || o.variations < 1) {
        std::fprintf(stderr, "biaxial continue: --bars/--steps and --variations must be positive\n");
        return 2;
    }

    auto result = biaxial::Generator::generate(*model, seed, o);
    if (!result.ok) {
        std::fprintf(stderr, "biaxial continue: %s\n", result.error.c_str());
        return 1;
    }
    // The seed song as it was, then the new notes from the seed's end (in whole steps).
    const int tpq = seedSong.ticksPerQuarter > 0 ? seedSong.ticksPerQuarter : 480;
    const std::int64_t offset = biaxial::GridConverter::tickOfStep(seed.steps(), tpq);
    const std::filesystem::path out(p.get("out"));
    for (std::size_t k = 0; k < result.variations.size(); ++k) {
        biaxial::SongOptions so;
        so.ticksPerQuarter = tpq;
        biaxial::Song cont = biaxial::GridConverter::toSong(result.variations[k], so);
        biaxial::Song song = seedSong;
        song.ticksPerQuarter = tpq;
        if (song.tracks.empty()) song.tracks.push_back({});
        biaxial::Track track;
        track.name = "continuation";
        for (const auto& t : cont.tracks)
            for (auto n : t.notes) {
                n.start += offset;
                n.velocity = std::clamp(n.velocity, 1, 127);
                track.notes.push_back(n);
            }
        std::sort(track.notes.begin(), track.notes.end(), biaxial::noteLess);
        song.tracks.push_back(std::move(track));
        song.normalise();
        std::filesystem::path path = out;
        if (result.variations.size() > 1)
            path = out.parent_path() / (out.stem().string() + "-" + std::to_string(k + 1) + out.extension().string());
        if (auto err = biaxial::MidiFileWriter::writeFile(song, path.string())) {
            std::fprintf(stderr, "biaxial continue: %s\n", err->message().c_str());
            return 1;
        }
        std::printf("wrote %s (%d seed steps + %d new steps, %lld new notes sounding)\n", path.string().c_str(),
                    seed.steps(), o.steps, static_cast<long long>(result.variations[k].playCount()));
        if (p.has("wav")) {
            std::filesystem::path wav(p.get("wav"));
            if (result.variations.size() > 1)
                wav = wav.parent_path() / (wav.stem().string() + "-" + std::to_string(k + 1) + wav.extension().string());
#if BIAXIAL_HAVE_AUDIO
            biaxial::WavRenderOptions wavOptions;
            wavOptions.normalize = true;
            const std::string err = biaxial::WavRenderer::renderSong(song, wav.string(), wavOptions, nullptr, {});
            if (!err.empty()) {
                std::fprintf(stderr, "biaxial continue: %s: %s\n", wav.string().c_str(), err.c_str());
                return 1;
            }
            std::printf("wrote %s\n", wav.string().c_str());
#else
            std::fprintf(stderr, "biaxial continue: --wav needs the audio layer (built without FluidSynth)\n");
            return 1;
#endif
        }
    }
    std::printf("generated in %.3f s on %s (note loop %.0f%%)\n", result.seconds, model->deviceName().c_str(),
                result.seconds > 0 ? 100.0 * result.noteLoopSeconds / result.seconds : 0.0);
    return 0;
}

biaxial::cli::CommandRegistration reg{{"continue", "continue a MIDI seed with a trained model", kUsage, run}};

}  // namespace
