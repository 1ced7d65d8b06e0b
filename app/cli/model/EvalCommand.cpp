// `biaxial eval`: test NLL on a Boulanger-Lewandowski benchmark JSON file.
#include <cstdio>
#include <filesystem>

#include "ArgParser.h"
#include "Command.h"
#include "biaxial/model/DatasetReader.h"
#include "biaxial/model/Evaluator.h"
#include "biaxial/model/Model.h"

namespace {

const char* kUsage =
    "usage: biaxial eval --model MODEL.pt[,MODEL2.pt...] --dataset FILE.json [--split test|valid|train]\n"
    "                    [--device D]\n"
    "\n"
    "Scores a model as the polyphonic benchmarks do (../shared/data/README.md): the Bernoulli\n"
    "log-likelihood of all 88 keys' play bits of each frame given the frames before it, in\n"
    "nats per frame. The last line is `NLL <x> nats/frame over <n> frames`.\n"
    "\n"
    "Several models separated by commas score as one ensemble: at every note's conditional the\n"
    "members' probabilities are averaged (an equal-weight mixture, itself a distribution).";

int run(const std::vector<std::string>& args) {
    biaxial::cli::ArgParser p({"model", "dataset", "split", "device"}, {});
    if (!p.parse(args) || p.get("model").empty() || p.get("dataset").empty()) {
        std::fprintf(stderr, "biaxial eval: %s\n%s\n",
                     p.error().empty() ? "needs --model and --dataset" : p.error().c_str(), kUsage);
        return 2;
    }
    const std::string split = p.get("split", "test");
    if (split != "test" && split != "valid" && split != "train") {
        std::fprintf(stderr, "biaxial eval: unknown --split '%s' (test, valid or train)\n", split.c_str());
        return 2;
    }
    std::string why;
    // Several models separated by commas; a single existing file whose name holds a comma stays whole.
    std::error_code ec;
    const auto paths = std::filesystem::exists(p.get("model"), ec) ? std::vector<std::string>{p.get("model")}
                                                                   : p.getList("model", ',');
    std::vector<biaxial::Model> models;
    models.reserve(paths.size());
    for (const auto& path : paths) {
        auto model = biaxial::Model::load(path, &why);
        if (!model || !model->setDevice(p.get("device", "auto"), &why)) {
            std::fprintf(stderr, "biaxial eval: %s\n", why.c_str());
            return 1;
        }
        const auto& c = model->config();
        if (c.lowPitch != 21 || c.numNotes != 88) {
            std::fprintf(
                stderr,
                "biaxial eval: the benchmarks score 88 keys (MIDI 21..108); %s covers %d..%d (train it with "
                "--low-pitch 21 --notes 88)\n",
                path.c_str(), c.lowPitch, c.highPitch());
            return 1;
        }
        std::printf("model %s (%s, %lld batches), device %s\n", path.c_str(), c.describe().c_str(),
                    static_cast<long long>(model->trainingSteps()), model->deviceName().c_str());
        models.push_back(std::move(*model));
    }
    std::vector<const biaxial::Model*> members;
    for (const auto& m : models)
        members.push_back(&m);
    if (members.empty()) {
        std::fprintf(stderr, "biaxial eval: --model names no file\n%s\n", kUsage);
        return 2;
    }
    const auto& c = members.front()->config();
    auto ds = biaxial::DatasetReader::readFile(p.get("dataset"), c.lowPitch, c.numNotes, &why);
    if (!ds) {
        std::fprintf(stderr, "biaxial eval: %s\n", why.c_str());
        return 1;
    }
    const auto& pieces = split == "test" ? ds->test : split == "valid" ? ds->valid : ds->train;
    if (members.size() > 1)
        std::printf("ensemble of %zu models, probabilities averaged\n", members.size());
    std::printf("%s split: %zu pieces\n", split.c_str(), pieces.size());
    std::fflush(stdout);
    auto r = biaxial::Evaluator::evaluateEnsemble(members, pieces);
    if (!r.ok) {
        std::fprintf(stderr, "biaxial eval: %s\n", r.error.c_str());
        return 1;
    }
    std::printf("full NLL (play + articulate) %.4f nats/note-step\n", r.nllPerNoteStep);
    std::printf("NLL %.4f nats/frame over %lld frames\n", r.nllPerFrame, static_cast<long long>(r.frames));
    return 0;
}

biaxial::cli::CommandRegistration reg{
    {"eval", "score a model on a benchmark JSON dataset (NLL nats/frame)", kUsage, run}};

}  // namespace
