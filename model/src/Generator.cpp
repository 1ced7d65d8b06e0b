#include "biaxial/model/Generator.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <optional>

#include "FeatureBuilder.h"
#include "ModelImpl.h"
#include "NoteSampler.h"
#include "TextureSteering.h"
#include "TorchRuntime.h"

namespace biaxial {

namespace {

using Clock = std::chrono::steady_clock;

// The seed in the model's pitch range (notes outside it dropped), bar positions kept.
StepGrid toModelRange(const StepGrid& seed, const ModelConfig& config) {
    if (seed.lowPitch() == config.lowPitch && seed.numNotes() == config.numNotes)
        return seed;
    StepGrid g(seed.steps(), config.lowPitch, config.numNotes);
    for (int t = 0; t < seed.steps(); ++t) {
        g.setBarPosition(t, seed.barPosition(t));
        for (int n = 0; n < seed.numNotes(); ++n) {
            const int m = seed.lowPitch() + n - config.lowPitch;
            if (m >= 0 && m < config.numNotes && seed.play(t, n))
                g.set(t, m, true, seed.articulate(t, n));
        }
    }
    return g;
}

int inferStepsPerBar(const StepGrid& seed) {
    // The bar length is one more than the position before the last bar line.
    for (int t = seed.steps() - 1; t >= 1; --t)
        if (seed.barPosition(t) == 0 && seed.barPosition(t - 1) > 0)
            return seed.barPosition(t - 1) + 1;
    return 16;
}

// The straightforward note loop: one LSTM cell call per note on tensors (the benchmark's
// baseline, and the path for CUDA).
void baselineStep(BiaxialNetworkImpl& net, const torch::Tensor& timeOut, int K, int N,
                  const SampleControls& controls, std::vector<SampleRng>& rngs, std::uint8_t* out) {
    const double scale = net.inferenceScale();
    auto xTime = timeOut.view({K, N, timeOut.size(1)});
    std::vector<std::pair<torch::Tensor, torch::Tensor>> hc;
    for (std::size_t l = 0; l < net.noteLayers().size(); ++l) {
        auto [h0, c0] = net.initialState(false, l, K, timeOut.device());
        hc.push_back({h0[0], c0[0]});
    }
    auto prev = torch::zeros({K, 2}, timeOut.options());
    std::vector<float> choice(static_cast<std::size_t>(2 * K));
    for (int n = 0; n < N; ++n) {
        auto x = torch::cat({xTime.select(1, n), prev}, 1);
        for (std::size_t l = 0; l < net.noteLayers().size(); ++l) {
            if (l > 0)
                x = x * scale;
            auto p = net.noteLayers()[l]->named_parameters();
            auto [h, c] = torch::lstm_cell(x, {hc[l].first, hc[l].second}, p["weight_ih_l0"],
                                           p["weight_hh_l0"], p["bias_ih_l0"], p["bias_hh_l0"]);
            hc[l] = {h, c};
            x = h;
        }
        auto logits = net.output()->forward(x * scale).to(torch::kCPU, torch::kFloat64);
        const double* z = logits.data_ptr<double>();
        for (int k = 0; k < K; ++k) {
            auto& rng = rngs[static_cast<std::size_t>(k)];
            const double u1 = rng.uniform(), u2 = rng.uniform();
            const auto [play, art] = controls.choose(k, n, N, z[2 * k], z[2 * k + 1], u1, u2);
            out[(k * N + n) * 2] = play;
            out[(k * N + n) * 2 + 1] = art;
            choice[static_cast<std::size_t>(2 * k)] = play;
            choice[static_cast<std::size_t>(2 * k + 1)] = art;
        }
        prev = torch::from_blob(choice.data(), {K, 2}, torch::kFloat32).clone().to(timeOut.device());
    }
}

}  // namespace

GenerationResult Generator::generate(const Model& model, const StepGrid& seedIn,
                                     const GenerationOptions& options, const std::atomic<bool>* cancel,
                                     const Progress& progress) {
    GenerationResult result;
    const auto started = Clock::now();
    if (model.isNull()) {
        result.error = "no model loaded";
        return result;
    }
    if (options.steps < 0 || options.variations < 1 || options.variations > 256) {
        result.error = "steps must be >= 0 and variations between 1 and 256";
        return result;
    }
    if (!(options.temperature > 0) || !(options.conservativity >= 0)) {
        result.error = "temperature must be > 0 and conservativity >= 0";
        return result;
    }
    try {
        TorchRuntime::configureOnce();
        torch::InferenceMode inference;  // thread-local: created on the worker's thread
        auto& impl = *model.impl();
        auto& net = *impl.net;
        const ModelConfig& config = impl.config;
        const torch::Device device = impl.device;
        const int K = options.variations, N = config.numNotes;
        const bool anyLock = std::any_of(options.lockMask.begin(), options.lockMask.end(),
                                         [](std::uint8_t m) { return m != 0; });
        if (anyLock && (options.lockMask.size() != static_cast<std::size_t>(options.steps) * N ||
                        options.locked.steps() != options.steps || options.locked.numNotes() != N)) {
            result.error = "the locked cells do not match the steps and the model's pitch range";
            return result;
        }
        // Particles only matter where something is locked: without locks every weight is equal.
        const int P = anyLock ? std::clamp(options.particles, 1, 256) : 1;
        const int B = K * P;  // sequences sampled side by side: slot b = k * P + p
        if (B > 1024) {
            result.error = "variations x particles must be at most 1024";
            return result;
        }

        StepGrid seed = toModelRange(seedIn, config);
        const int spb = options.stepsPerBar > 0 ? options.stepsPerBar : inferStepsPerBar(seed);
        FeatureBuilder features(config.lowPitch, N, device, config.stepsPerBar);

        // Teacher forcing: the seed's real notes through the time axis (batch of one piece).
        // An empty seed starts from one silent step just before a bar line.
        torch::Tensor states, bars;
        if (seed.steps() == 0) {
            states = torch::zeros({1, 1, N, 2}, torch::kUInt8);
            bars = torch::full({1, 1}, spb - 1, torch::kInt64);
        } else {
            states = torch::from_blob(const_cast<std::uint8_t*>(seed.cells().data()), {1, seed.steps(), N, 2},
                                      torch::kUInt8)
                         .clone();
            bars = torch::empty({1, seed.steps()}, torch::kInt64);
            for (int t = 0; t < seed.steps(); ++t)
                bars[0][t] = seed.barPosition(t);
        }
        int bar = static_cast<int>((bars[0][-1].item<std::int64_t>() + 1) % spb);
        auto seedFeatures = features.build(states, bars);  // [1, S, N, 80]
        auto timeIn = seedFeatures.permute({1, 0, 2, 3}).reshape({-1, N, ModelConfig::kInputsPerNote});
        LstmStates lstm;
        auto timeOut = net.timeAxis(timeIn, &lstm, nullptr);  // [S, N, H]
        auto last = timeOut[-1];                              // [N, H]
        // The same state for every sequence: [1, N, H] -> [1, B*N, H], sequence-major.
        for (auto& [h, c] : lstm) {
            h = h.repeat({1, B, 1});
            c = c.repeat({1, B, 1});
        }
        last = last.repeat({B, 1}).contiguous();  // [B*N, H]

        SampleControls controls;
        controls.conservativity.assign(static_cast<std::size_t>(B), options.conservativity);
        controls.inverseTemperature = 1.0 / options.temperature;
        controls.playFloor = std::clamp(options.playFloor, 0.0, 1.0);
        controls.weight.resize(static_cast<std::size_t>(N));
        const double outOfScale = std::clamp(options.outOfScaleWeight, 0.0, 1.0);
        for (int n = 0; n < N; ++n) {
            const int pitch = config.lowPitch + n;
            const bool inRange = pitch >= options.minPitch && pitch <= options.maxPitch;
            const bool inScale = options.pitchClasses[static_cast<std::size_t>(pitch % 12)];
            controls.weight[static_cast<std::size_t>(n)] = !inRange ? 0.0 : inScale ? 1.0 : outOfScale;
        }
        controls.maxHold = std::max(0, options.maxHoldSteps);
        controls.heldFor.assign(static_cast<std::size_t>(B * N), 0);
        std::vector<double> logLikelihood(static_cast<std::size_t>(B), 0.0);
        std::vector<double> lockedLikelihood(static_cast<std::size_t>(B), 0.0);  // never reset
        std::vector<double> logWeight(static_cast<std::size_t>(B), 0.0);         // since the last resampling
        std::vector<double> lockStep(static_cast<std::size_t>(B), 0.0);          // this step's lock term
        controls.logLikelihood = logLikelihood.data();
        // The texture: the adaptive conservativity (density) and the onset odds (rhythm).
        TextureSteering steering(B, options.conservativity);
        steering.setTargets({options.adaptiveConservativity, options.densityTarget, options.densityGain,
                             options.onsetTarget, options.rhythmGain});
        const bool rhythm = steering.steersRhythm();
        if (rhythm)
            controls.onsetOdds.assign(static_cast<std::size_t>(B), 1.0);
        if ((controls.maxHold > 0 || rhythm) && seed.steps() > 0) {
            // Notes sounding at the seed's end have been held since their onset there.
            for (int n = 0; n < N; ++n) {
                int held = 0;
                for (int t = seed.steps() - 1; t >= 0 && seed.play(t, n); --t) {
                    ++held;
                    if (seed.articulate(t, n))
                        break;
                }
                for (int b = 0; b < B; ++b)
                    controls.heldFor[static_cast<std::size_t>(b * N + n)] = held;
            }
        }
        // Particle 0 of variation k draws from seed + k, so one particle (no locks) gives the
        // music it always gave; other particles and the resampling draw from streams of their own.
        std::vector<SampleRng> rngs(static_cast<std::size_t>(B));
        for (int k = 0; k < K; ++k)
            for (int p = 0; p < P; ++p)
                rngs[static_cast<std::size_t>(k * P + p)].engine.seed(
                    options.seed + static_cast<std::uint64_t>(k) +
                    0x9E3779B97F4A7C15ull * static_cast<std::uint64_t>(p));
        std::vector<SampleRng> resampleRngs(static_cast<std::size_t>(K));
        for (int k = 0; k < K; ++k)
            resampleRngs[static_cast<std::size_t>(k)].engine.seed(
                options.seed + static_cast<std::uint64_t>(k) + 0xD1B54A32D192ED03ull);

        // The step loop runs on the CPU on every device. Each step is one time-axis step and a
        // sequential walk over the notes with a sample per note: a few small products per note,
        // which a GPU would run as hundreds of launches and a device-to-host wait per note. So
        // on CUDA the seed (the long, parallel part) goes through the time axis on the GPU and
        // the loop continues on the CPU from its last state (see biaxial bench --device cuda).
        const bool fast = !options.baselineNoteLoop;
        std::optional<NoteSampler> sampler;
        std::optional<TimeStepper> stepper;
        if (fast) {
            sampler.emplace(net, B, N, options.bf16);
            stepper.emplace(net, lstm, config.lowPitch, N, config.stepsPerBar, options.bf16);
            if (!device.is_cpu())
                last = last.to(torch::kCPU);
        }

        // What each slot played per step, and where resampling moved it: the variations are
        // traced back through the parents at the end (no grid copied per resampling).
        const std::size_t stepBytes = static_cast<std::size_t>(B) * N * 2;
        std::vector<std::uint8_t> history(stepBytes * static_cast<std::size_t>(options.steps));
        std::vector<std::vector<int>> parentAt(static_cast<std::size_t>(options.steps));
        std::vector<int> barAt(static_cast<std::size_t>(options.steps));
        auto chosen = torch::empty({B, 1, N, 2}, torch::kUInt8);
        auto stepBars = torch::empty({B, 1}, torch::kInt64);
        std::vector<std::uint8_t> scratch(stepBytes);
        std::vector<int> heldScratch(static_cast<std::size_t>(B * N));
        double noteLoop = 0;
        for (int s = 0; s < options.steps; ++s) {
            if (cancel && cancel->load()) {
                result.cancelled = true;
                return result;
            }
            auto* out = chosen.data_ptr<std::uint8_t>();
            const std::uint8_t* mask =
                anyLock ? options.lockMask.data() + static_cast<std::size_t>(s) * N : nullptr;
            const bool lockedHere =
                mask != nullptr && std::any_of(mask, mask + N, [](std::uint8_t m) { return m; });
            controls.lockMask = lockedHere ? mask : nullptr;
            controls.lockCells =
                lockedHere ? options.locked.cells().data() + static_cast<std::size_t>(s) * N * 2 : nullptr;
            std::fill(lockStep.begin(), lockStep.end(), 0.0);
            controls.lockLogWeight = lockStep.data();
            controls.conservativity = steering.conservativity();
            if (rhythm)
                for (int b = 0; b < B; ++b)
                    controls.onsetOdds[static_cast<std::size_t>(b)] = steering.onsetOdds(b, bar);
            const auto t0 = Clock::now();
            if (fast)
                sampler->sampleStep(last, controls, rngs, out);
            else
                baselineStep(net, last, B, N, controls, rngs, out);
            noteLoop += std::chrono::duration<double>(Clock::now() - t0).count();
            for (int b = 0; b < B; ++b) {
                logWeight[static_cast<std::size_t>(b)] += lockStep[static_cast<std::size_t>(b)];
                lockedLikelihood[static_cast<std::size_t>(b)] += lockStep[static_cast<std::size_t>(b)];
            }

            for (int b = 0; b < B; ++b) {
                int sounding = 0, onsets = 0;
                controls.heard(b, N, out + static_cast<std::size_t>(b) * N * 2, &sounding, &onsets);
                steering.heard(b, bar, sounding, onsets);
            }

            // Resample each variation's particles whose weights have degenerated.
            std::vector<int> parent;
            if (lockedHere && P > 1) {
                parent.resize(static_cast<std::size_t>(B));
                bool moved = false;
                for (int k = 0; k < K; ++k) {
                    const double* lw = &logWeight[static_cast<std::size_t>(k * P)];
                    const double top = *std::max_element(lw, lw + P);
                    double sum = 0, sumSq = 0;
                    std::vector<double> w(static_cast<std::size_t>(P));
                    for (int p = 0; p < P; ++p) {
                        w[static_cast<std::size_t>(p)] = std::exp(lw[p] - top);
                        sum += w[static_cast<std::size_t>(p)];
                        sumSq += w[static_cast<std::size_t>(p)] * w[static_cast<std::size_t>(p)];
                    }
                    const bool degenerate = sum * sum / sumSq < 0.5 * P;
                    for (int p = 0; p < P; ++p)
                        parent[static_cast<std::size_t>(k * P + p)] = k * P + p;
                    if (!degenerate)
                        continue;
                    // Systematic resampling: one uniform, P evenly spaced pointers into the CDF.
                    const double u = resampleRngs[static_cast<std::size_t>(k)].uniform() / P;
                    double cdf = w[0] / sum;
                    int from = 0;
                    for (int p = 0; p < P; ++p) {
                        const double pointer = u + static_cast<double>(p) / P;
                        while (pointer > cdf && from < P - 1)
                            cdf += w[static_cast<std::size_t>(++from)] / sum;
                        parent[static_cast<std::size_t>(k * P + p)] = k * P + from;
                    }
                    for (int p = 0; p < P; ++p)
                        logWeight[static_cast<std::size_t>(k * P + p)] = 0.0;
                    moved = true;
                    ++result.resamplings;
                }
                if (moved) {
                    std::memcpy(scratch.data(), out, stepBytes);
                    heldScratch = controls.heldFor;
                    steering.reorder(parent);
                    const auto ll = logLikelihood, lockedLl = lockedLikelihood;
                    for (int b = 0; b < B; ++b) {
                        const int a = parent[static_cast<std::size_t>(b)];
                        std::memcpy(out + static_cast<std::size_t>(b) * N * 2,
                                    scratch.data() + static_cast<std::size_t>(a) * N * 2,
                                    static_cast<std::size_t>(N) * 2);
                        std::copy_n(heldScratch.begin() + static_cast<std::ptrdiff_t>(a) * N, N,
                                    controls.heldFor.begin() + static_cast<std::ptrdiff_t>(b) * N);
                        logLikelihood[static_cast<std::size_t>(b)] = ll[static_cast<std::size_t>(a)];
                        lockedLikelihood[static_cast<std::size_t>(b)] = lockedLl[static_cast<std::size_t>(a)];
                    }
                    if (fast) {
                        stepper->reorder(parent);
                    } else {
                        std::vector<std::int64_t> rows(static_cast<std::size_t>(B) * N);
                        for (int b = 0; b < B; ++b)
                            for (int n = 0; n < N; ++n)
                                rows[static_cast<std::size_t>(b) * N + n] =
                                    static_cast<std::int64_t>(parent[static_cast<std::size_t>(b)]) * N + n;
                        auto index = torch::from_blob(rows.data(), {B * N}, torch::kInt64).to(device);
                        for (auto& [h, c] : lstm) {
                            h = h.index_select(1, index);
                            c = c.index_select(1, index);
                        }
                    }
                } else {
                    parent.clear();
                }
            }
            std::memcpy(history.data() + stepBytes * static_cast<std::size_t>(s), out, stepBytes);
            parentAt[static_cast<std::size_t>(s)] = std::move(parent);
            barAt[static_cast<std::size_t>(s)] = bar;

            if (s + 1 < options.steps) {
                if (fast) {
                    // The features of the chosen notes go straight into the first layer's gates.
                    last = stepper->stepFromNotes(out, bar);
                } else {
                    stepBars.fill_(bar);
                    auto in = features.build(chosen, stepBars);  // [B, 1, N, 80]
                    auto x = in.view({1, B * N, ModelConfig::kInputsPerNote});
                    last = net.timeAxis(x, &lstm, nullptr)[0];
                }
            }
            bar = (bar + 1) % spb;
            if (progress)
                progress({s + 1, options.steps, P == 1 ? out : nullptr});
        }

        // One particle per variation, drawn by its final weight, traced back through its parents.
        for (int k = 0; k < K; ++k) {
            int slot = k * P;
            if (P > 1) {
                const double* lw = &logWeight[static_cast<std::size_t>(k * P)];
                const double top = *std::max_element(lw, lw + P);
                double sum = 0;
                for (int p = 0; p < P; ++p)
                    sum += std::exp(lw[p] - top);
                double u = resampleRngs[static_cast<std::size_t>(k)].uniform() * sum;
                for (int p = 0; p < P; ++p) {
                    slot = k * P + p;
                    u -= std::exp(lw[p] - top);
                    if (u <= 0)
                        break;
                }
            }
            result.logLikelihood.push_back(logLikelihood[static_cast<std::size_t>(slot)]);
            result.lockedLogLikelihood.push_back(lockedLikelihood[static_cast<std::size_t>(slot)]);
            StepGrid g(options.steps, config.lowPitch, N);
            for (int s = options.steps - 1; s >= 0; --s) {
                std::memcpy(g.cells().data() + static_cast<std::size_t>(s) * N * 2,
                            history.data() + stepBytes * static_cast<std::size_t>(s) +
                                static_cast<std::size_t>(slot) * N * 2,
                            static_cast<std::size_t>(N) * 2);
                g.setBarPosition(s, barAt[static_cast<std::size_t>(s)]);
                const auto& parent = parentAt[static_cast<std::size_t>(s)];
                if (!parent.empty())
                    slot = parent[static_cast<std::size_t>(slot)];
            }
            result.variations.push_back(std::move(g));
        }
        result.ok = true;
        result.noteLoopSeconds = noteLoop;
        result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
        return result;
    } catch (const std::exception& e) {
        std::string what = e.what();
        if (auto nl = what.find('\n'); nl != std::string::npos)
            what = what.substr(0, nl);
        result.error = "generation failed: " + what;
        result.variations.clear();
        return result;
    }
}

}  // namespace biaxial
