#include "WeightAverage.h"

#include <algorithm>

namespace biaxial {

void swapWeights(const torch::OrderedDict<std::string, torch::Tensor>& params,
                 std::vector<torch::Tensor>& other) {
    torch::NoGradGuard noGrad;
    std::size_t i = 0;
    for (const auto& p : params) {
        auto current = p.value().detach().clone();
        p.value().copy_(other[i]);
        other[i++] = current;
    }
}

WeightAverage::WeightAverage(double decay, torch::OrderedDict<std::string, torch::Tensor> params,
                             const std::map<std::string, torch::Tensor>* resumedSlots,
                             const torch::Device& device)
    : decay_(decay), params_(std::move(params)) {
    if (!enabled())
        return;
    torch::NoGradGuard noGrad;
    for (const auto& p : params_) {
        auto it = resumedSlots ? resumedSlots->find("ema/" + p.key())
                               : std::map<std::string, torch::Tensor>::const_iterator{};
        const bool have =
            resumedSlots && it != resumedSlots->end() && it->second.sizes() == p.value().sizes();
        average_.push_back(have ? it->second.to(device, torch::kFloat32) : p.value().detach().clone());
    }
}

void WeightAverage::update(std::int64_t step) {
    if (!enabled())
        return;
    torch::NoGradGuard noGrad;
    const double b = static_cast<double>(step);
    const double d = std::min(decay_, (1.0 + b) / (10.0 + b));
    std::size_t i = 0;
    for (const auto& p : params_)
        average_[i++].mul_(d).add_(p.value().detach(), 1.0 - d);
}

void WeightAverage::swap() {
    if (enabled())
        swapWeights(params_, average_);
}

std::vector<torch::Tensor> WeightAverage::copies() const {
    std::vector<torch::Tensor> out;
    for (const auto& a : average_)
        out.push_back(a.clone());
    return out;
}

void WeightAverage::saveTo(std::map<std::string, torch::Tensor>* slots) const {
    if (!enabled())
        return;
    std::size_t i = 0;
    for (const auto& p : params_)
        (*slots)["ema/" + p.key()] = average_[i++];
}

}  // namespace biaxial
