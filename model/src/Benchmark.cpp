#include "biaxial/model/Benchmark.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <sstream>

#include "BatchBuilder.h"
#include "BiaxialNetwork.h"
#include "FeatureBuilder.h"
#include "ModelImpl.h"
#include "TorchRuntime.h"
#include "biaxial/engine/GridConverter.h"
#include "biaxial/model/ContinueSong.h"
#include "biaxial/model/Generator.h"

namespace biaxial {

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point since) {
    return std::chrono::duration<double>(Clock::now() - since).count();
}

// Forward FLOPs of one teacher-forced pass (matrix products only): LSTM layers cost
// 2 * 4H * (in + H) per position, the output layer 2 * 2 * H.
double forwardFlops(const ModelConfig& c, int batch, int length) {
    const double positions = static_cast<double>(batch) * (length - 1) * c.numNotes;
    double per = 0;
    double in = ModelConfig::kInputsPerNote;
    for (int h : c.timeSizes) {
        per += 2.0 * 4 * h * (in + h);
        in = h;
    }
    in += 2;
    for (int h : c.noteSizes) {
        per += 2.0 * 4 * h * (in + h);
        in = h;
    }
    per += 2.0 * 2 * in;
    return per * positions;
}

std::vector<StepGrid> randomPieces(const ModelConfig& c, int count, int steps, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<StepGrid> out;
    for (int i = 0; i < count; ++i) {
        StepGrid g(steps, c.lowPitch, c.numNotes);
        for (int t = 0; t < steps; ++t) {
            g.setBarPosition(t, t % 16);
            for (int n = 0; n < c.numNotes; ++n)
                if (rng() % 16 == 0)
                    g.set(t, n, true, rng() % 2 == 0);
        }
        out.push_back(std::move(g));
    }
    return out;
}

long minorFaults() {
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
}

// One teacher-forced training step as Trainer::run does it; the minor page faults of the
// timed steps tell whether the allocator keeps freed memory (app/KeepFreedMemory.h).
double trainStep(const ModelConfig& config, const torch::Device& device, int repeats,
                 double* faultsPerStep = nullptr, int batchSize = 10, int segmentSteps = 128) {
    auto model = Model::create(config, 1);
    auto& impl = *model->impl();
    impl.net->to(device);
    auto pieces = randomPieces(config, 4, 256, 3);
    std::vector<CompactGrid> compact(pieces.begin(), pieces.end());
    std::vector<const CompactGrid*> grids;
    for (auto& p : compact)
        grids.push_back(&p);
    FeatureBuilder features(config.lowPitch, config.numNotes, device);
    auto gen = torch::make_generator<at::CPUGeneratorImpl>(5);
    const int L = std::clamp(segmentSteps, 2, 128);
    std::vector<Segment> segs;
    for (int i = 0; i < std::max(1, batchSize); ++i)
        segs.push_back({i % 4, (i * 16) % 128});
    auto params = impl.net->parameters();
    std::vector<torch::Tensor> gsum, xsum;
    for (auto& p : params) {
        gsum.push_back(torch::zeros_like(p));
        xsum.push_back(torch::zeros_like(p));
    }
    auto once = [&] {
        auto [states, bars] = buildBatch(grids, segs, L);
        auto dev = states.to(device);
        auto in = features.build(dev.slice(1, 0, L - 1), bars.slice(1, 0, L - 1));
        auto target = dev.slice(1, 1, L).to(torch::kFloat32);
        for (auto& p : params)
            p.mutable_grad() = torch::Tensor();
        auto loss = biaxialLoss(impl.net->forward(in, target, &gen), target);
        loss.backward();
        torch::NoGradGuard noGrad;
        for (std::size_t i = 0; i < params.size(); ++i) {  // Adadelta, as training does it
            auto g = params[i].grad();
            gsum[i].mul_(0.95).addcmul_(g, g, 0.05);
            auto d = ((xsum[i] + 1e-6) / (gsum[i] + 1e-6)).sqrt_().mul_(g).neg_();
            xsum[i].mul_(0.95).addcmul_(d, d, 0.05);
            params[i].add_(d);
        }
        if (device.is_cuda())
            torch::cuda::synchronize();
        return loss.item<double>();
    };
    once();  // warm-up
    const long faultsBefore = minorFaults();
    const auto t0 = Clock::now();
    for (int i = 0; i < repeats; ++i)
        once();
    const double s = seconds(t0) / repeats;
    if (faultsPerStep)
        *faultsPerStep = static_cast<double>(minorFaults() - faultsBefore) / repeats;
    return s;
}

}  // namespace

