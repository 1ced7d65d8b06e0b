// `biaxial evaluate`: the musicality evaluation. Continues held-out seeds (bars of the model's
// validation pieces) and seeds of other character (CharacterSeeds) exactly as the studio's
// Continue does, and measures what a listener hears: does the new music carry the seed's texture
// on, does it sound like what the composer wrote next, how likely does the model find the
// composer's own next bars.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "ArgParser.h"
#include "CliModel.h"
#include "Command.h"
#include "ModelPaths.h"
#include "SamplingOptions.h"
#include "biaxial/engine/AtomicFile.h"
#include "biaxial/engine/CharacterSeeds.h"
#include "biaxial/engine/MidiFileWriter.h"
#include "biaxial/model/ConditioningEvaluation.h"
#include "biaxial/model/Model.h"
#include "biaxial/model/MusicalityEvaluation.h"

namespace {

const char* kUsage =
    "usage: biaxial evaluate [--model MODEL.pt] [--corpus DIR] [options]\n"
    "\n"
    "Continues seeds as the studio's Continue does (its defaults, or the sampling options below)\n"
    "and prints one table: for each seed, the new bars against the seed (onsets and notes sounding\n"
    "per step, longest note, onsets on eighth positions, onset positions in the bar, register,\n"
    "voices, share in the seed's key) and, for bars of held-out pieces, against what the composer\n"
    "wrote next (overlapping areas of the distributions of pitch classes, melodic intervals, note\n"
    "lengths, inter-onset intervals and polyphony; Yang and Lerch 2018) with the model's NLL of\n"
    "those bars given the seed.\n"
    "\n"
    "  --corpus DIR          where the model's held-out pieces are (default: the card's corpus)\n"
    "  --pieces N            at most N held-out pieces (default: all)\n"
    "  --seed-from A         the seed starts at bar A of each piece (default 5)\n"
    "  --seed-bars B         seed length in bars (default 4)\n"
    "  --bars N              new bars per continuation (default 8; the composer's next N bars)\n"
    "  --variations K        continuations per seed (default 3)\n"
    "  --best N              rank each seed's variations by the model's likelihood and measure the\n"
    "                        best N only (as a musician taking the first ones would)\n"
    "  --no-held-out         only the seeds of other character\n"
    "  --no-character        only the held-out pieces\n"
    "  --markdown FILE       also write the table as Markdown (for a model card)\n"
    "  --midi DIR            write each continuation (seed and new bars) as DIR/<seed>-<k>.mid\n"
    "  --conditioning        instead: locked notes and infill on the held-out pieces, plain forcing\n"
    "                        against --particles (default 16): Accompany the top voice of the\n"
    "                        composer's next bars (the model's log-likelihood of the melody and\n"
    "                        the silence above it given the rest; overlaps with what the composer\n"
    "                        wrote) and Regenerate the first 2 of them leading into the 2 after\n"
    "                        (the model's log-likelihood of those 2 bars given the new ones)\n"
    "  --device D            auto (default), cpu or cuda\n"
    "%s";

std::string fullUsage() {
    char buffer[8192];
    std::snprintf(buffer, sizeof buffer, kUsage, biaxial::cli::SamplingOptions::usage());
    return buffer;
}

std::string percent(double share) {
    if (share < 0)
        return "-";
    char b[32];
    std::snprintf(b, sizeof b, "%.0f%%", 100.0 * share);
    return b;
}

std::string fixed(double v, int digits) {
    if (!std::isfinite(v) || v < 0)
        return "-";
    char b[32];
    std::snprintf(b, sizeof b, "%.*f", digits, v);
    return b;
}

double safeRatio(double a, double b) {
    return b > 0 ? a / b : -1;
}

struct Row {
    std::string name, key, onsets, sounding, longest, eighth, positions, reg, voices, inKey;
    std::string pcs, intervals, lengths, iois, poly, nextKey, nll;
};

Row rowOf(const biaxial::SeedEvaluation& e) {
    using biaxial::TextureProfile;
    Row r;
    r.name = e.name;
    r.key = e.seedKey.empty() ? "-" : e.seedKey;
    r.onsets = fixed(safeRatio(e.generated.onsetsPerStep, e.seed.onsetsPerStep), 2) + "x";
    r.sounding = fixed(safeRatio(e.generated.soundingPerStep, e.seed.soundingPerStep), 2) + "x";
    r.longest = fixed(safeRatio(e.generated.longestNote, e.seed.longestNote), 1) + "x";
    r.eighth = fixed(e.generated.eighthOnsetShare, 2) + " / " + fixed(e.seed.eighthOnsetShare, 2);
    r.positions = fixed(TextureProfile::overlap(e.generated.onsetPositions, e.seed.onsetPositions), 2);
    char b[48];
    std::snprintf(b, sizeof b, "%+.1f", e.generated.meanPitch - e.seed.meanPitch);
    r.reg = b;
    r.voices = fixed(safeRatio(e.generated.voices, e.seed.voices), 2) + "x";
    r.inKey = percent(e.generatedInSeedKey);
    if (e.next) {
        r.pcs = fixed(TextureProfile::overlap(e.generated.pitchClasses, e.next->pitchClasses), 2);
        r.intervals = fixed(TextureProfile::overlap(e.generated.intervals, e.next->intervals), 2);
        r.lengths = fixed(TextureProfile::overlap(e.generated.noteLengths, e.next->noteLengths), 2);
        r.iois =
            fixed(TextureProfile::overlap(e.generated.interOnsetIntervals, e.next->interOnsetIntervals), 2);
        r.poly = fixed(TextureProfile::overlap(e.generated.polyphony, e.next->polyphony), 2);
        r.nextKey = percent(e.nextInSeedKey);
        r.nll = fixed(e.nextNll, 4);
    } else {
        r.pcs = r.intervals = r.lengths = r.iois = r.poly = r.nextKey = r.nll = "-";
    }
    return r;
}

Row rowOf(const std::string& name, const biaxial::MusicalitySummary& m) {
    Row r;
    r.name = name;
    r.key = "";
    r.onsets = fixed(m.onsetsRatio, 2) + "x";
    r.sounding = fixed(m.soundingRatio, 2) + "x";
    r.longest = fixed(m.longestRatio, 1) + "x";
    r.eighth = "gap " + fixed(m.eighthShareGap, 2);
    r.positions = fixed(m.positionOverlap, 2);
    char b[48];
    std::snprintf(b, sizeof b, "%.1f", m.registerGap);
    r.reg = std::string("mean abs ") + b;  // no pipes: the row is also a Markdown table row
    r.voices = fixed(m.voicesRatio, 2) + "x";
    r.inKey = percent(m.inSeedKey);
    if (m.withNext > 0) {
        r.pcs = fixed(m.pitchClassOverlap, 2);
        r.intervals = fixed(m.intervalOverlap, 2);
        r.lengths = fixed(m.lengthOverlap, 2);
        r.iois = fixed(m.ioiOverlap, 2);
        r.poly = fixed(m.polyphonyOverlap, 2);
        r.nextKey = percent(m.nextInSeedKey);
        r.nll = fixed(m.nextNll, 4);
    } else {
        r.pcs = r.intervals = r.lengths = r.iois = r.poly = r.nextKey = r.nll = "-";
    }
    return r;
}

const char* kHeader[] = {
    "seed",         "key",      "onsets/step",  "sounding/step", "longest",      "on 8ths new/seed",
    "positions OA", "register", "voices",       "in key",        "pitch cl. OA", "intervals OA",
    "lengths OA",   "IOI OA",   "polyphony OA", "next in key",   "next NLL"};

std::vector<std::string> cells(const Row& r) {
    return {r.name,  r.key, r.onsets,    r.sounding, r.longest, r.eighth, r.positions, r.reg, r.voices,
            r.inKey, r.pcs, r.intervals, r.lengths,  r.iois,    r.poly,   r.nextKey,   r.nll};
}

void printText(const std::vector<Row>& rows, std::FILE* out) {
    std::vector<std::size_t> width(std::size(kHeader));
    for (std::size_t c = 0; c < width.size(); ++c)
        width[c] = std::string(kHeader[c]).size();
    for (const auto& r : rows) {
        const auto cs = cells(r);
        for (std::size_t c = 0; c < cs.size(); ++c)
            width[c] = std::max(width[c], cs[c].size());
    }
    auto print = [&](const std::vector<std::string>& cs) {
        for (std::size_t c = 0; c < cs.size(); ++c)
            std::fprintf(out, "%-*s%s", static_cast<int>(width[c]), cs[c].c_str(),
                         c + 1 < cs.size() ? "  " : "\n");
    };
    print(std::vector<std::string>(std::begin(kHeader), std::end(kHeader)));
    for (const auto& r : rows)
        print(cells(r));
}

std::string markdown(const std::vector<Row>& rows) {
    std::string md = "|";
    for (const char* h : kHeader)
        md += std::string(" ") + h + " |";
    md += "\n|";
    for (std::size_t c = 0; c < std::size(kHeader); ++c)
        md += "---|";
    md += "\n";
    for (const auto& r : rows) {
        md += "|";
        for (const auto& c : cells(r))
            md += " " + c + " |";
        md += "\n";
    }
    return md;
}

// `--conditioning`: plain forcing against sequential Monte Carlo on the held-out seeds.
int conditioning(const biaxial::Model& model, const std::string& modelPath,
                 const std::vector<biaxial::EvaluationSeed>& seeds,
                 const biaxial::MusicalityOptions& musicality, int seedBars,
                 const std::string& markdownPath) {
    if (seeds.empty()) {
        std::fprintf(stderr, "biaxial evaluate: --conditioning needs the held-out pieces\n");
        return 2;
    }
    std::printf("conditioning on %s: %zu held-out pieces, %d variations each\n", modelPath.c_str(),
                seeds.size(), musicality.variations);
    std::string table =
        "| particles | accompany: log-lik. of the locked melody per step | onsets vs composer | pitch "
        "classes | "
        "note lengths | inter-onset | polyphony | infill: log-lik. of the 2 bars after per step | seconds |\n"
        "|---|---|---|---|---|---|---|---|---|\n";
    for (int particles : {1, musicality.sampling.particles}) {
        biaxial::ConditioningOptions options;
        options.sampling = musicality.sampling;
        options.particles = particles;
        options.variations = musicality.variations;
        options.seedBars = seedBars;
        biaxial::ConditioningSummary sum;
        std::string why;
        if (!biaxial::ConditioningEvaluation::run(
                model, seeds, options, &sum, &why, nullptr,
                [](int done, int total) { std::fprintf(stderr, "\r%d/%d pieces", done, total); })) {
            std::fprintf(stderr, "\nbiaxial evaluate: %s\n", why.c_str());
            return 1;
        }
        std::fprintf(stderr, "\n");
        char row[512];
        std::snprintf(
            row, sizeof row, "| %d%s | %.2f | %.2fx | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f |\n", particles,
            particles == 1 ? " (plain forcing, no look-ahead)" : " (sequential Monte Carlo)",
            sum.accompanyLockedPerStep, sum.accompanyOnsetsRatio, sum.pitchClassOverlap, sum.lengthOverlap,
            sum.ioiOverlap, sum.polyphonyOverlap, sum.infillLookAheadPerStep, sum.seconds);
        table += row;
        if (particles == musicality.sampling.particles)
            break;
    }
    std::printf("%s", table.c_str());
    if (!markdownPath.empty()) {
        std::string error;
        if (!biaxial::AtomicFile::write(markdownPath, table, &error)) {
            std::fprintf(stderr, "biaxial evaluate: %s\n", error.c_str());
            return 1;
        }
    }
    return 0;
}

int run(const std::vector<std::string>& args) {
    std::set<std::string> valued{"model",      "corpus",   "pieces", "seed-from", "seed-bars", "bars",
                                 "variations", "markdown", "midi",   "device",    "best"};
    std::set<std::string> flags{"no-held-out", "no-character", "conditioning"};
    valued.merge(biaxial::cli::SamplingOptions::valued());
    flags.merge(biaxial::cli::SamplingOptions::flags());
    biaxial::cli::ArgParser p(valued, flags);
    const std::string usage = fullUsage();
    if (!p.parse(args) || !p.positional().empty()) {
        std::fprintf(stderr, "biaxial evaluate: %s\n%s",
                     p.error().empty() ? "unexpected argument" : p.error().c_str(), usage.c_str());
        return 2;
    }
    biaxial::MusicalityOptions options;  // the studio's sampling defaults
    std::string why;
    if (!biaxial::cli::SamplingOptions::read(p, &options.sampling, &why)) {
        std::fprintf(stderr, "biaxial evaluate: %s\n", why.c_str());
        return 2;
    }
    options.bars = p.getInt("bars", 8);
    options.variations = p.getInt("variations", 3);
    options.keepBest = p.getInt("best", 0);
    const int seedFrom = p.getInt("seed-from", 5);
    const int seedBars = p.getInt("seed-bars", 4);
    const int maxPieces = p.getInt("pieces", 1 << 30);
    if (!p.error().empty() || options.bars < 1 || options.variations < 1 || seedFrom < 1 || seedBars < 1 ||
        maxPieces < 0) {
        std::fprintf(stderr, "biaxial evaluate: %s\n",
                     p.error().empty()
                         ? "--bars, --variations, --seed-from and --seed-bars must be at least 1"
                         : p.error().c_str());
        return 2;
    }
    if (p.has("no-held-out") && p.has("no-character")) {
        std::fprintf(stderr,
                     "biaxial evaluate: --no-held-out and --no-character leave nothing to evaluate\n");
        return 2;
    }

    // The model as every generating command loads it (--model, else the default; --device).
    auto model = biaxial::cli::loadCliModel(p, "evaluate");
    if (!model)
        return 1;
    const std::string modelPath = p.get("model").empty() ? biaxial::cli::defaultModelPath() : p.get("model");

    std::vector<biaxial::EvaluationSeed> seeds;
    if (!p.has("no-held-out")) {
        std::string corpus = p.get("corpus");
        if (corpus.empty()) {
            const auto it = model->metadata().find("corpus");
            if (it != model->metadata().end())
                corpus = it->second;
        }
        if (corpus.empty()) {
            std::fprintf(stderr,
                         "biaxial evaluate: %s names no corpus; give --corpus DIR (or --no-held-out)\n",
                         modelPath.c_str());
            return 2;
        }
        seeds = biaxial::MusicalityEvaluation::heldOutSeeds(*model, corpus, seedFrom, seedBars, options.bars,
                                                            &why);
        if (seeds.empty()) {
            std::fprintf(stderr, "biaxial evaluate: %s\n", why.c_str());
            return 1;
        }
        if (static_cast<int>(seeds.size()) > maxPieces)
            seeds.resize(static_cast<std::size_t>(maxPieces));
    }
    const std::size_t heldOut = seeds.size();
    if (p.has("conditioning"))
        return conditioning(*model, modelPath, seeds, options, seedBars, p.get("markdown"));
    if (!p.has("no-character"))
        for (auto& c : biaxial::CharacterSeeds::all())
            seeds.push_back({c.name, c.song, std::nullopt});

    std::printf(
        "evaluating %s: %zu held-out seeds (bars %d-%d, the next %d bars as the composer's), %zu seeds of "
        "other character, %d continuation(s) of %d bars each\n",
        modelPath.c_str(), heldOut, seedFrom, seedFrom + seedBars - 1, options.bars, seeds.size() - heldOut,
        options.variations, options.bars);
    std::fflush(stdout);
    const auto report =
        biaxial::MusicalityEvaluation::run(*model, seeds, options, nullptr, [&](int done, int total) {
            std::fprintf(stderr, "\r%d/%d seeds", done, total);
            if (done == total)
                std::fprintf(stderr, "\n");
        });
    if (!report.ok) {
        std::fprintf(stderr, "biaxial evaluate: %s\n", report.error.c_str());
        return 1;
    }

    std::vector<Row> rows;
    std::vector<const biaxial::SeedEvaluation*> held, character, all;
    for (std::size_t i = 0; i < report.seeds.size(); ++i) {
        rows.push_back(rowOf(report.seeds[i]));
        (i < heldOut ? held : character).push_back(&report.seeds[i]);
        all.push_back(&report.seeds[i]);
    }
    if (!held.empty())
        rows.push_back(rowOf("mean: held-out pieces (" + std::to_string(held.size()) + ")",
                             biaxial::MusicalityReport::summarise(held)));
    if (!character.empty())
        rows.push_back(rowOf("mean: other character (" + std::to_string(character.size()) + ")",
                             biaxial::MusicalityReport::summarise(character)));
    rows.push_back(
        rowOf("mean: all (" + std::to_string(all.size()) + ")", biaxial::MusicalityReport::summarise(all)));
    printText(rows, stdout);
    std::printf(
        "\nratios are geometric means of new / seed; OA = overlapping area of two distributions (1 = the "
        "same);"
        "\nNLL in nats per note-step of the composer's next bars given the seed\n");

    if (p.has("markdown")) {
        std::ofstream md(p.get("markdown"));
        md << markdown(rows);
        if (!md) {
            std::fprintf(stderr, "biaxial evaluate: cannot write %s\n", p.get("markdown").c_str());
            return 1;
        }
    }
    if (p.has("midi")) {
        const std::filesystem::path dir(p.get("midi"));
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        for (const auto& e : report.seeds) {
            std::string stem;
            for (char c : e.name)
                stem += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
            for (std::size_t k = 0; k < e.continuations.size(); ++k) {
                const auto path = dir / (stem + "-" + std::to_string(k + 1) + ".mid");
                if (auto err = biaxial::MidiFileWriter::writeFile(e.continuations[k], path.string())) {
                    std::fprintf(stderr, "biaxial evaluate: %s\n", err->message().c_str());
                    return 1;
                }
            }
        }
    }
    return 0;
}

biaxial::cli::CommandRegistration reg{
    {"evaluate", "how Continue sounds: new bars against their seeds and the composers' own", fullUsage(),
     run}};

}  // namespace
