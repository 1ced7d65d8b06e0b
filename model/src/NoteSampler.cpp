#include "NoteSampler.h"

#include "FastMath.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace biaxial {

namespace {

// Y[k][r] += sum_c W[r][c] X[k][c] with W stored transposed (WT[c][r]): the inner loop is an
// axpy over r, which vectorises without reassociating a float sum (no -ffast-math needed), and
// zero inputs (most of the 0/1 note-below input) are skipped. Cloned per ISA so that one
// binary uses AVX-512 or AVX2 where the CPU has it. The weight row is the outer loop so that
// it is read once for all K variations (from L1) instead of K times (from L2); each y[k][r]
// still sums over c in the same order, so the result is bit-identical for any K.
__attribute__((target_clones("avx512f", "avx2", "default"))) void gemvBatchT(const float* __restrict WT,
                                                                             int rows, int cols,
                                                                             const float* __restrict X, int K,
                                                                             float* __restrict Y, int ldy) {
    for (int c = 0; c < cols; ++c) {
        const float* __restrict w = WT + static_cast<std::ptrdiff_t>(c) * rows;
        for (int k = 0; k < K; ++k) {
            const float xv = X[static_cast<std::ptrdiff_t>(k) * cols + c];
            if (xv == 0.0f)
                continue;
            float* __restrict y = Y + static_cast<std::ptrdiff_t>(k) * ldy;
            for (int r = 0; r < rows; ++r)
                y[r] += w[r] * xv;
        }
    }
}

__attribute__((target_clones("avx512f", "avx2", "default"))) void lstmCell(const float* __restrict gates,
                                                                           float* __restrict h,
                                                                           float* __restrict c, int H) {
    // LibTorch's gate order: input, forget, cell, output. sigmoid(x) = (1 + tanh(x / 2)) / 2.
    const float* gi = gates;
    const float* gf = gates + H;
    const float* gg = gates + 2 * H;
    const float* go = gates + 3 * H;
    for (int j = 0; j < H; ++j) {
        const float i = rationalSigmoid(gi[j]);
        const float f = rationalSigmoid(gf[j]);
        const float g = rationalTanh(gg[j]);
        const float o = rationalSigmoid(go[j]);
        const float cn = f * c[j] + i * g;
        c[j] = cn;
        h[j] = o * rationalTanh(cn);
    }
}

__attribute__((target_clones("avx512f", "avx2", "default"))) void axpy(float* __restrict y,
                                                                       const float* __restrict x, float a,
                                                                       int n) {
    for (int i = 0; i < n; ++i)
        y[i] += a * x[i];
}

__attribute__((target_clones("avx512f", "avx2", "default"))) void sum3(float* __restrict y,
                                                                       const float* __restrict a,
                                                                       const float* __restrict b,
                                                                       const float* __restrict c, int n) {
    for (int i = 0; i < n; ++i)
        y[i] = a[i] + b[i] + c[i];
}

std::vector<float> toVector(const torch::Tensor& t) {
    auto c = t.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

}  // namespace

float NoteSampler::fastTanh(float x) {
    return rationalTanh(x);
}

TimeStepper::TimeStepper(BiaxialNetworkImpl& net, const LstmStates& states, int lowPitch, int numNotes,
                         int stepsPerBar, bool bf16)
    : N_(numNotes), stepsPerBar_(stepsPerBar > 0 && 16 % stepsPerBar == 0 ? stepsPerBar : 0), bf16_(bf16) {
    torch::NoGradGuard noGrad;
    const float scale = static_cast<float>(net.inferenceScale());
    for (std::size_t l = 0; l < net.timeLayers().size(); ++l) {
        auto p = net.timeLayers()[l]->named_parameters();
        Layer layer;
        layer.hidden = static_cast<int>(p["weight_hh_l0"].size(1));
        const int H = layer.hidden;
        auto wih = p["weight_ih_l0"].detach().to(torch::kCPU, torch::kFloat32);
        auto whh = p["weight_hh_l0"].detach().to(torch::kCPU, torch::kFloat32);
        auto bias =
            (p["bias_ih_l0"] + p["bias_hh_l0"]).detach().to(torch::kCPU, torch::kFloat32).contiguous();
        auto h = states[l].first[0].to(torch::kCPU, torch::kFloat32);
        const auto S = h.size(0);
        if (l == 0) {
            wih0T_ = wih.t().contiguous();
            layer.w = whh.t().contiguous();
            layer.in = static_cast<int>(wih.size(1));
            layer.xh = h.contiguous().clone();
            layer.h = layer.xh;
            layer.bias = bias;
        } else {
            layer.in = static_cast<int>(wih.size(1));
            layer.w = torch::cat({wih * scale, whh}, 1).t().contiguous();
            layer.bias = bias;
            layer.xh = torch::zeros({S, layer.in + H}, torch::kFloat32);
            layer.h = layer.xh.narrow(1, layer.in, H);
            layer.h.copy_(h);
        }
        layer.c = states[l].second[0].to(torch::kCPU, torch::kFloat32).contiguous().clone();
        layer.gates = torch::empty({S, 4 * H}, torch::kFloat32);
        if (bf16_) {
            // Preallocated: a fresh megabyte-sized tensor per step costs page faults.
            layer.wLow = layer.w.to(torch::kBFloat16).contiguous();
            layer.xhLow = torch::empty(layer.xh.sizes(), torch::kBFloat16);
            layer.productLow = torch::empty({S, 4 * H}, torch::kBFloat16);
        }
        layers_.push_back(std::move(layer));
    }
    K_ = static_cast<int>(layers_[0].h.size(0) / numNotes);
    G0_ = 4 * layers_[0].hidden;
    const int G = G0_;
    const float* W = wih0T_.data_ptr<float>();  // row f = the weights of input feature f
    const float* b = layers_[0].bias.data_ptr<float>();
    auto col = [&](int f) { return W + static_cast<std::ptrdiff_t>(f) * G; };
    noteConst_.assign(static_cast<std::size_t>(N_) * G, 0.0f);
    pitchClass_.resize(static_cast<std::size_t>(N_));
    for (int n = 0; n < N_; ++n) {
        const int pc = (lowPitch + n) % 12;
        pitchClass_[static_cast<std::size_t>(n)] = pc;
        float* dst = &noteConst_[static_cast<std::size_t>(n) * G];
        for (int g = 0; g < G; ++g)
            dst[g] = b[g] + static_cast<float>(n) * col(0)[g] + col(1 + pc)[g];
    }
    beat_.assign(static_cast<std::size_t>(16) * G, 0.0f);
    for (int pos = 0; pos < 16; ++pos)
        for (int bit = 0; bit < 4; ++bit) {
            const float sign = ((pos >> bit) & 1) ? 1.0f : -1.0f;
            for (int g = 0; g < G; ++g)
                beat_[static_cast<std::size_t>(pos) * G + g] += sign * col(75 + bit)[g];
        }
    context_.assign(static_cast<std::size_t>(12) * G, 0.0f);
}

torch::Tensor TimeStepper::step(const torch::Tensor& x) {
    Layer& L0 = layers_[0];
    torch::addmm_out(L0.gates, L0.bias, x, wih0T_);
    runLayers();
    return layers_.back().h;
}

torch::Tensor TimeStepper::stepFromNotes(const std::uint8_t* notes, int barPosition) {
    const int G = G0_;
    const float* W = wih0T_.data_ptr<float>();
    float* gates = layers_[0].gates.data_ptr<float>();
    // As FeatureBuilder: coarser frames read the bits of their place in a 16-step bar.
    const int beatPosition =
        stepsPerBar_ > 0 ? (barPosition % stepsPerBar_) * (16 / stepsPerBar_) : barPosition % 16;
    const float* beat = &beat_[static_cast<std::size_t>(beatPosition) * G];
    for (int k = 0; k < K_; ++k) {
        const std::uint8_t* chosen = notes + static_cast<std::ptrdiff_t>(k) * N_ * 2;
        float* gk = gates + static_cast<std::ptrdiff_t>(k) * N_ * G;
        // Context: notes sounding per pitch class; the term for a note of class q is
        // sum_j counts[(q + j) % 12] * W[63 + j].
        float counts[12] = {};
        for (int m = 0; m < N_; ++m)
            counts[pitchClass_[static_cast<std::size_t>(m)]] += chosen[2 * m];
        for (int q = 0; q < 12; ++q) {
            float* ctx = &context_[static_cast<std::size_t>(q) * G];
            std::fill(ctx, ctx + G, 0.0f);
            for (int j = 0; j < 12; ++j) {
                const float v = counts[(q + j) % 12];
                if (v != 0.0f)
                    axpy(ctx, W + static_cast<std::ptrdiff_t>(63 + j) * G, v, G);
            }
        }
        for (int n = 0; n < N_; ++n) {
            float* dst = gk + static_cast<std::ptrdiff_t>(n) * G;
            sum3(dst, &noteConst_[static_cast<std::size_t>(n) * G], beat,
                 &context_[static_cast<std::size_t>(pitchClass_[static_cast<std::size_t>(n)]) * G], G);
        }
        // Vicinity: feature 13 + 2 d + c of note n is (play, articulate)[c] of note n - 12 + d.
        for (int m = 0; m < N_; ++m)
            for (int c = 0; c < 2; ++c) {
                if (!chosen[2 * m + c])
                    continue;
                const int lo = std::max(0, m - 12), hi = std::min(N_ - 1, m + 12);
                for (int n = lo; n <= hi; ++n) {
                    const int d = m - n + 12;
                    axpy(gk + static_cast<std::ptrdiff_t>(n) * G,
                         W + static_cast<std::ptrdiff_t>(13 + 2 * d + c) * G, 1.0f, G);
                }
            }
    }
    runLayers();
    return layers_.back().h;
}

void TimeStepper::reorder(const std::vector<int>& parent) {
    std::vector<std::int64_t> rows(static_cast<std::size_t>(K_) * N_);
    for (int b = 0; b < K_; ++b)
        for (int n = 0; n < N_; ++n)
            rows[static_cast<std::size_t>(b) * N_ + n] = static_cast<std::int64_t>(parent[b]) * N_ + n;
    const auto index = torch::from_blob(rows.data(), {static_cast<std::int64_t>(rows.size())}, torch::kInt64);
    for (auto& L : layers_) {
        L.h.copy_(L.h.index_select(0, index));
        L.c.copy_(L.c.index_select(0, index));
    }
}

void TimeStepper::runLayers() {
    for (std::size_t l = 0; l < layers_.size(); ++l) {
        Layer& L = layers_[l];
        if (l > 0)
            L.xh.narrow(1, 0, L.in).copy_(layers_[l - 1].h);  // the layer below's h is this one's x
        if (bf16_) {
            L.xhLow.copy_(L.xh);
            torch::mm_out(L.productLow, L.xhLow, L.wLow);
            if (l == 0)
                L.gates.add_(L.productLow);
            else
                torch::add_out(L.gates, L.bias, L.productLow);
        } else if (l == 0) {
            L.gates.addmm_(L.xh, L.w);
        } else {
            torch::addmm_out(L.gates, L.bias, L.xh, L.w);
        }
        const auto S = L.c.size(0);
        const int H = L.hidden;
        const std::int64_t ldh = L.xh.size(1);
        float* g = L.gates.data_ptr<float>();
        float* h = L.h.data_ptr<float>();
        float* c = L.c.data_ptr<float>();
        for (std::int64_t s = 0; s < S; ++s)
            lstmCell(g + s * 4 * H, h + s * ldh, c + s * H, H);
    }
}

NoteSampler::NoteSampler(BiaxialNetworkImpl& net, int variations, int numNotes, bool bf16)
    : K_(variations), N_(numNotes) {
    torch::NoGradGuard noGrad;
    const float scale = static_cast<float>(net.inferenceScale());
    const auto& cfg = net.config();
    const int Ht = cfg.timeSizes.back();
    for (std::size_t l = 0; l < net.noteLayers().size(); ++l) {
        auto& lstm = net.noteLayers()[l];
        auto wih = lstm->named_parameters()["weight_ih_l0"].detach().to(torch::kCPU);
        auto whh = lstm->named_parameters()["weight_hh_l0"].detach().to(torch::kCPU);
        auto bias = (lstm->named_parameters()["bias_ih_l0"] + lstm->named_parameters()["bias_hh_l0"])
                        .detach()
                        .to(torch::kCPU);
        Layer layer;
        layer.hidden = cfg.noteSizes[l];
        if (l == 0) {
            timeWeight_ = wih.slice(1, 0, Ht).t().contiguous();
            if (bf16)
                timeWeightLow_ = timeWeight_.to(torch::kBFloat16).contiguous();
            timeBias_ = bias.contiguous();
            layer.in = 2;
            layer.wih = toVector(wih.slice(1, Ht, Ht + 2).t());
        } else {
            layer.in = cfg.noteSizes[l - 1];
            layer.wih = toVector((wih * scale).t());
            layer.bias = toVector(bias);
        }
        layer.whh = toVector(whh.t());
        auto [h0, c0] = net.initialState(false, l, K_, torch::kCPU);
        layer.h0 = toVector(h0);
        layer.c0 = toVector(c0);
        layer.h = layer.h0;
        layer.c = layer.c0;
        layer.gates.assign(static_cast<std::size_t>(K_ * 4 * layer.hidden), 0.0f);
        layers_.push_back(std::move(layer));
    }
    outW_ = toVector((net.output()->weight * scale).t());
    outB_ = toVector(net.output()->bias);
    prev_.assign(static_cast<std::size_t>(K_ * 2), 0.0f);
    logits_.assign(static_cast<std::size_t>(K_ * 2), 0.0f);
}

void NoteSampler::sampleStep(const torch::Tensor& timeOut, const SampleControls& controls,
                             std::vector<SampleRng>& rngs, std::uint8_t* out) {
    // The time-axis share of note layer 0 for every (variation, note) at once.
    if (!pre_.defined())
        pre_ = torch::empty({timeOut.size(0), timeWeight_.size(1)}, torch::kFloat32);
    if (timeWeightLow_.defined()) {
        if (!timeOutLow_.defined()) {
            timeOutLow_ = torch::empty(timeOut.sizes(), torch::kBFloat16);
            preLow_ = torch::empty(pre_.sizes(), torch::kBFloat16);
        }
        timeOutLow_.copy_(timeOut);
        torch::mm_out(preLow_, timeOutLow_, timeWeightLow_);
        torch::add_out(pre_, timeBias_, preLow_);
    } else
        torch::addmm_out(pre_, timeBias_, timeOut, timeWeight_);  // [K*N, 4H0]
    const float* preData = pre_.data_ptr<float>();
    for (auto& layer : layers_) {
        std::copy(layer.h0.begin(), layer.h0.end(), layer.h.begin());
        std::copy(layer.c0.begin(), layer.c0.end(), layer.c.begin());
    }
    std::fill(prev_.begin(), prev_.end(), 0.0f);
    const int H0x4 = 4 * layers_[0].hidden;
    const int Hlast = layers_.back().hidden;

    for (int n = 0; n < N_; ++n) {
        for (std::size_t l = 0; l < layers_.size(); ++l) {
            Layer& L = layers_[l];
            const int G = 4 * L.hidden;
            if (l == 0) {
                for (int k = 0; k < K_; ++k)
                    std::memcpy(&L.gates[static_cast<std::size_t>(k * G)],
                                preData + static_cast<std::ptrdiff_t>(k * N_ + n) * H0x4, sizeof(float) * G);
                gemvBatchT(L.wih.data(), G, 2, prev_.data(), K_, L.gates.data(), G);
            } else {
                for (int k = 0; k < K_; ++k)
                    std::memcpy(&L.gates[static_cast<std::size_t>(k * G)], L.bias.data(), sizeof(float) * G);
                const Layer& below = layers_[l - 1];
                gemvBatchT(L.wih.data(), G, L.in, below.h.data(), K_, L.gates.data(), G);
            }
            gemvBatchT(L.whh.data(), G, L.hidden, L.h.data(), K_, L.gates.data(), G);
            for (int k = 0; k < K_; ++k)
                lstmCell(&L.gates[static_cast<std::size_t>(k * G)],
                         &L.h[static_cast<std::size_t>(k * L.hidden)],
                         &L.c[static_cast<std::size_t>(k * L.hidden)], L.hidden);
        }
        for (int k = 0; k < K_; ++k) {
            logits_[static_cast<std::size_t>(2 * k)] = outB_[0];
            logits_[static_cast<std::size_t>(2 * k + 1)] = outB_[1];
        }
        gemvBatchT(outW_.data(), 2, Hlast, layers_.back().h.data(), K_, logits_.data(), 2);
        for (int k = 0; k < K_; ++k) {
            auto& rng = rngs[static_cast<std::size_t>(k)];
            const double u1 = rng.uniform(), u2 = rng.uniform();
            const auto [play, art] = controls.choose(k, n, N_, logits_[static_cast<std::size_t>(2 * k)],
                                                     logits_[static_cast<std::size_t>(2 * k + 1)], u1, u2);
            std::uint8_t* cell = out + (static_cast<std::ptrdiff_t>(k) * N_ + n) * 2;
            cell[0] = play;
            cell[1] = art;
            prev_[static_cast<std::size_t>(2 * k)] = play;
            prev_[static_cast<std::size_t>(2 * k + 1)] = art;
        }
    }
}

}  // namespace biaxial