double Benchmark::timeTrainingBatch(const ModelConfig& config, int batchSize, int segmentSteps,
                                    const std::string& device, bool bf16, std::string* error) {
    try {
        auto resolved = TorchRuntime::resolveDevice(device, error);
        if (!resolved)
            return -1;
        ScopedLstmSwitch low(setLstmBf16, lstmBf16, bf16 && resolved->is_cpu());
        return trainStep(config, *resolved, 1, nullptr, batchSize, segmentSteps);
    } catch (const std::exception& e) {
        if (error)
            *error = e.what();
        return -1;
    }
}

std::string BenchmarkResult::toJson() const {
    std::ostringstream o;
    o.precision(6);
    o << "{\"device\": \"" << device << "\", \"peak_sgemm_gflops\": " << peakSgemmGflops
      << ", \"train_step_s_original\": " << trainStepSecondsOriginal
      << ", \"train_gflops_original\": " << trainGflopsOriginal
      << ", \"train_step_s_small\": " << trainStepSecondsSmall
      << ", \"train_gflops_small\": " << trainGflopsSmall
      << ", \"baseline_train_step_s_small\": " << baselineTrainStepSecondsSmall
      << ", \"baseline_train_step_s_original\": " << baselineTrainStepSecondsOriginal
      << ", \"bf16_train_step_s_small\": " << bf16TrainStepSecondsSmall
      << ", \"bf16_train_step_s_original\": " << bf16TrainStepSecondsOriginal
      << ", \"page_faults_per_step_original\": " << pageFaultsPerStepOriginal
      << ", \"continue_16bars_s\": " << continue16BarsSeconds
      << ", \"continue_16bars_8var_s\": " << continue16Bars8VarSeconds
      << ", \"baseline_continue_16bars_s\": " << baselineContinue16BarsSeconds
      << ", \"bf16_continue_16bars_s\": " << bf16Continue16BarsSeconds
      << ", \"bf16_continue_16bars_8var_s\": " << bf16Continue16Bars8VarSeconds
      << ", \"live_step_ms_p50\": " << liveStepMsP50 << ", \"live_step_ms_p99\": " << liveStepMsP99
      << ", \"locked_8bars_16particles_s\": " << locked8Bars16ParticlesSeconds
      << ", \"stream_first_beat_ms\": " << streamFirstBeatMs
      << ", \"stream_first_bar_ms\": " << streamFirstBarMs << ", \"note_loop_share\": " << noteLoopShare
      << ", \"peak_rss_mb\": " << peakRssMb << "}";
    return o.str();
}

