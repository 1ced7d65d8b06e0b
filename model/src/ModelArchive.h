#pragma once

#include <torch/torch.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ModelImpl.h"

namespace biaxial {

// The resumable part of a training run, stored beside the weights in a checkpoint.
struct TrainingState {
    std::string optimizer;                       // "adadelta" or "adam"
    std::map<std::string, torch::Tensor> slots;  // optimiser state per parameter ("<param>/<slot>")
    torch::Tensor torchRng;                      // dropout generator state
    std::string segmentRng;                      // std::mt19937_64 state as text
    std::vector<std::string> validationPieces;
    std::int64_t step = 0;
};

// The model file format: a LibTorch archive (zip) holding "format" = "biaxial-lstm",
// "version", the config and metadata as text, the step count, every weight as
// "param/<name>" and, in checkpoints, the training state. Versioned so that newer files are
// refused with a clear message instead of misread.
class ModelArchive {
public:
    static bool write(const Model::Impl& model, const TrainingState* state, const std::string& path,
                      std::string* error);
    // Reads a file; with `state` also its training state (an error when it has none).
    // `headerOnly` skips building the network (for info).
    static std::shared_ptr<Model::Impl> read(const std::string& path, TrainingState* state, bool headerOnly,
                                             ModelInfo* info, std::string* error);

    static std::string encodeConfig(const ModelConfig& config);
    static std::optional<ModelConfig> decodeConfig(const std::string& text, std::string* error);
    static std::string encodeMap(const std::map<std::string, std::string>& map);
    static std::map<std::string, std::string> decodeMap(const std::string& text);
};

}  // namespace biaxial
