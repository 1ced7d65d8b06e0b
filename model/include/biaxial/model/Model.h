#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "biaxial/model/ModelConfig.h"

namespace biaxial {

// What a model file says about itself, readable without building the network.
struct ModelInfo {
    int formatVersion = 0;
    ModelConfig config;
    std::int64_t trainingSteps = 0;  // batches the weights have been trained for
    std::int64_t parameterCount = 0;
    bool hasTrainingState = false;                // optimiser + random state: the file can resume training
    std::map<std::string, std::string> metadata;  // model-card key/values ("corpus", "valid_nll", ...)
};

// A biaxial network: its config, weights and metadata. A cheap handle: copies share the
// same weights (use clone() for an independent copy). Torch stays behind the pimpl.
//
// Threads: load/save/create may be called from any thread. One job (training or generation)
// at a time may use a handle; several generators may share one handle for reading only.
class Model {
public:
    static constexpr int kFormatVersion = 1;

    Model();  // a null model (isNull() is true)
    ~Model();
    Model(const Model&);
    Model& operator=(const Model&);
    Model(Model&&) noexcept;
    Model& operator=(Model&&) noexcept;

    // A fresh network with random weights (deterministic for a seed). Empty optional and
    // `error` filled when the config is invalid.
    static std::optional<Model> create(const ModelConfig& config, std::uint64_t seed = 1,
                                       std::string* error = nullptr);
    // Loads a model file (or a training checkpoint). A missing, corrupt, truncated or
    // incompatible file gives an empty optional and a sentence naming the file and the problem.
    static std::optional<Model> load(const std::string& path, std::string* error = nullptr);
    // Reads only the header of a model file (config, steps, metadata).
    static std::optional<ModelInfo> readInfo(const std::string& path, std::string* error = nullptr);
    // Writes weights, config and metadata (no optimiser state) to a temporary file, then renames.
    bool save(const std::string& path, std::string* error = nullptr) const;

    bool isNull() const { return impl_ == nullptr; }
    const ModelConfig& config() const;
    ModelInfo info() const;
    std::int64_t trainingSteps() const;

    const std::map<std::string, std::string>& metadata() const;
    void setMetadata(const std::string& key, const std::string& value);

    // "cpu" or "cuda" (or "cuda:1"); "auto" picks CUDA when LibTorch has it and a GPU is
    // present. Moves the weights. Returns false with a reason for an unavailable device.
    bool setDevice(const std::string& device, std::string* error = nullptr);
    std::string deviceName() const;

    Model clone() const;

    // Devices usable on this machine ("cpu", then "cuda" when present).
    static std::vector<std::string> availableDevices();
    static bool cudaAvailable();
    // Whether bfloat16 products are fast here: the CPU has AVX-512 BF16 and LibTorch has
    // oneDNN (TrainingOptions::bf16, GenerationOptions::bf16 work anyway, only slower).
    static bool cpuBf16Fast();

    struct Impl;  // model/src only
    Impl* impl() const { return impl_.get(); }
    explicit Model(std::shared_ptr<Impl> impl);

private:
    std::shared_ptr<Impl> impl_;
};

}  // namespace biaxial
