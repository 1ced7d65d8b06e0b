#include "biaxial/model/Trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <random>
#include <set>
#include <sstream>

#include "BatchBuilder.h"
#include "FeatureBuilder.h"
#include "ModelArchive.h"
#include "ModelImpl.h"
#include "PieceMatcher.h"
#include "TorchRuntime.h"
#include "biaxial/engine/GridConverter.h"
#include "biaxial/engine/MidiFileWriter.h"
#include "biaxial/model/Evaluator.h"
#include "biaxial/model/Generator.h"

namespace biaxial {

namespace {

using Clock = std::chrono::steady_clock;

// Adadelta as theano_lstm does it (rho 0.95, eps 1e-6, step scale 1) and Adam; their state
// lives in named slots so that a checkpoint holds it and resume continues exactly.
class Optimizer {
public:
    Optimizer(OptimizerKind kind, double lr, double clip) : kind_(kind), clip_(clip) {
        lr_ = lr > 0 ? lr : (kind == OptimizerKind::Adam ? 1e-3 : 1.0);
    }
    std::string name() const { return kind_ == OptimizerKind::Adam ? "adam" : "adadelta"; }

    void init(const torch::OrderedDict<std::string, torch::Tensor>& params) {
        for (const auto& p : params) {
            slots_[p.key() + "/a"] = torch::zeros_like(p.value());
            slots_[p.key() + "/b"] = torch::zeros_like(p.value());
        }
        slots_["/t"] = torch::zeros({1}, torch::kFloat64);
    }

