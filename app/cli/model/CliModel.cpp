#include "CliModel.h"

#include <cstdio>

#include "ModelPaths.h"

namespace biaxial::cli {

std::optional<Model> loadCliModel(const ArgParser& p, const char* command) {
    std::string modelPath = p.get("model");
    if (modelPath.empty()) {
        modelPath = defaultModelPath();
        if (modelPath.empty()) {
            std::fprintf(stderr,
                         "biaxial %s: no --model given and no default model found (looked for "
                         "default-model.pt in %s and %s); train one with `biaxial train` or pass --model\n",
                         command, BIAXIAL_RESOURCES_DIR, BIAXIAL_INSTALLED_RESOURCES_DIR);
            return std::nullopt;
        }
    }
    std::string why;
    auto model = Model::load(modelPath, &why);
    if (!model) {
        std::fprintf(stderr, "biaxial %s: %s\n", command, why.c_str());
        return std::nullopt;
    }
    if (!model->setDevice(p.get("device", "auto"), &why)) {
        std::fprintf(stderr, "biaxial %s: %s\n", command, why.c_str());
        return std::nullopt;
    }
    return model;
}

}  // namespace biaxial::cli
