// `biaxial info`: what a model file holds.
#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "biaxial/model/Model.h"

namespace {

const char* kUsage =
    "usage: biaxial info MODEL.pt\n\nPrints a model file's format, config, training steps and model card.";

int run(const std::vector<std::string>& args) {
    biaxial::cli::ArgParser p({}, {});
    if (!p.parse(args) || p.positional().size() != 1) {
        std::fprintf(stderr, "biaxial info: %s\n%s\n",
                     p.error().empty() ? "needs one model file" : p.error().c_str(), kUsage);
        return 2;
    }
    std::string why;
    auto info = biaxial::Model::readInfo(p.positional()[0], &why);
    if (!info) {
        std::fprintf(stderr, "biaxial info: %s\n", why.c_str());
        return 1;
    }
    std::printf("file:           %s\n", p.positional()[0].c_str());
    std::printf("format:         biaxial-lstm version %d\n", info->formatVersion);
    std::printf("config:         %s\n", info->config.describe().c_str());
    std::printf("parameters:     %lld\n", static_cast<long long>(info->parameterCount));
    std::printf("trained:        %lld batches\n", static_cast<long long>(info->trainingSteps));
    std::printf("training state: %s\n", info->hasTrainingState ? "yes (can resume)" : "no (weights only)");
    for (const auto& [k, v] : info->metadata)
        std::printf("%-15s %s\n", (k + ":").c_str(), v.c_str());
    return 0;
}

biaxial::cli::CommandRegistration reg{{"info", "print a model file's config and model card", kUsage, run}};

}  // namespace
