#include "NoteSampler.h"

#include <cmath>
#include <cstring>

namespace biaxial {

namespace {

// Y[k][r] += sum_c W[r][c] X[k][c] with W stored transposed (WT[c][r]): the inner loop is an
// axpy over r, which vectorises without reassociating a float sum (no -ffast-math needed), and
// zero inputs (most of the 0/1 note-below input) are skipped. Cloned per ISA so that one
// binary uses AVX-512 or AVX2 where the CPU has it.
__attribute__((target_clones("avx512f", "avx2", "default")))
void gemvBatchT(const float* __restrict WT, int rows, int cols, const float* __restrict X, int K,
                float* __restrict Y, int ldy) {
    for (int k = 0; k < K; ++k) {
        const float* x = X + static_cast<std::ptrdiff_t>(k) * cols;
        float* __restrict y = Y + static_cast<std::ptrdiff_t>(k) * ldy;
        for (int c = 0; c < cols; ++c) {
            const float xv = x[c];
            if (xv == 0.0f) continue;
            const float* __restrict w = WT + static_cast<std::ptrdiff_t>(c) * rows;
            for (int r = 0; r < rows; ++r) y[r] += w[r] * xv;
        }
    }
}

inline float tanhApprox(float x) {
    // A rational approximation (the one Eigen uses for float tanh): vectorises, ~1e-7 error.
    const float c = 7.90531110763549805f;
    x = x > c ? c : (x < -c ? -c : x);
    const float x2 = x * x;
    float p = x2 * -2.76076847742355e-16f + 2.00018790482477e-13f;
    p = p * x2 + -8.60467152213735e-11f;
    p = p * x2 + 5.12229709037114e-08f;
    p = p * x2 + 1.48572235717979e-05f;
    p = p * x2 + 6.37261928875436e-04f;
    p = p * x2 + 4.89352455891786e-03f;
    p = p * x;
    float q = x2 * 1.19825839466702e-06f + 1.18534705686654e-04f;
    q = q * x2 + 2.26843463243900e-03f;
    q = q * x2 + 4.89352518554385e-03f;
    return p / q;
}

__attribute__((target_clones("avx512f", "avx2", "default")))
void lstmCell(const float* __restrict gates, float* __restrict h, float* __restrict c, int H) {
    // LibTorch's gate order: input, forget, cell, output. sigmoid(x) = (1 + tanh(x / 2)) / 2.
    const float* gi = gates;
    const float* gf = gates + H;
    const float* gg = gates + 2 * H;
    const float* go = gates + 3 * H;
    for (int j = 0; j < H; ++j) {
        const float i = 0.5f + 0.5f * tanhApprox(0.5f * gi[j]);
        const float f = 0.5f + 0.5f * tanhApprox(0.5f * gf[j]);
        const float g = tanhApprox(gg[j]);
        const float o = 0.5f + 0.5f * tanhApprox(0.5f * go[j]);
        const float cn = f * c[j] + i * g;
        c[j] = cn;
        h[j] = o * tanhApprox(cn);
    }
}

std::vector<float> toVector(const torch::Tensor& t) {
    auto c = t.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

}  // namespace

float NoteSampler::fastTanh(float x) { return tanhApprox(x); }

TimeStepper::TimeStepper(BiaxialNetworkImpl& net, const LstmStates& states) {
    torch::NoGradGuard noGrad;
    const float scale = static_cast<float>(net.inferenceScale());
    for (std::size_t l = 0; l < net.timeLayers().size(); ++l) {
        auto p = net.timeLayers()[l]->named_parameters();
        Layer layer;
        layer.hidden = static_cast<int>(p["weight_hh_l0"].size(1));
        auto wih = p["weight_ih_l0"].detach().to(torch::kCPU);
        if (l > 0) wih = wih * scale;
        layer.wihT = wih.t().contiguous();
        layer.whhT = p["weight_hh_l0"].detach().to(torch::kCPU).t().contiguous();
        layer.bias = (p["bias_ih_l0"] + p["bias_hh_l0"]).detach().to(torch::kCPU).contiguous();
        layer.h = states[l].first[0].to(torch::kCPU).contiguous().clone();
        layer.c = states[l].second[0].to(torch::kCPU).contiguous().clone();
        layer.gates = torch::empty({layer.h.size(0), 4 * layer.hidden}, torch::kFloat32);
        layers_.push_back(std::move(layer));
    }
}

torch::Tensor TimeStepper::step(const torch::Tensor& x) {
    torch::Tensor in = x;
    for (auto& L : layers_) {
        torch::addmm_out(L.gates, L.bias, in, L.wihT);
        L.gates.addmm_(L.h, L.whhT);
        const auto S = L.h.size(0);
        float* g = L.gates.data_ptr<float>();
        float* h = L.h.data_ptr<float>();
        float* c = L.c.data_ptr<float>();
        for (std::int64_t s = 0; s < S; ++s)
            lstmCell(g + s * 4 * L.hidden, h + s * L.hidden, c + s * L.hidden, L.hidden);
        in = L.h;
    }
    return in;
}

NoteSampler::NoteSampler(BiaxialNetworkImpl& net, int variations, int numNotes) : K_(variations), N_(numNotes) {
    torch::NoGradGuard noGrad;
    const float scale = static_cast<float>(net.inferenceScale());
    const auto& cfg = net.config();
    const int Ht = cfg.timeSizes.back();
    for (std::size_t l = 0; l < net.noteLayers().size(); ++l) {
        auto& lstm = net.noteLayers()[l];
        auto wih = lstm->named_parameters()["weight_ih_l0"].detach().to(torch::kCPU);
        auto whh = lstm->named_parameters()["weight_hh_l0"].detach().to(torch::kCPU);
        auto bias = (lstm->named_parameters()["bias_ih_l0"] + lstm->named_parameters()["bias_hh_l0"]).detach().to(torch::kCPU);
        Layer layer;
        layer.hidden = cfg.noteSizes[l];
        if (l == 0) {
            timeWeight_ = wih.slice(1, 0, Ht).t().contiguous();
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
    auto pre = torch::addmm(timeBias_, timeOut, timeWeight_).contiguous();  // [K*N, 4H0]
    const float* preData = pre.data_ptr<float>();
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
                lstmCell(&L.gates[static_cast<std::size_t>(k * G)], &L.h[static_cast<std::size_t>(k * L.hidden)],
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
            const double pPlay = 1.0 / (1.0 + std::exp(-logits_[static_cast<std::size_t>(2 * k)] * controls.inverseTemperature));
            const double pArt = 1.0 / (1.0 + std::exp(-logits_[static_cast<std::size_t>(2 * k + 1)] * controls.inverseTemperature));
            const bool play = controls.allowed[static_cast<std::size_t>(n)] &&
                              u1 < std::pow(pPlay, controls.conservativity[static_cast<std::size_t>(k)]);
            const bool art = play && u2 < pArt;
            std::uint8_t* cell = out + (static_cast<std::ptrdiff_t>(k) * N_ + n) * 2;
            cell[0] = play;
            cell[1] = art;
            prev_[static_cast<std::size_t>(2 * k)] = play;
            prev_[static_cast<std::size_t>(2 * k + 1)] = art;
        }
    }
}

}  // namespace biaxial
