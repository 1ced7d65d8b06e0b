#pragma once

#include <torch/torch.h>

#include <map>
#include <string>

#include "biaxial/model/Trainer.h"

namespace biaxial {

// Adadelta as theano_lstm does it (rho 0.95, eps 1e-6, step scale 1) and Adam, each with the
// original's per-parameter gradient clip. Their state lives in named slots ("<param>/a",
// "<param>/b", "/t") so that a checkpoint holds it and resume continues exactly.
class Optimizer {
public:
    Optimizer(OptimizerKind kind, double learningRate, double clip);
    std::string name() const;

    // Zeroed slots for every parameter.
    void init(const torch::OrderedDict<std::string, torch::Tensor>& params);
    // One update from the parameters' gradients (those without a gradient are left alone).
    void step(const torch::OrderedDict<std::string, torch::Tensor>& params);

    std::map<std::string, torch::Tensor>& slots() { return slots_; }

private:
    OptimizerKind kind_;
    double lr_ = 1.0;
    double clip_ = 0.0;
    std::map<std::string, torch::Tensor> slots_;
};

}  // namespace biaxial
