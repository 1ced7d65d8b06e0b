#include "SamplingOptions.h"

namespace biaxial::cli {

const char* SamplingOptions::usage() {
    return "  --conservativity C    play ~ P^C: above 1 fewer notes, below 1 more (default 1; with the\n"
           "                        adaptive mode its starting value)\n"
           "  --no-adaptive         a fixed conservativity instead of the original's adaptive one\n"
           "                        (--adaptive, the default, is accepted)\n"
           "  --temperature T       sampling temperature (default 1)\n"
           "  --floor P             a note the model gives less than P to sound does not sound\n"
           "                        (default 0: none)\n"
           "  --random-seed S       the same seed gives the same music (default 1)\n"
           "  --min-pitch P --max-pitch P   keep new notes inside this MIDI range\n"
           "  --key seed            the seed's own key, estimated from its notes (the default)\n"
           "  --key none            no key: the network alone\n"
           "  --key \"F# minor\"      a key in one word (major, or minor with its leading tone)\n"
           "  --key K --scale S     K = C, C#, Db, ... B; S = major, minor, harmonic-minor, melodic-minor,\n"
           "                        dorian, phrygian, lydian, mixolydian, locrian, pentatonic,\n"
           "                        minor-pentatonic, blues, whole-tone, chromatic\n"
           "  --out-of-key W        a note outside the key keeps W of its chance to sound: 0 never\n"
           "                        plays it, 0.2 (the default) makes it five times rarer, 1 ignores the "
           "key\n"
           "  --no-follow-seed-density  the original's adaptive rule (only reacts to fewer than 2 notes)\n"
           "                        instead of keeping the notes sounding per step near the seed's\n"
           "                        (the default; --density-gain G, default 0.1, says how fast)\n"
           "  --no-follow-seed-rhythm  the network's own rhythm instead of steering the odds of an\n"
           "                        onset at each bar position toward the seed's onsets there (the\n"
           "                        default; --rhythm-gain G, default 0.25, says how fast)\n"
           "  --hold-limit X        no note sounds unstruck for longer than X times the seed's longest\n"
           "                        note (default 1.5; 0 = no limit)\n"
           "  --rank-variations     variations ordered best first by the model's likelihood per step (off:\n"
           "                        biaxial evaluate found the likeliest sparser, 0.77x the seed's onsets)\n"
           "  --particles P         locked notes: sequences per variation that condition the rest on them\n"
           "                        (sequential Monte Carlo; default 16, 1 = plain forcing)\n"
           "  --bf16                the CPU's bfloat16 products (faster with AVX-512 BF16; not\n"
           "                        bit-identical to the default float32)\n";
}

std::set<std::string> SamplingOptions::valued() {
    return {"conservativity", "temperature", "random-seed",  "min-pitch", "max-pitch",   "key",  "scale",
            "out-of-key",     "hold-limit",  "density-gain", "particles", "rhythm-gain", "floor"};
}

std::set<std::string> SamplingOptions::flags() {
    return {"adaptive",
            "no-adaptive",
            "bf16",
            "follow-seed-density",
            "no-follow-seed-density",
            "rank-variations",
            "follow-seed-rhythm",
            "no-follow-seed-rhythm"};
}

bool SamplingOptions::read(ArgParser& p, ContinueRequest* request, std::string* error) {
    request->conservativity = p.getDouble("conservativity", request->conservativity);
    if (p.has("no-adaptive"))
        request->adaptiveConservativity = false;
    request->temperature = p.getDouble("temperature", request->temperature);
    request->playFloor = p.getDouble("floor", request->playFloor);
    request->randomSeed =
        static_cast<std::uint64_t>(p.getInt("random-seed", static_cast<int>(request->randomSeed)));
    request->minPitch = p.getInt("min-pitch", request->minPitch);
    request->maxPitch = p.getInt("max-pitch", request->maxPitch);
    request->outOfScaleWeight = p.getDouble("out-of-key", request->outOfScaleWeight);
    request->bf16 = request->bf16 || p.has("bf16");
    if (p.has("rank-variations"))
        request->rankVariations = true;
    if (p.has("follow-seed-density"))
        request->followSeedDensity = true;
    if (p.has("no-follow-seed-density"))
        request->followSeedDensity = false;
    request->densityGain = p.getDouble("density-gain", request->densityGain);
    if (p.has("follow-seed-rhythm"))
        request->followSeedRhythm = true;
    if (p.has("no-follow-seed-rhythm"))
        request->followSeedRhythm = false;
    request->rhythmGain = p.getDouble("rhythm-gain", request->rhythmGain);
    request->holdLimit = p.getDouble("hold-limit", request->holdLimit);
    request->particles = p.getInt("particles", request->particles);
    if (request->particles < 1 || request->particles > 256) {
        *error = "--particles must lie between 1 and 256";
        return false;
    }
    if (p.has("key") || p.has("scale")) {
        const auto scale = Scale::parse(p.get("key"), p.get("scale"));
        if (!scale) {
            *error = "unknown key '" + p.get("key") + "'" +
                     (p.has("scale") ? " or scale '" + p.get("scale") + "'" : "");
            return false;
        }
        request->scale = *scale;
    }
    if (!p.error().empty()) {
        *error = p.error();
        return false;
    }
    if (p.has("adaptive") && p.has("no-adaptive")) {
        *error = "--adaptive and --no-adaptive contradict each other";
        return false;
    }
    if (request->playFloor < 0.0 || request->playFloor >= 1.0) {
        *error = "--floor must lie in [0, 1)";
        return false;
    }
    if (request->outOfScaleWeight < 0.0 || request->outOfScaleWeight > 1.0) {
        *error = "--out-of-key must lie between 0 and 1";
        return false;
    }
    if (request->holdLimit < 0.0 || request->densityGain < 0.0 || request->rhythmGain < 0.0) {
        *error = "--hold-limit, --density-gain and --rhythm-gain cannot be negative";
        return false;
    }
    if (request->temperature <= 0.0 || request->conservativity <= 0.0) {
        *error = "--temperature and --conservativity must be positive";
        return false;
    }
    return true;
}

}  // namespace biaxial::cli
