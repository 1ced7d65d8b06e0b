#include "BiaxialNetwork.h"

#include "FastMath.h"

#include <cmath>
#include <string>

namespace biaxial {

namespace {

// One LSTM layer over a whole sequence batch on the CPU as a single autograd node, the way
// cuDNN does it: the input product for all steps in one matrix product; per step one matrix
// product and one fused pass over the gates (activations stored in place); backward per step
// one fused pass and one matrix product, then the weight gradients for all steps at once
// (two large products). LibTorch 1.13's CPU LSTM instead records ~15 autograd nodes per step,
// each a separate pass over [S, 4H] (DESIGN.md §2: the time beyond the SGEMMs).
// Gate order and biases as torch::nn::LSTM (input, forget, cell, output).
// Activations: FastMath.h (the same tanh as the continuation's cells).
inline float tanhA(float x) {
    return rationalTanh(x);
}
inline float sigm(float x) {
    return rationalSigmoid(x);
}

__attribute__((target_clones("avx512f", "avx2", "default"))) void cellForward(
    float* __restrict g, const float* __restrict cPrev, float* __restrict c, float* __restrict h,
    std::int64_t S, std::int64_t H) {
    for (std::int64_t s = 0; s < S; ++s) {
        float* gi = g + s * 4 * H;
        float* gf = gi + H;
        float* gg = gi + 2 * H;
        float* go = gi + 3 * H;
        const float* cp = cPrev + s * H;
        float* cs = c + s * H;
        float* hs = h + s * H;
        for (std::int64_t j = 0; j < H; ++j) {
            const float i = sigm(gi[j]), f = sigm(gf[j]), gc = tanhA(gg[j]), o = sigm(go[j]);
            gi[j] = i;
            gf[j] = f;
            gg[j] = gc;
            go[j] = o;
            const float cn = f * cp[j] + i * gc;
            cs[j] = cn;
            hs[j] = o * tanhA(cn);
        }
    }
}

// dh: the gradient reaching h_t (output + next step); dc: in = from step t+1, out = to c_{t-1}.
__attribute__((target_clones("avx512f", "avx2", "default"))) void cellBackward(
    const float* __restrict act, const float* __restrict cPrev, const float* __restrict c,
    const float* __restrict dh, float* __restrict dc, float* __restrict dg, std::int64_t S, std::int64_t H) {
    for (std::int64_t s = 0; s < S; ++s) {
        const float* ai = act + s * 4 * H;
        float* di = dg + s * 4 * H;
        const float* cp = cPrev + s * H;
        const float* cs = c + s * H;
        const float* dhs = dh + s * H;
        float* dcs = dc + s * H;
        for (std::int64_t j = 0; j < H; ++j) {
            const float i = ai[j], f = ai[H + j], gc = ai[2 * H + j], o = ai[3 * H + j];
            const float tc = tanhA(cs[j]);
            const float dct = dcs[j] + dhs[j] * o * (1.0f - tc * tc);
            di[j] = dct * gc * i * (1.0f - i);
            di[H + j] = dct * cp[j] * f * (1.0f - f);
            di[2 * H + j] = dct * i * (1.0f - gc * gc);
            di[3 * H + j] = dhs[j] * tc * o * (1.0f - o);
            dcs[j] = dct * f;
        }
    }
}

// Per thread: a training with --bf16 on its worker must not change a continuation that runs
// beside it in the studio. (LibTorch runs a CPU backward pass on the thread that calls it.)
thread_local bool gBf16 = false;

// a @ b in float32, or through bfloat16 operands when mixed precision is on. oneDNN's bf16
// kernels want dense operands: transposed views are copied (the copy is cheap next to the product).
torch::Tensor mmP(const torch::Tensor& a, const torch::Tensor& b) {
    if (!gBf16)
        return torch::mm(a, b);
    return torch::mm(a.to(torch::kBFloat16).contiguous(), b.to(torch::kBFloat16).contiguous())
        .to(torch::kFloat32);
}

// A weight as a dense bfloat16 operand, once per layer call (or the float32 weight itself).
torch::Tensor operand(const torch::Tensor& w) {
    return gBf16 ? w.to(torch::kBFloat16).contiguous() : w;
}

class FusedLstm : public torch::autograd::Function<FusedLstm> {
public:
    // x [T, S, in], h0/c0 [S, H], wih [4H, in], whh [4H, H], bih/bhh [4H].
    // Returns out [T, S, H], hT [S, H], cT [S, H].
    static torch::autograd::variable_list forward(torch::autograd::AutogradContext* ctx, torch::Tensor x,
                                                  torch::Tensor h0, torch::Tensor c0, torch::Tensor wih,
                                                  torch::Tensor whh, torch::Tensor bih, torch::Tensor bhh) {
        auto r = run(x, h0, c0, wih, whh, bih, bhh);
        x = x.contiguous();
        h0 = h0.contiguous();
        c0 = c0.contiguous();
        auto act = r[3], cs = r[4], out = r[0];
        ctx->save_for_backward({x, h0, c0, wih, whh, act, cs, out});
        return {r[0], r[1], r[2]};
    }

