#pragma once

#include <torch/torch.h>

#include <map>
#include <string>
#include <vector>

namespace biaxial {

// An exponential moving average of the weights (TrainingOptions::weightAverage): decay d per
// batch, warmed up as min(d, (1 + b) / (10 + b)) at batch b so that early weights fade fast.
// Validation, --keep-best and the model file use the average; training goes on from the raw
// weights. A checkpoint holds it under "ema/<param>"; resuming a run that had none starts it
// from the weights. Off (every call a no-op) when the decay is 0.
class WeightAverage {
public:
    WeightAverage(double decay, torch::OrderedDict<std::string, torch::Tensor> params,
                  const std::map<std::string, torch::Tensor>* resumedSlots, const torch::Device& device);

    bool enabled() const { return decay_ > 0; }
    double decay() const { return decay_; }
    // After the optimiser's update of batch `step` (0-based).
    void update(std::int64_t step);
    // Exchanges the network's weights with the average (call again to swap back).
    void swap();
    // Copies of the average, in the parameters' order (for keep-best).
    std::vector<torch::Tensor> copies() const;
    // Writes the average into a checkpoint's slots.
    void saveTo(std::map<std::string, torch::Tensor>* slots) const;

private:
    double decay_;
    torch::OrderedDict<std::string, torch::Tensor> params_;
    std::vector<torch::Tensor> average_;  // in params_' order
};

// Exchanges the parameters' values with `other` (same order); other then holds the old ones.
void swapWeights(const torch::OrderedDict<std::string, torch::Tensor>& params,
                 std::vector<torch::Tensor>& other);

}  // namespace biaxial
