#include "Optimizer.h"

#include <cmath>

namespace biaxial {

Optimizer::Optimizer(OptimizerKind kind, double learningRate, double clip) : kind_(kind), clip_(clip) {
    lr_ = learningRate > 0 ? learningRate : (kind == OptimizerKind::Adam ? 1e-3 : 1.0);
}

std::string Optimizer::name() const {
    return kind_ == OptimizerKind::Adam ? "adam" : "adadelta";
}

void Optimizer::init(const torch::OrderedDict<std::string, torch::Tensor>& params) {
    for (const auto& p : params) {
        slots_[p.key() + "/a"] = torch::zeros_like(p.value());
        slots_[p.key() + "/b"] = torch::zeros_like(p.value());
    }
    slots_["/t"] = torch::zeros({1}, torch::kFloat64);
}

void Optimizer::step(const torch::OrderedDict<std::string, torch::Tensor>& params) {
    torch::NoGradGuard noGrad;
    auto& t = slots_["/t"];
    t += 1;
    const double steps = t.item<double>();
    for (const auto& p : params) {
        auto grad = p.value().grad();
        if (!grad.defined())
            continue;
        if (clip_ > 0) {
            // theano_lstm: g * min(max_norm, |g|) / (|g| + eps), per parameter.
            auto norm = grad.norm();
            grad = grad * (torch::clamp_max(norm, clip_) / (norm + 1e-6));
        }
        auto& a = slots_[p.key() + "/a"];
        auto& b = slots_[p.key() + "/b"];
        if (kind_ == OptimizerKind::Adadelta) {
            constexpr double rho = 0.95, eps = 1e-6;
            a.mul_(rho).addcmul_(grad, grad, 1.0 - rho);
            auto delta = ((b + eps) / (a + eps)).sqrt_().mul_(grad).neg_();
            b.mul_(rho).addcmul_(delta, delta, 1.0 - rho);
            p.value().add_(delta, lr_);
        } else {
            constexpr double b1 = 0.9, b2 = 0.999, eps = 1e-8;
            a.mul_(b1).add_(grad, 1.0 - b1);
            b.mul_(b2).addcmul_(grad, grad, 1.0 - b2);
            const double c1 = 1.0 - std::pow(b1, steps), c2 = 1.0 - std::pow(b2, steps);
            auto denom = (b / c2).sqrt_().add_(eps);
            p.value().addcdiv_(a, denom, -lr_ / c1);
        }
    }
}

}  // namespace biaxial
