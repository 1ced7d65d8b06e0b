#pragma once

#include <torch/torch.h>

#include <optional>
#include <tuple>
#include <utility>
#include <vector>

#include "biaxial/model/ModelConfig.h"

namespace biaxial {

// The states (h, c) of a stack of LSTM layers, one pair per layer, each [1, sequences, hidden].
using LstmStates = std::vector<std::pair<torch::Tensor, torch::Tensor>>;

// Dropout of the 2015 model (theano_lstm's MultiDropout): one 0/1 mask per sequence and hidden
// unit, the same at every position of the sequence, on the input of every layer after the first
// (the output layer included); no rescaling while training, so inference multiplies those
// inputs by (1 - dropout) instead ("correct for dropout" in the original).
struct DropoutMasks {
    std::vector<torch::Tensor> time;  // [1, sequences, hidden of layer l-1] for time layers l >= 1
    std::vector<torch::Tensor> note;  // the same for note layers l >= 1, then the output layer
};

// The biaxial network (DESIGN.md §1): stacked LSTMs along time (one sequence per piece and
// note, weights shared by the notes), stacked LSTMs upward along the notes (one sequence per
// piece and step), a linear layer to two logits (play, articulate given play).
class BiaxialNetworkImpl : public torch::nn::Module {
public:
    explicit BiaxialNetworkImpl(const ModelConfig& config);

    // Teacher-forced pass over whole segments.
    // features: [B, T, N, 80], the inputs built from steps 0..T-1;
    // targets:  [B, T, N, 2], the notes of steps 1..T (what the inputs predict), float 0/1.
    // Returns logits [B, T, N, 2]. With `generator` (training) dropout masks are drawn from it;
    // without it the inference scaling applies.
    torch::Tensor forward(const torch::Tensor& features, const torch::Tensor& targets,
                          torch::Generator* generator = nullptr);

    // Time axis over a sequence batch. x: [T, S, 80]; states: null = zeros, else read and
    // replaced by the final states. Returns the last layer's output [T, S, H].
    torch::Tensor timeAxis(const torch::Tensor& x, LstmStates* states, const DropoutMasks* masks);
    // Note axis over a sequence batch. x: [N, M, Htime + 2]. Returns logits [N, M, 2].
    torch::Tensor noteAxis(const torch::Tensor& x, const DropoutMasks* masks);

    DropoutMasks drawMasks(std::int64_t timeSequences, std::int64_t noteSequences,
                           torch::Generator& generator, const torch::Device& device) const;
    // The factor that replaces the masks at inference: 1 - dropout.
    double inferenceScale() const { return 1.0 - config_.dropout; }

    // The initial (h, c) of a layer for `sequences` sequences: [1, S, H] each (the learned
    // initial state when the config has it, else zeros).
    std::pair<torch::Tensor, torch::Tensor> initialState(bool timeAxis, std::size_t layer,
                                                         std::int64_t sequences, const torch::Device& device);

    const ModelConfig& config() const { return config_; }
    std::vector<torch::nn::LSTM>& timeLayers() { return timeLayers_; }
    std::vector<torch::nn::LSTM>& noteLayers() { return noteLayers_; }
    torch::nn::Linear& output() { return output_; }

private:
    ModelConfig config_;
    std::vector<torch::nn::LSTM> timeLayers_;
    std::vector<torch::nn::LSTM> noteLayers_;
    torch::nn::Linear output_{nullptr};
    std::vector<torch::Tensor> timeInitial_, noteInitial_;  // per layer: h then c, [H] each
};
TORCH_MODULE(BiaxialNetwork);

// One LSTM layer (the module's parameters): x [T, S, in], h0/c0 [1, S, H] -> (out, hT, cT).
// On CPU float32 a fused single-node implementation (same results up to float rounding),
// else the module's own forward (CUDA: cuDNN).
std::tuple<torch::Tensor, torch::Tensor, torch::Tensor> runLstmLayer(torch::nn::LSTM& lstm,
                                                                     const torch::Tensor& x,
                                                                     const torch::Tensor& h0,
                                                                     const torch::Tensor& c0);
// The fused CPU path on/off (process-wide, default on): for the benchmark's baseline and tests.
// Call between jobs, not while one runs.
void setFusedLstmEnabled(bool enabled);
bool fusedLstmEnabled();
// Mixed precision for the fused CPU path: every matrix product of the LSTM layers (forward and
// backward) takes bfloat16 operands, accumulates in float32 (oneDNN, AVX-512 BF16) and returns
// float32; weights, cell states, gate maths and the optimiser stay float32. Per thread,
// default off; the trainer turns it on for TrainingOptions::bf16 on its own thread.
void setLstmBf16(bool enabled);
bool lstmBf16();

// Sets one of the switches above for a scope and restores its previous value however the scope
// ends: ScopedLstmSwitch bf16(setLstmBf16, lstmBf16, true).
class ScopedLstmSwitch {
public:
    ScopedLstmSwitch(void (*set)(bool), bool (*get)(), bool on) : set_(set), before_(get()) { set_(on); }
    ~ScopedLstmSwitch() { set_(before_); }
    ScopedLstmSwitch(const ScopedLstmSwitch&) = delete;
    ScopedLstmSwitch& operator=(const ScopedLstmSwitch&) = delete;

private:
    void (*set_)(bool);
    bool before_;
};

// The masked NLL of the original, summed: -log P(play) everywhere, -log P(articulate) only
// where the note plays. logits, targets: [..., 2].
torch::Tensor biaxialLoss(const torch::Tensor& logits, const torch::Tensor& targets);

}  // namespace biaxial