BenchmarkResult Benchmark::run(const BenchmarkOptions& options, void (*log)(const std::string&)) {
    BenchmarkResult r;
    auto say = [&](const std::string& s) {
        if (log)
            log(s);
    };
    try {
        std::string why;
        auto device = TorchRuntime::resolveDevice(options.device, &why);
        if (!device) {
            r.error = why;
            return r;
        }
        r.device = TorchRuntime::deviceName(*device);
        {
            torch::NoGradGuard noGrad;
            // 2048^3 keeps the CPU run short; a GPU needs a larger product to reach its rate.
            const int n = device->is_cuda() ? 8192 : 2048;
            auto a = torch::randn({n, n}, torch::TensorOptions().device(*device));
            auto b = torch::randn({n, n}, torch::TensorOptions().device(*device));
            auto c = torch::mm(a, b);
            double best = 1e30;
            for (int i = 0; i < 3; ++i) {
                const auto t0 = Clock::now();
                torch::mm_out(c, a, b);
                if (device->is_cuda())
                    torch::cuda::synchronize();
                best = std::min(best, seconds(t0));
            }
            r.peakSgemmGflops = 2.0 * n * n * n / best / 1e9;
            std::ostringstream s;
            s << "peak SGEMM (" << n << "^3): " << r.peakSgemmGflops << " GFLOP/s";
            say(s.str());
        }
        const double trainFlopsOriginal = 3.0 * forwardFlops(ModelConfig::original(), 10, 128);
        const double trainFlopsSmall = 3.0 * forwardFlops(ModelConfig::small(), 10, 128);
        // One timed training step with a switch flipped for its duration: LibTorch's own LSTM as
        // the baseline, or the bf16 products.
        auto baselineStep = [&](const ModelConfig& config) {
            ScopedLstmSwitch libTorchLstm(setFusedLstmEnabled, fusedLstmEnabled, false);
            return trainStep(config, *device, options.trainRepeats);
        };
        auto bf16Step = [&](const ModelConfig& config) {
            ScopedLstmSwitch bf16(setLstmBf16, lstmBf16, true);
            return trainStep(config, *device, options.trainRepeats);
        };
        r.trainStepSecondsSmall = trainStep(ModelConfig::small(), *device, options.trainRepeats);
        if (device->is_cpu())
            r.bf16TrainStepSecondsSmall = bf16Step(ModelConfig::small());
        r.trainGflopsSmall = trainFlopsSmall / r.trainStepSecondsSmall / 1e9;
        if (device->is_cpu())
            r.baselineTrainStepSecondsSmall = baselineStep(ModelConfig::small());
        {
            std::ostringstream s;
            s << "train step small (10 x 128 steps, ~" << trainFlopsSmall / 1e9
              << " GFLOP): " << r.trainStepSecondsSmall << " s, " << r.trainGflopsSmall << " GFLOP/s";
            if (r.baselineTrainStepSecondsSmall > 0)
                s << "; with LibTorch's LSTM: " << r.baselineTrainStepSecondsSmall << " s ("
                  << r.baselineTrainStepSecondsSmall / r.trainStepSecondsSmall << "x)";
            if (r.bf16TrainStepSecondsSmall > 0)
                s << "; bf16 products: " << r.bf16TrainStepSecondsSmall << " s ("
                  << r.trainStepSecondsSmall / r.bf16TrainStepSecondsSmall << "x faster)";
            say(s.str());
        }
        if (!options.skipOriginalTraining) {
            r.trainStepSecondsOriginal = trainStep(ModelConfig::original(), *device, options.trainRepeats,
                                                   &r.pageFaultsPerStepOriginal);
            r.trainGflopsOriginal = trainFlopsOriginal / r.trainStepSecondsOriginal / 1e9;
            std::ostringstream s;
            s << "train step original (10 x 128 steps, ~" << trainFlopsOriginal / 1e9
              << " GFLOP): " << r.trainStepSecondsOriginal << " s, " << r.trainGflopsOriginal << " GFLOP/s ("
              << 100.0 * r.trainGflopsOriginal / r.peakSgemmGflops << "% of SGEMM peak, "
              << r.pageFaultsPerStepOriginal << " page faults per step)";
            if (device->is_cpu()) {
                r.bf16TrainStepSecondsOriginal = bf16Step(ModelConfig::original());
                s << "; bf16 products: " << r.bf16TrainStepSecondsOriginal << " s ("
                  << r.trainStepSecondsOriginal / r.bf16TrainStepSecondsOriginal << "x faster, "
                  << trainFlopsOriginal / r.bf16TrainStepSecondsOriginal / 1e9 << " GFLOP/s)";
            }
            if (options.baselineOriginalTraining && device->is_cpu()) {
                r.baselineTrainStepSecondsOriginal = baselineStep(ModelConfig::original());
                s << "; with LibTorch's LSTM: " << r.baselineTrainStepSecondsOriginal << " s ("
                  << r.baselineTrainStepSecondsOriginal / r.trainStepSecondsOriginal << "x)";
            }
            say(s.str());
        }
        {
            auto model = Model::create(ModelConfig::original(), 1);
            model->setDevice(r.device);
            auto seed = randomPieces(ModelConfig::original(), 1, 16, 9)[0];
            GenerationOptions g;
            g.steps = 256;
            g.seed = 3;
            Generator::generate(*model, seed, g);  // warm-up
            // Each step's time, from the progress calls (the first includes the seed: left out).
            std::vector<double> stepMs;
            auto last = std::chrono::steady_clock::now();
            auto one = Generator::generate(*model, seed, g, nullptr, [&](const GenerationProgress& p) {
                const auto now = std::chrono::steady_clock::now();
                if (p.step > 1)
                    stepMs.push_back(std::chrono::duration<double, std::milli>(now - last).count());
                last = now;
            });
            std::sort(stepMs.begin(), stepMs.end());
            if (!stepMs.empty()) {
                r.liveStepMsP50 = stepMs[stepMs.size() / 2];
                r.liveStepMsP99 = stepMs[std::min(stepMs.size() - 1, stepMs.size() * 99 / 100)];
            }
            r.continue16BarsSeconds = one.seconds;
            r.noteLoopShare = one.seconds > 0 ? one.noteLoopSeconds / one.seconds : 0;
            g.variations = 8;
            r.continue16Bars8VarSeconds = Generator::generate(*model, seed, g).seconds;
            if (device->is_cpu()) {
                g.bf16 = true;
                r.bf16Continue16Bars8VarSeconds = Generator::generate(*model, seed, g).seconds;
                g.variations = 1;
                r.bf16Continue16BarsSeconds = Generator::generate(*model, seed, g).seconds;
                g.bf16 = false;
            }
            {
                // A melody line locked at every step (an Accompany), 16 particles.
                GenerationOptions locked = g;
                locked.variations = 1;
                locked.steps = 128;
                locked.particles = 16;
                const int N = model->config().numNotes;
                locked.locked = StepGrid(128, model->config().lowPitch, N);
                locked.lockMask.assign(static_cast<std::size_t>(128) * N, 0);
                for (int s = 0; s < 128; ++s) {
                    const int n = 48 + (s / 4) % 8;  // quarter notes stepping through an octave
                    locked.lockMask[static_cast<std::size_t>(s) * N + n] = 1;
                    locked.locked.set(s, n, true, s % 4 == 0);
                }
                r.locked8Bars16ParticlesSeconds = Generator::generate(*model, seed, locked).seconds;
            }
            {
                // Continue and Play as the studio runs it: the first beat and bar of the first
                // variation, streamed while the three are sampled.
                ContinueRequest request;
                request.song = GridConverter::toSong(randomPieces(ModelConfig::original(), 1, 64, 11)[0]);
                request.seedEndTick = request.song.endTick();
                request.bars = 4;
                const auto t0 = std::chrono::steady_clock::now();
                int parts = 0;
                continueSong(*model, request, nullptr, {}, [&](const std::vector<Note>&) {
                    const double ms =
                        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                            .count();
                    if (++parts == 1)
                        r.streamFirstBeatMs = ms;
                    if (parts == 4)
                        r.streamFirstBarMs = ms;
                });
            }
            g.variations = 1;
            g.baselineNoteLoop = true;
            {
                // The straightforward path: LibTorch's LSTM, tensors per note.
                ScopedLstmSwitch libTorchLstm(setFusedLstmEnabled, fusedLstmEnabled, false);
                r.baselineContinue16BarsSeconds = Generator::generate(*model, seed, g).seconds;
            }
            std::ostringstream s;
            s << "continue 16 bars (original size): " << r.continue16BarsSeconds << " s (note loop "
              << 100.0 * r.noteLoopShare << "%), 8 variations: " << r.continue16Bars8VarSeconds << " s ("
              << r.continue16Bars8VarSeconds / r.continue16BarsSeconds
              << "x), baseline (LibTorch's LSTM per step, tensors per note): "
              << r.baselineContinue16BarsSeconds << " s ("
              << r.baselineContinue16BarsSeconds / r.continue16BarsSeconds << "x); one live step "
              << r.liveStepMsP50 << " ms median, " << r.liveStepMsP99
              << " ms p99; 8 bars with a locked melody and 16 "
              << "particles: " << r.locked8Bars16ParticlesSeconds << " s; Continue and Play's first beat "
              << r.streamFirstBeatMs << " ms, first bar " << r.streamFirstBarMs << " ms";
            if (r.bf16Continue16BarsSeconds > 0)
                s << "; bf16 products: " << r.bf16Continue16BarsSeconds << " s, 8 variations "
                  << r.bf16Continue16Bars8VarSeconds << " s ("
                  << r.bf16Continue16Bars8VarSeconds / r.bf16Continue16BarsSeconds << "x one)";
            say(s.str());
        }
        struct rusage usage {};
        getrusage(RUSAGE_SELF, &usage);
        r.peakRssMb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    } catch (const std::exception& e) {
        r.error = e.what();
    }
    return r;
}

}  // namespace biaxial
