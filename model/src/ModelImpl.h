#pragma once

#include <torch/torch.h>

#include <map>
#include <string>

#include "BiaxialNetwork.h"
#include "biaxial/model/Model.h"

namespace biaxial {

// What a Model handle points at (model/src only).
struct Model::Impl {
    ModelConfig config;
    BiaxialNetwork net{nullptr};
    torch::Device device{torch::kCPU};
    std::map<std::string, std::string> metadata;
    std::int64_t trainingSteps = 0;
};

}  // namespace biaxial