    void step(const torch::OrderedDict<std::string, torch::Tensor>& params) {
        torch::NoGradGuard noGrad;
        auto& t = slots_["/t"];
        t += 1;
        const double steps = t.item<double>();
        for (const auto& p : params) {
            auto grad = p.value().grad();
            if (!grad.defined()) continue;
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

    std::map<std::string, torch::Tensor>& slots() { return slots_; }

private:
    OptimizerKind kind_;
    double lr_ = 1.0;
    double clip_ = 0.0;
    std::map<std::string, torch::Tensor> slots_;
};

std::string rngToText(const std::mt19937_64& rng) {
    std::ostringstream out;
    out << rng;
    return out.str();
}

std::string formatDouble(double v) {
    std::ostringstream out;
    out.precision(6);
    out << v;
    return out.str();
}

}  // namespace

std::vector<TrainingPiece> Trainer::piecesFromCorpus(Corpus&& corpus) {
    std::vector<TrainingPiece> pieces;
    for (auto& e : corpus.entries)
        if (e.loaded) pieces.push_back({e.path, std::move(e.grid)});
    return pieces;
}

int Trainer::usablePieces(const std::vector<TrainingPiece>& pieces, int segmentSteps) {
    return static_cast<int>(std::count_if(pieces.begin(), pieces.end(),
                                          [&](const TrainingPiece& p) { return p.grid.steps() >= segmentSteps; }));
}

TrainingResult Trainer::run(const ModelConfig& configIn, const std::vector<TrainingPiece>& pieces,
                            const TrainingOptions& options, const std::atomic<bool>* cancel,
                            const Progress& progress) {
    TrainingResult result;
    const auto started = Clock::now();
    auto fail = [&](const std::string& why) {
        result.error = why;
        return result;
    };
    try {
        if (options.outputPath.empty()) return fail("no output path for the model");
        if (options.batchSize < 1) return fail("the batch size must be at least 1");
        if (options.segmentSteps < 2) return fail("segments need at least 2 steps");
        if (options.segmentAlign < 1) return fail("the segment alignment must be at least 1");
        if (options.transpose < 0) return fail("the transposition range cannot be negative");
        if (options.weightAverage < 0 || options.weightAverage >= 1)
            return fail("the weight-average decay must be in [0, 1)");
        std::string why;
        auto device = TorchRuntime::resolveDevice(options.device, &why);
        if (!device) return fail(why);
        result.device = TorchRuntime::deviceName(*device);
        if (options.bf16 && !device->is_cpu()) return fail("--bf16 is the CPU's mixed precision; CUDA trains in float32");
        // This thread's switch (the products run here), restored however the run ends.
        ScopedLstmSwitch bf16Scope(setLstmBf16, lstmBf16, options.bf16);

        // The model: resumed, fine-tuned from a file, or new.
        const std::string ckptPath = checkpointPathFor(options.outputPath);
        std::shared_ptr<Model::Impl> impl;
        TrainingState state;
        bool resumed = false;
        if (options.resume && std::filesystem::exists(ckptPath)) {
            impl = ModelArchive::read(ckptPath, &state, false, nullptr, &why);
            if (!impl) return fail("cannot resume: " + why);
            resumed = true;
        } else if (options.resume && std::filesystem::exists(options.outputPath)) {
            return fail("cannot resume: " + ckptPath + " (the training state) does not exist; " +
                        options.outputPath + " holds weights only");
        } else if (!options.initFrom.empty()) {
            impl = ModelArchive::read(options.initFrom, nullptr, false, nullptr, &why);
            if (!impl) return fail("cannot start from a model: " + why);
            // The card says where the weights came from: this run's batch count alone would
            // undersell them. A chain of fine-tunes reads back to the first.
            const auto earlier = impl->metadata.find("init_from");
            impl->metadata["init_from"] =
                std::filesystem::path(options.initFrom).filename().string() + " (" +
                std::to_string(impl->trainingSteps) + " batches" +
                (earlier != impl->metadata.end() ? ", itself from " + earlier->second : std::string()) + ")";
        } else {
            auto m = Model::create(configIn, options.seed, &why);
            if (!m) return fail(why);
            impl = std::make_shared<Model::Impl>(*m->impl());
        }
        const ModelConfig config = impl->config;
        for (const auto& [k, v] : options.metadata) impl->metadata[k] = v;
        impl->net->to(*device);
        impl->device = *device;

        // Pieces: in range, long enough; a validation split by piece.
        if (resumed && (impl->metadata.count("lead_in") > 0) != options.leadIn)
            return fail(std::string("cannot resume: the run was trained ") + (options.leadIn ? "without" : "with") +
                        " --lead-in; resume it the same way");
        std::vector<const TrainingPiece*> usable;
        std::vector<TrainingPiece> ledIn;  // the pieces with their silent frame (leadIn)
        ledIn.reserve(options.leadIn ? pieces.size() : 0);
        for (const auto& p : pieces) {
            if (p.grid.lowPitch() != config.lowPitch || p.grid.numNotes() != config.numNotes)
                return fail(p.name + ": its grid covers pitches " + std::to_string(p.grid.lowPitch()) + ".." +
                            std::to_string(p.grid.highPitch()) + ", the model " + std::to_string(config.lowPitch) +
                            ".." + std::to_string(config.highPitch()));
            const TrainingPiece* piece = &p;
            if (options.leadIn) {
                ledIn.push_back({p.name, withLeadIn(p.grid)});
                piece = &ledIn.back();
            }
            if (piece->grid.steps() >= options.segmentSteps) usable.push_back(piece);
        }
        // The card describes this run: a fine-tune of a lead-in or averaged model without the
        // option must not inherit the entry.
        if (options.leadIn)
            impl->metadata["lead_in"] = "a silent frame before every piece";
        else
            impl->metadata.erase("lead_in");
        if (options.weightAverage <= 0) impl->metadata.erase("weight_average");
        if (usable.empty())
            return fail("no piece is long enough to train on: each needs at least " +
                        std::to_string(options.segmentSteps) + " steps (" + std::to_string(pieces.size()) +
                        " pieces given)");

        std::vector<const StepGrid*> train, valid;
        if (resumed) {
            // The checkpoint names its held-out pieces by the paths of the run that made it; the
            // corpus may come by another path now. Never resume without all of them held out.
            std::vector<std::string> names;
            for (auto* p : usable) names.push_back(p->name);
            const auto found = PieceMatcher::match(state.validationPieces, names);
            if (!found.ok) return fail("cannot resume: " + found.error + "; resume with the corpus the training began with");
            std::set<std::size_t> held(found.index.begin(), found.index.end());
            for (std::size_t i = 0; i < usable.size(); ++i) {
                const bool isValid = held.count(i) > 0;
                (isValid ? valid : train).push_back(&usable[i]->grid);
                (isValid ? result.validationPieces : result.trainingPieces).push_back(usable[i]->name);
            }
        } else {
            std::set<std::string> named(options.validationNames.begin(), options.validationNames.end());
            std::vector<const TrainingPiece*> order;
            for (auto* p : usable)
                if (named.empty() || !named.count(p->name)) order.push_back(p);
            std::mt19937_64 splitRng(options.seed ^ 0x5eedULL);
            std::shuffle(order.begin(), order.end(), splitRng);
            std::size_t nValid = 0;
            if (named.empty() && options.validationFraction > 0 && order.size() >= 2)
                nValid = std::clamp<std::size_t>(
                    static_cast<std::size_t>(std::lround(options.validationFraction * static_cast<double>(order.size()))),
                    1, order.size() - 1);
            std::vector<const TrainingPiece*> v(order.begin(), order.begin() + static_cast<long>(nValid));
            std::sort(v.begin(), v.end(), [](auto* a, auto* b) { return a->name < b->name; });
            std::set<const TrainingPiece*> vs(v.begin(), v.end());
            for (auto* p : usable)
                if (named.count(p->name)) vs.insert(p);
            for (auto* p : usable) {
                if (vs.count(p)) {
                    valid.push_back(&p->grid);
                    result.validationPieces.push_back(p->name);
                } else {
                    train.push_back(&p->grid);
                    result.trainingPieces.push_back(p->name);
                }
            }
            state.validationPieces = result.validationPieces;
        }
        if (train.empty()) return fail("every usable piece is in the validation split: nothing left to train on");

        const bool fresh = !resumed && options.initFrom.empty();
        if (fresh && options.initOutputBiasFromData) {
            std::int64_t cells = 0, plays = 0, strikes = 0;
            for (const auto* g : train) {
                cells += static_cast<std::int64_t>(g->steps()) * g->numNotes();
                const auto& c = g->cells();
                for (std::size_t i = 0; i < c.size(); i += 2) {
                    plays += c[i];
                    strikes += c[i + 1];
                }
            }
            auto logit = [](double p) {
                p = std::clamp(p, 1e-4, 1.0 - 1e-4);
                return std::log(p / (1.0 - p));
            };
            torch::NoGradGuard noGrad;
            auto& bias = impl->net->output()->bias;
            bias[0] = logit(static_cast<double>(plays) / static_cast<double>(std::max<std::int64_t>(cells, 1)));
            bias[1] = logit(static_cast<double>(strikes) / static_cast<double>(std::max<std::int64_t>(plays, 1)));
            impl->metadata["init_output_bias"] = "from data";
        }

        // Random state: segments from a mt19937_64, dropout from a torch generator.
        std::mt19937_64 segmentRng(options.seed);
        auto dropoutRng = torch::make_generator<at::CPUGeneratorImpl>(options.seed + 7);
        Optimizer optimizer(options.optimizer, options.learningRate, options.gradClip);
        auto params = impl->net->named_parameters();
        optimizer.init(params);
        std::int64_t step = 0;
        if (resumed) {
            if (state.optimizer != optimizer.name())
                return fail("cannot resume: the checkpoint was trained with " + state.optimizer + ", not " +
                            optimizer.name());
            std::istringstream in(state.segmentRng);
            in >> segmentRng;
            if (in.fail()) return fail("cannot resume: the checkpoint's random state is corrupt");
            dropoutRng.set_state(state.torchRng);
            for (auto& [k, t] : optimizer.slots()) {
                auto it = state.slots.find(k);
                if (it == state.slots.end() || it->second.sizes() != t.sizes())
                    return fail("cannot resume: the optimiser state does not match the model (" + k + ")");
                t = it->second.to(t.device(), t.scalar_type());
            }
            step = state.step;
        }
        for (auto& [k, t] : optimizer.slots())
            if (k != "/t") t = t.to(*device);

        // Weight averaging: the average of each parameter, in params' order. A checkpoint
        // holds it under "ema/<name>"; resuming a run that had none starts it from the weights.
        const bool averaging = options.weightAverage > 0;
        std::vector<torch::Tensor> average;
        if (averaging) {
            torch::NoGradGuard noGrad;
            for (const auto& p : params) {
                auto it = resumed ? state.slots.find("ema/" + p.key()) : state.slots.end();
                const bool have = it != state.slots.end() && it->second.sizes() == p.value().sizes();
                average.push_back(have ? it->second.to(*device, torch::kFloat32) : p.value().detach().clone());
            }
        }
        auto updateAverage = [&] {
            torch::NoGradGuard noGrad;
            const double b = static_cast<double>(step);
            const double d = std::min(options.weightAverage, (1.0 + b) / (10.0 + b));
            std::size_t i = 0;
            for (const auto& p : params) average[i++].mul_(d).add_(p.value().detach(), 1.0 - d);
        };
        // Exchanges the network's weights with `other` (same order as params).
        auto swapWeights = [&](std::vector<torch::Tensor>& other) {
            torch::NoGradGuard noGrad;
            std::size_t i = 0;
            for (auto& p : params) {
                auto current = p.value().detach().clone();
                p.value().copy_(other[i]);
                other[i++] = current;
            }
        };

        FeatureBuilder features(config.lowPitch, config.numNotes, *device, config.stepsPerBar);
        const int L = options.segmentSteps;
        auto drawSegment = [&](std::mt19937_64& rng, const std::vector<const StepGrid*>& from) {
            Segment s;
            s.piece = static_cast<int>(std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng));
            // Starts on multiples of segmentAlign, the last one included (the original's
            // randrange excluded it and crashed on pieces of exactly 128 steps).
            const int last = (from[static_cast<std::size_t>(s.piece)]->steps() - L) / options.segmentAlign;
            s.start = std::uniform_int_distribution<int>(0, last)(rng) * options.segmentAlign;
            return s;
        };
        auto lossOf = [&](const std::vector<const StepGrid*>& from, const std::vector<Segment>& segs,
                          torch::Generator* gen) {
            auto [states, bars] = buildBatch(from, segs, L);
            auto statesDev = states.to(*device);
            auto in = features.build(statesDev.slice(1, 0, L - 1), bars.slice(1, 0, L - 1));
            auto target = statesDev.slice(1, 1, L).to(torch::kFloat32);
            auto logits = impl->net->forward(in, target, gen);
            return biaxialLoss(logits, target);
        };
        const double noteSteps = static_cast<double>(options.batchSize) * (L - 1) * config.numNotes;

        // A fixed validation set: the same segments every time, so its NLL is comparable.
        std::vector<Segment> validSegments;
        if (!valid.empty()) {
            std::mt19937_64 vr(options.seed ^ 0xfeedULL);
            for (int i = 0; i < std::max(1, options.validationSegments); ++i) validSegments.push_back(drawSegment(vr, valid));
        }
        // Or the held-out pieces whole, scored as `biaxial eval` scores them (without the
        // lead-in frame: the evaluator puts its own silent frame first).
        std::vector<StepGrid> validWhole;
        if (options.validateWholePieces)
            for (const auto* g : valid) validWhole.push_back(options.leadIn ? g->slice(1, g->steps()) : *g);
        auto validate = [&](double* perStep) {
            torch::NoGradGuard noGrad;
            if (averaging) swapWeights(average);  // score the average; back before training goes on
            if (options.validateWholePieces) {
                const auto r = Evaluator::evaluate(Model(impl), validWhole);
                if (averaging) swapWeights(average);
                if (!r.ok) throw std::runtime_error("validation: " + r.error);
                *perStep = r.nllPerFrame;
                return r.nllPerNoteStep;
            }
            double total = 0;
            const std::size_t chunk = static_cast<std::size_t>(options.batchSize);
            for (std::size_t i = 0; i < validSegments.size(); i += chunk) {
                std::vector<Segment> part(validSegments.begin() + static_cast<long>(i),
                                          validSegments.begin() + static_cast<long>(std::min(validSegments.size(), i + chunk)));
                total += lossOf(valid, part, nullptr).item<double>();
            }
            if (averaging) swapWeights(average);
            const double stepsCount = static_cast<double>(validSegments.size()) * (L - 1);
            *perStep = total / stepsCount;
            return total / (stepsCount * config.numNotes);
        };

        // keepBest: copies of the weights at the best validation NLL so far.
        std::vector<torch::Tensor> bestParams;
        double bestValid = -1;
        std::int64_t bestStep = 0;
        auto rememberIfBest = [&] {
            if (!options.keepBest || result.validLoss < 0 || (bestValid >= 0 && result.validLoss >= bestValid)) return;
            torch::NoGradGuard noGrad;
            bestValid = result.validLoss;
            bestStep = step;
            bestParams.clear();
            if (averaging)
                for (const auto& a : average) bestParams.push_back(a.clone());
            else
                for (const auto& p : params) bestParams.push_back(p.value().detach().clone());
        };

        auto saveAll = [&](std::string* error) {
            impl->trainingSteps = step;
            state.optimizer = optimizer.name();
            state.step = step;
            state.segmentRng = rngToText(segmentRng);
            state.torchRng = dropoutRng.get_state();
            state.slots = optimizer.slots();
            if (averaging) {
                std::size_t i = 0;
                for (const auto& p : params) state.slots["ema/" + p.key()] = average[i++];
                impl->metadata["weight_average"] = "exponential, decay " + formatDouble(options.weightAverage);
            }
            impl->metadata["training_steps"] = std::to_string(step);
            impl->metadata["optimizer"] = optimizer.name();
            impl->metadata["batch_size"] = std::to_string(options.batchSize);
            impl->metadata["segment_steps"] = std::to_string(L);
            if (!validSegments.empty())
                impl->metadata["validation"] = options.validateWholePieces
                                                   ? "held-out pieces whole, as biaxial eval scores them"
                                                   : std::to_string(validSegments.size()) + " fixed segments of " +
                                                         std::to_string(L) + " steps";
            if (options.transpose > 0) impl->metadata["transpose_augmentation"] = "+-" + std::to_string(options.transpose) + " semitones";
            impl->metadata["device"] = result.device;
            impl->metadata["precision"] = options.bf16 ? "bf16 products, float32 weights" : "float32";
            if (result.validLoss >= 0) impl->metadata["valid_nll_per_note_step"] = formatDouble(result.validLoss);
            if (result.batches > 0) impl->metadata["train_nll_per_note_step"] = formatDouble(result.trainLoss);
            std::string vp;
            for (const auto& v : state.validationPieces) vp += (vp.empty() ? "" : "; ") + v;
            impl->metadata["validation_pieces"] = vp;
            if (!ModelArchive::write(*impl, &state, ckptPath, error)) return false;
            if (!options.keepBest || bestParams.empty() || bestStep == step) {
                if (!averaging) return ModelArchive::write(*impl, nullptr, options.outputPath, error);
                swapWeights(average);  // the model file holds the average
                const bool ok = ModelArchive::write(*impl, nullptr, options.outputPath, error);
                swapWeights(average);
                return ok;
            }
            // The model file gets the best weights, described as of their batch.
            auto metadata = impl->metadata;
            impl->trainingSteps = bestStep;
            impl->metadata["training_steps"] = std::to_string(bestStep);
            impl->metadata["valid_nll_per_note_step"] = formatDouble(bestValid);
            impl->metadata["kept_best_of_steps"] = std::to_string(step);
            swapWeights(bestParams);
            const bool ok = ModelArchive::write(*impl, nullptr, options.outputPath, error);
            swapWeights(bestParams);
            impl->metadata = metadata;
            impl->trainingSteps = step;
            return ok;
        };

        auto writeSample = [&]() -> std::string {
            std::filesystem::path folder = options.sampleFolder.empty()
                                               ? std::filesystem::path(options.outputPath).parent_path()
                                               : std::filesystem::path(options.sampleFolder);
            std::error_code ec;
            if (!folder.empty()) std::filesystem::create_directories(folder, ec);
            GenerationOptions g;
            g.steps = options.sampleSteps;
            g.seed = options.seed + static_cast<std::uint64_t>(step);
            // Like the original: seeded with the first step of a random training segment.
            std::mt19937_64 sr(options.seed + static_cast<std::uint64_t>(step));
            Segment s = drawSegment(sr, train);
            StepGrid seed = train[static_cast<std::size_t>(s.piece)]->slice(s.start, s.start + 1);
            auto r = Generator::generate(Model(impl), seed, g, cancel);
            if (!r.ok) return "sample failed: " + r.error;
            seed.append(r.variations[0]);
            auto path = (folder / ("sample-" + std::to_string(step) + ".mid")).string();
            if (auto err = MidiFileWriter::writeFile(GridConverter::toSong(seed), path)) return "sample failed: " + err->message();
            return "sample written: " + path;
        };

        TrainingProgress report;
        report.totalBatches = options.steps;
        double lossSum = 0, validPerStep = -1;
        int lossCount = 0;
        const std::int64_t firstStep = step;
        const auto loopStart = Clock::now();
        while (step < options.steps) {
            if (cancel && cancel->load()) {
                result.cancelled = true;
                result.batches = step;
                result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
                return result;
            }
            std::vector<Segment> segs;
            for (int i = 0; i < options.batchSize; ++i) {
                segs.push_back(drawSegment(segmentRng, train));
                if (options.transpose > 0) {
                    auto [low, high] = shiftRange(*train[static_cast<std::size_t>(segs.back().piece)], segs.back().start, L);
                    low = std::max(low, -options.transpose);
                    high = std::min(high, options.transpose);
                    segs.back().shift = std::uniform_int_distribution<int>(low, high)(segmentRng);
                }
            }
            for (auto& p : params) p.value().mutable_grad() = torch::Tensor();
            auto loss = lossOf(train, segs, &dropoutRng);
            loss.backward();
            optimizer.step(params);
            if (averaging) updateAverage();
            const double l = loss.item<double>() / noteSteps;
            if (!std::isfinite(l)) return fail("training diverged at batch " + std::to_string(step + 1) + " (loss is not finite)");
            ++step;
            lossSum += l;
            ++lossCount;
            result.batches = step;

            const double elapsed = std::chrono::duration<double>(Clock::now() - loopStart).count();
            report = TrainingProgress{};
            report.batch = step;
            report.totalBatches = options.steps;
            report.stepsPerSecond = elapsed > 0 ? static_cast<double>(step - firstStep) / elapsed : 0;
            report.etaSeconds = report.stepsPerSecond > 0 ? static_cast<double>(options.steps - step) / report.stepsPerSecond : 0;
            report.trainLoss = lossSum / lossCount;
            report.validLoss = result.validLoss;
            report.validLossPerStep = validPerStep;
            bool tell = options.logEvery > 0 && step % options.logEvery == 0;
            if (!validSegments.empty() && options.validationEvery > 0 &&
                (step % options.validationEvery == 0 || step == options.steps)) {
                result.validLoss = validate(&validPerStep);
                rememberIfBest();
                report.validLossPerStep = validPerStep;
                report.validLoss = result.validLoss;
                tell = true;
            }
            if ((options.checkpointEvery > 0 && step % options.checkpointEvery == 0) || step == options.steps) {
                result.trainLoss = report.trainLoss;
                std::string err;
                if (!saveAll(&err)) return fail(err);
                report.checkpointWritten = true;
                report.message = "checkpoint written: " + options.outputPath;
                tell = true;
            }
            if (options.sampleEvery > 0 && step % options.sampleEvery == 0) {
                report.message += (report.message.empty() ? "" : "; ") + writeSample();
                tell = true;
            }
            report.isLogPoint = tell || step == firstStep + 1;
            if (progress) progress(report);
            if (report.isLogPoint) {
                result.trainLoss = report.trainLoss;
                lossSum = 0;
                lossCount = 0;
            }
        }
        if (step == firstStep) {  // nothing to do (already at the target): still leave both files
            std::string err;
            if (!saveAll(&err)) return fail(err);
        }
        result.ok = true;
        result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
        return result;
    } catch (const std::exception& e) {
        std::string what = e.what();
        if (auto nl = what.find('\n'); nl != std::string::npos) what = what.substr(0, nl);
        return fail(std::string("training failed: ") + what);
    }
}

}  // namespace biaxial