    // The forward pass without autograd: out, hT, cT, then the saved activations and cells.
    static std::vector<torch::Tensor> run(torch::Tensor x, torch::Tensor h0, torch::Tensor c0,
                                          const torch::Tensor& wih, const torch::Tensor& whh,
                                          const torch::Tensor& bih, const torch::Tensor& bhh) {
        x = x.contiguous();
        h0 = h0.contiguous();
        c0 = c0.contiguous();
        const auto T = x.size(0), S = x.size(1), H = whh.size(1);
        auto whhT = operand(whh.t());
        // [T, S, 4H]: pre-activations, then (in place) the activations i, f, g, o.
        auto act = gBf16 ? mmP(x.view({T * S, x.size(2)}), wih.t()).add_(bih + bhh).view({T, S, 4 * H})
                         : torch::addmm(bih + bhh, x.view({T * S, x.size(2)}), wih.t()).view({T, S, 4 * H});
        auto out = torch::empty({T, S, H}, x.options());
        auto cs = torch::empty({T, S, H}, x.options());
        for (std::int64_t t = 0; t < T; ++t) {
            auto hPrev = t == 0 ? h0 : out[t - 1];
            auto cPrev = t == 0 ? c0 : cs[t - 1];
            auto g = act[t];
            if (gBf16)
                g.add_(torch::mm(hPrev.to(torch::kBFloat16), whhT));
            else
                g.addmm_(hPrev, whhT);
            cellForward(g.data_ptr<float>(), cPrev.data_ptr<float>(), cs[t].data_ptr<float>(),
                        out[t].data_ptr<float>(), S, H);
        }
        auto hT = out[T - 1].clone(), cT = cs[T - 1].clone();
        return {out, hT, cT, act, cs};
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads) {
        auto saved = ctx->get_saved_variables();
        auto x = saved[0], h0 = saved[1], c0 = saved[2], wih = saved[3], whh = saved[4], act = saved[5],
             cs = saved[6], out = saved[7];
        const auto T = x.size(0), S = x.size(1), H = whh.size(1), I = x.size(2);
        auto dOut = grads[0].defined() ? grads[0].contiguous() : torch::zeros_like(out);
        auto dh = grads[1].defined() ? grads[1].clone().contiguous() : torch::zeros({S, H}, x.options());
        auto dc = grads[2].defined() ? grads[2].clone().contiguous() : torch::zeros({S, H}, x.options());
        auto dg = torch::empty({T, S, 4 * H}, x.options());
        auto dhTotal = torch::empty({S, H}, x.options());
        const auto whhOp = operand(whh);
        for (std::int64_t t = T - 1; t >= 0; --t) {
            torch::add_out(dhTotal, dOut[t], dh);
            auto cPrev = t == 0 ? c0 : cs[t - 1];
            cellBackward(act[t].data_ptr<float>(), cPrev.data_ptr<float>(), cs[t].data_ptr<float>(),
                         dhTotal.data_ptr<float>(), dc.data_ptr<float>(), dg[t].data_ptr<float>(), S, H);
            if (gBf16)
                dh.copy_(torch::mm(dg[t].to(torch::kBFloat16), whhOp));  // to h_{t-1}
            else
                torch::mm_out(dh, dg[t], whh);
        }
        auto dgAll = dg.view({T * S, 4 * H});
        torch::Tensor dx, dwih, dwhh;
        if (gBf16) {
            const auto dgOp = operand(dgAll);  // one bf16 copy serves all three products
            dx = mmP(dgOp, wih).view({T, S, I});
            dwih = mmP(dgOp.t(), x.view({T * S, I}));
            dwhh = mmP(dgOp.slice(0, 0, S).t(), h0);
            if (T > 1)
                dwhh.add_(mmP(dgOp.slice(0, S).t(), out.slice(0, 0, T - 1).reshape({(T - 1) * S, H})));
        } else {
            dx = torch::mm(dgAll, wih).view({T, S, I});
            dwih = torch::mm(dgAll.t(), x.view({T * S, I}));
            // h_{t-1} for every step: h0, then the outputs but the last.
            dwhh = torch::mm(dg[0].t(), h0);
            if (T > 1)
                dwhh.addmm_(dg.slice(0, 1).reshape({(T - 1) * S, 4 * H}).t(),
                            out.slice(0, 0, T - 1).reshape({(T - 1) * S, H}));
        }
        auto db = dgAll.sum(0);
        return {dx, dh, dc, dwih, dwhh, db, db.clone()};
    }
};

bool gFusedLstm = true;

}  // namespace

void setFusedLstmEnabled(bool enabled) {
    gFusedLstm = enabled;
}
void setLstmBf16(bool enabled) {
    gBf16 = enabled;
}
bool lstmBf16() {
    return gBf16;
}
bool fusedLstmEnabled() {
    return gFusedLstm;
}

std::tuple<torch::Tensor, torch::Tensor, torch::Tensor> runLstmLayer(torch::nn::LSTM& lstm,
                                                                     const torch::Tensor& x,
                                                                     const torch::Tensor& h0,
                                                                     const torch::Tensor& c0) {
    if (gFusedLstm && x.device().is_cpu() && x.scalar_type() == torch::kFloat32 && x.size(0) > 0) {
        auto p = lstm->named_parameters();
        if (!torch::GradMode::is_enabled()) {  // inference: no graph, nothing saved
            auto r = FusedLstm::run(x, h0[0], c0[0], p["weight_ih_l0"], p["weight_hh_l0"], p["bias_ih_l0"],
                                    p["bias_hh_l0"]);
            return {r[0], r[1].unsqueeze(0), r[2].unsqueeze(0)};
        }
        auto r = FusedLstm::apply(x, h0[0], c0[0], p["weight_ih_l0"], p["weight_hh_l0"], p["bias_ih_l0"],
                                  p["bias_hh_l0"]);
        return {r[0], r[1].unsqueeze(0), r[2].unsqueeze(0)};
    }
    auto [out, hc] = lstm->forward(x, std::make_tuple(h0, c0));
    return {out, std::get<0>(hc), std::get<1>(hc)};
}

BiaxialNetworkImpl::BiaxialNetworkImpl(const ModelConfig& config) : config_(config) {
    std::int64_t in = ModelConfig::kInputsPerNote;
    for (std::size_t i = 0; i < config.timeSizes.size(); ++i) {
        timeLayers_.push_back(register_module(
            "time" + std::to_string(i), torch::nn::LSTM(torch::nn::LSTMOptions(in, config.timeSizes[i]))));
        in = config.timeSizes[i];
    }
    in += 2;
    for (std::size_t i = 0; i < config.noteSizes.size(); ++i) {
        noteLayers_.push_back(register_module(
            "note" + std::to_string(i), torch::nn::LSTM(torch::nn::LSTMOptions(in, config.noteSizes[i]))));
        in = config.noteSizes[i];
    }
    output_ = register_module("output", torch::nn::Linear(in, 2));
    if (config.learnedInitialState) {
        // theano_lstm initialises them to zeros and trains them with the weights.
        for (std::size_t i = 0; i < config.timeSizes.size(); ++i) {
            timeInitial_.push_back(
                register_parameter("time" + std::to_string(i) + "_h0", torch::zeros({config.timeSizes[i]})));
            timeInitial_.push_back(
                register_parameter("time" + std::to_string(i) + "_c0", torch::zeros({config.timeSizes[i]})));
        }
        for (std::size_t i = 0; i < config.noteSizes.size(); ++i) {
            noteInitial_.push_back(
                register_parameter("note" + std::to_string(i) + "_h0", torch::zeros({config.noteSizes[i]})));
            noteInitial_.push_back(
                register_parameter("note" + std::to_string(i) + "_c0", torch::zeros({config.noteSizes[i]})));
        }
    }
}

std::pair<torch::Tensor, torch::Tensor> BiaxialNetworkImpl::initialState(bool timeAxis, std::size_t layer,
                                                                         std::int64_t sequences,
                                                                         const torch::Device& device) {
    const auto& learned = timeAxis ? timeInitial_ : noteInitial_;
    if (learned.empty()) {
        const std::int64_t H = timeAxis ? config_.timeSizes[layer] : config_.noteSizes[layer];
        auto z = torch::zeros({1, sequences, H}, torch::TensorOptions().device(device));
        return {z, z};
    }
    auto h = learned[2 * layer], c = learned[2 * layer + 1];
    return {h.view({1, 1, -1}).expand({1, sequences, h.size(0)}).contiguous(),
            c.view({1, 1, -1}).expand({1, sequences, c.size(0)}).contiguous()};
}

DropoutMasks BiaxialNetworkImpl::drawMasks(std::int64_t timeSequences, std::int64_t noteSequences,
                                           torch::Generator& generator, const torch::Device& device) const {
    DropoutMasks masks;
    const double keep = 1.0 - config_.dropout;
    auto draw = [&](std::int64_t sequences, std::int64_t hidden) {
        auto m = torch::empty({1, sequences, hidden}, torch::kFloat32).bernoulli_(keep, generator);
        return m.to(device);
    };
    for (std::size_t l = 1; l < config_.timeSizes.size(); ++l)
        masks.time.push_back(draw(timeSequences, config_.timeSizes[l - 1]));
    for (std::size_t l = 1; l <= config_.noteSizes.size(); ++l)
        masks.note.push_back(draw(noteSequences, config_.noteSizes[l - 1]));
    return masks;
}

torch::Tensor BiaxialNetworkImpl::timeAxis(const torch::Tensor& x, LstmStates* states,
                                           const DropoutMasks* masks) {
    torch::Tensor h = x;
    const double scale = inferenceScale();
    for (std::size_t l = 0; l < timeLayers_.size(); ++l) {
        if (l > 0) {
            if (masks)
                h = h * masks->time[l - 1];
            else if (scale != 1.0)
                h = h * scale;
        }
        const bool resume = states && states->size() == timeLayers_.size();
        auto init = resume ? (*states)[l] : initialState(true, l, h.size(1), h.device());
        auto [out, hT, cT] = runLstmLayer(timeLayers_[l], h, init.first, init.second);
        if (resume)
            (*states)[l] = {hT, cT};
        else if (states)
            states->push_back({hT, cT});
        h = out;
    }
    return h;
}

torch::Tensor BiaxialNetworkImpl::noteAxis(const torch::Tensor& x, const DropoutMasks* masks) {
    torch::Tensor h = x;
    const double scale = inferenceScale();
    for (std::size_t l = 0; l < noteLayers_.size(); ++l) {
        if (l > 0) {
            if (masks)
                h = h * masks->note[l - 1];
            else if (scale != 1.0)
                h = h * scale;
        }
        auto init = initialState(false, l, h.size(1), h.device());
        h = std::get<0>(runLstmLayer(noteLayers_[l], h, init.first, init.second));
    }
    if (masks)
        h = h * masks->note.back();
    else if (scale != 1.0)
        h = h * scale;
    return output_->forward(h);
}

torch::Tensor BiaxialNetworkImpl::forward(const torch::Tensor& features, const torch::Tensor& targets,
                                          torch::Generator* generator) {
    const auto B = features.size(0), T = features.size(1), N = features.size(2);
    std::optional<DropoutMasks> masks;
    if (generator)
        masks = drawMasks(B * N, B * T, *generator, features.device());
    const DropoutMasks* m = masks ? &*masks : nullptr;

    // [B, T, N, F] -> [T, B*N, F]: one time sequence per (piece, note).
    auto timeIn = features.permute({1, 0, 2, 3}).reshape({T, B * N, features.size(3)});
    auto timeOut = timeAxis(timeIn, nullptr, m);
    const auto H = timeOut.size(2);
    // [T, B, N, H] -> [N, B, T, H] -> [N, B*T, H]: one note sequence per (piece, step).
    auto noteTime = timeOut.view({T, B, N, H}).permute({2, 1, 0, 3}).reshape({N, B * T, H});
    // The note below's chosen (play, articulate): zeros for the lowest note.
    auto chosen = targets.permute({2, 0, 1, 3}).reshape({N, B * T, 2});
    auto below = torch::cat({torch::zeros({1, B * T, 2}, chosen.options()), chosen.slice(0, 0, N - 1)}, 0);
    auto logits = noteAxis(torch::cat({noteTime, below}, 2), m);  // [N, B*T, 2]
    return logits.view({N, B, T, 2}).permute({1, 2, 0, 3});
}

torch::Tensor biaxialLoss(const torch::Tensor& logits, const torch::Tensor& targets) {
    // log P = y log p + (1 - y) log(1 - p), in the stable log-sigmoid form.
    auto nll = torch::binary_cross_entropy_with_logits(logits, targets, {}, {}, torch::Reduction::None);
    auto play = nll.select(-1, 0);
    auto articulate = nll.select(-1, 1) * targets.select(-1, 0);
    return play.sum() + articulate.sum();
}

}  // namespace biaxial
