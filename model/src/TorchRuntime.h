#pragma once

#include <torch/torch.h>

#include <optional>
#include <string>

namespace biaxial {

// Process-wide LibTorch set-up shared by every job of the model layer.
class TorchRuntime {
public:
    // Thread settings chosen once per process (DESIGN.md §2: one intra-op thread with
    // OpenBLAS's own threads measured faster than torch::set_num_threads(2)).
    // BIAXIAL_TORCH_THREADS overrides the intra-op thread count.
    static void configureOnce();
    // "auto" -> CUDA when LibTorch has it and a GPU is present, else CPU; "cpu"; "cuda[:i]".
    // Empty optional and `error` for an unknown or unavailable device.
    static std::optional<torch::Device> resolveDevice(const std::string& name, std::string* error = nullptr);
    static std::string deviceName(const torch::Device& device);
};

}  // namespace biaxial
