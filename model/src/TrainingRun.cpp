#include "TrainingRun.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "TorchRuntime.h"
#include "biaxial/model/Evaluator.h"

namespace biaxial {

TrainingRun::TrainingRun(const ModelConfig& config, const std::vector<TrainingPiece>& pieces,
                         const TrainingOptions& options, const std::atomic<bool>* cancel,
                         const Trainer::Progress& progress)
    : configIn_(config),
      pieces_(pieces),
      options_(options),
      cancel_(cancel),
      progress_(progress),
      segmentRng_(options.seed),
      dropoutRng_(torch::make_generator<at::CPUGeneratorImpl>(options.seed + 7)),
      checkpoints_(options),
      samples_(options) {}

TrainingResult TrainingRun::fail(const std::string& why) {
    result_.error = why;
    return result_;
}

std::string TrainingRun::checkOptions() const {
    if (options_.outputPath.empty())
        return "no output path for the model";
    if (options_.batchSize < 1)
        return "the batch size must be at least 1";
    if (options_.segmentSteps < 2)
        return "segments need at least 2 steps";
    if (options_.segmentAlign < 1)
        return "the segment alignment must be at least 1";
    if (options_.transpose < 0)
        return "the transposition range cannot be negative";
    if (options_.weightAverage < 0 || options_.weightAverage >= 1)
        return "the weight-average decay must be in [0, 1)";
    const int world = options_.parallel.worldSize;
    if (world < 1 || options_.parallel.rank < 0 || options_.parallel.rank >= world)
        return "rank " + std::to_string(options_.parallel.rank) + " is not in a group of " +
               std::to_string(world);
    if (options_.batchSize % world != 0)
        return "a batch of " + std::to_string(options_.batchSize) + " segments does not divide among " +
               std::to_string(world) + " processes: choose --batch as a multiple of " + std::to_string(world);
    return {};
}

std::string TrainingRun::loadModel() {
    std::string why;
    const std::string ckptPath = Trainer::checkpointPathFor(options_.outputPath);
    if (options_.resume && std::filesystem::exists(ckptPath)) {
        impl_ = ModelArchive::read(ckptPath, &state_, false, nullptr, &why);
        if (!impl_)
            return "cannot resume: " + why;
        resumed_ = true;
    } else if (options_.resume && std::filesystem::exists(options_.outputPath)) {
        return "cannot resume: " + ckptPath + " (the training state) does not exist; " + options_.outputPath +
               " holds weights only";
    } else if (!options_.initFrom.empty()) {
        impl_ = ModelArchive::read(options_.initFrom, nullptr, false, nullptr, &why);
        if (!impl_)
            return "cannot start from a model: " + why;
        // The card says where the weights came from: this run's batch count alone would
        // undersell them. A chain of fine-tunes reads back to the first.
        const auto earlier = impl_->metadata.find("init_from");
        impl_->metadata["init_from"] =
            std::filesystem::path(options_.initFrom).filename().string() + " (" +
            std::to_string(impl_->trainingSteps) + " batches" +
            (earlier != impl_->metadata.end() ? ", itself from " + earlier->second : std::string()) + ")";
    } else {
        auto m = Model::create(configIn_, options_.seed, &why);
        if (!m)
            return why;
        impl_ = std::make_shared<Model::Impl>(*m->impl());
    }
    for (const auto& [k, v] : options_.metadata)
        impl_->metadata[k] = v;
    impl_->net->to(device_);
    impl_->device = device_;
    if (resumed_ && (impl_->metadata.count("lead_in") > 0) != options_.leadIn)
        return std::string("cannot resume: the run was trained ") + (options_.leadIn ? "without" : "with") +
               " --lead-in; resume it the same way";
    // The card describes this run: a fine-tune of a lead-in or averaged model without the
    // option must not inherit the entry.
    if (options_.leadIn)
        impl_->metadata["lead_in"] = "a silent frame before every piece";
    else
        impl_->metadata.erase("lead_in");
    if (options_.weightAverage <= 0)
        impl_->metadata.erase("weight_average");
    return {};
}

std::string TrainingRun::choosePieces() {
    const ModelConfig& config = impl_->config;
    ledIn_.reserve(options_.leadIn ? pieces_.size() : 0);
    for (const auto& p : pieces_) {
        if (p.grid.lowPitch() != config.lowPitch || p.grid.numNotes() != config.numNotes)
            return p.name + ": its grid covers pitches " + std::to_string(p.grid.lowPitch()) + ".." +
                   std::to_string(p.grid.highPitch()) + ", the model " + std::to_string(config.lowPitch) +
                   ".." + std::to_string(config.highPitch());
        const TrainingPiece* piece = &p;
        if (options_.leadIn) {
            ledIn_.push_back({p.name, withLeadIn(p.grid)});
            piece = &ledIn_.back();
        }
        if (piece->grid.steps() >= options_.segmentSteps)
            usable_.push_back(piece);
    }
    if (usable_.empty())
        return "no piece is long enough to train on: each needs at least " +
               std::to_string(options_.segmentSteps) + " steps (" + std::to_string(pieces_.size()) +
               " pieces given)";
    split_ = resumed_ ? TrainValidSplit::resumed(usable_, state_.validationPieces)
                      : TrainValidSplit::fresh(usable_, options_);
    if (!split_.ok)
        return split_.error;
    result_.trainingPieces = split_.trainNames;
    result_.validationPieces = split_.validNames;
    // The held-out pieces by today's names (relative to the corpus folder): a checkpoint from
    // another machine's absolute paths is written back in portable form.
    state_.validationPieces = split_.validNames;
    if (split_.train.empty())
        return "every usable piece is in the validation split: nothing left to train on";
    return {};
}

void TrainingRun::initOutputBiasFromData() {
    std::int64_t cells = 0, plays = 0, strikes = 0;
    for (const auto* g : split_.train) {
        cells += static_cast<std::int64_t>(g->steps()) * g->numNotes();
        plays += g->playCount();
        strikes += g->strikeCount();
    }
    auto logit = [](double p) {
        p = std::clamp(p, 1e-4, 1.0 - 1e-4);
        return std::log(p / (1.0 - p));
    };
    torch::NoGradGuard noGrad;
    auto& bias = impl_->net->output()->bias;
    bias[0] = logit(static_cast<double>(plays) / static_cast<double>(std::max<std::int64_t>(cells, 1)));
    bias[1] = logit(static_cast<double>(strikes) / static_cast<double>(std::max<std::int64_t>(plays, 1)));
    impl_->metadata["init_output_bias"] = "from data";
}

std::string TrainingRun::restoreTrainingState() {
    optimizer_.emplace(options_.optimizer, options_.learningRate, options_.gradClip);
    params_ = impl_->net->named_parameters();
    optimizer_->init(params_);
    if (resumed_) {
        if (state_.optimizer != optimizer_->name())
            return "cannot resume: the checkpoint was trained with " + state_.optimizer + ", not " +
                   optimizer_->name();
        std::istringstream in(state_.segmentRng);
        in >> segmentRng_;
        if (in.fail())
            return "cannot resume: the checkpoint's random state is corrupt";
        dropoutRng_.set_state(state_.torchRng);
        for (auto& [k, t] : optimizer_->slots()) {
            auto it = state_.slots.find(k);
            if (it == state_.slots.end() || it->second.sizes() != t.sizes())
                return "cannot resume: the optimiser state does not match the model (" + k + ")";
            t = it->second.to(t.device(), t.scalar_type());
        }
        step_ = state_.step;
        if (group_ && group_->rank() > 0) {
            // Rank 0's dropout state is the checkpoint's own; the others are stored beside it.
            const auto it = state_.slots.find(rankSlot());
            if (it != state_.slots.end())
                dropoutRng_.set_state(it->second.to(torch::kCPU));
            else
                dropoutRng_ = torch::make_generator<at::CPUGeneratorImpl>(
                    options_.seed + 7 + static_cast<std::uint64_t>(group_->rank()) +
                    1000003ULL * static_cast<std::uint64_t>(step_));
        }
        const auto was = impl_->metadata.find("world_size");
        const int wasWorld = was == impl_->metadata.end() ? 1 : std::atoi(was->second.c_str());
        if (wasWorld != options_.parallel.worldSize)
            startNote_ = "the checkpoint was trained by " + std::to_string(wasWorld) +
                         " process(es), this run has " + std::to_string(options_.parallel.worldSize) +
                         ": the batches go on exactly, the dropout masks do not";
    }
    for (auto& [k, t] : optimizer_->slots())
        if (k != "/t")
            t = t.to(device_);
    average_.emplace(options_.weightAverage, params_, resumed_ ? &state_.slots : nullptr, device_);
    return {};
}

std::string TrainingRun::joinGroup() {
    if (!options_.parallel.distributed())
        return {};
    group_ = std::make_unique<DataParallelGroup>(options_.parallel);  // throws a sentence
    // Each rank masks its own segments: rank 0 keeps the one-process stream.
    if (group_->rank() > 0)
        dropoutRng_ = torch::make_generator<at::CPUGeneratorImpl>(options_.seed + 7 +
                                                                  static_cast<std::uint64_t>(group_->rank()));
    return {};
}

std::string TrainingRun::rankSlot() const {
    return "/dropout_rng/" + std::to_string(group_ ? group_->rank() : 0);
}

std::string TrainingRun::agreeOnData() {
    if (!group_)
        return {};
    // The same pieces in the same split, the same options and the same starting batch: else
    // the ranks would train different models and the all-reduce would mix them.
    std::uint64_t h = 1469598103934665603ULL;
    std::int64_t steps = 0;
    const auto mix = [&h](const std::string& text) {
        for (const unsigned char c : text) {
            h ^= c;
            h *= 1099511628211ULL;
        }
        h ^= 0xffU;
        h *= 1099511628211ULL;
    };
    for (std::size_t i = 0; i < split_.train.size(); ++i) {
        mix(split_.trainNames[i] + "#" + std::to_string(split_.train[i]->steps()));
        steps += split_.train[i]->steps();
    }
    for (const auto& name : split_.validNames)
        mix("valid:" + name);
    char hex[32];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    const std::string corpus = std::to_string(split_.train.size()) + " training pieces of " +
                               std::to_string(steps) + " steps, " + std::to_string(split_.validNames.size()) +
                               " held out, checksum " + hex;
    if (auto why = group_->agree("corpus", corpus); !why.empty())
        return why + ": every rank must scan the same corpus";
    const std::string run = "batch " + std::to_string(options_.batchSize) + " x " +
                            std::to_string(options_.segmentSteps) + " steps, seed " +
                            std::to_string(options_.seed) + ", starting at batch " + std::to_string(step_) +
                            " of " + std::to_string(options_.steps);
    if (auto why = group_->agree("run", run); !why.empty())
        return why + ": start every rank with the same options and checkpoint";
    std::vector<torch::Tensor> weights;
    for (const auto& p : params_)
        weights.push_back(p.value());
    group_->broadcast(weights);
    return {};
}

std::vector<Segment> TrainingRun::myShare(const std::vector<Segment>& batch) const {
    if (!group_)
        return batch;
    const std::size_t share = batch.size() / static_cast<std::size_t>(group_->size());
    const auto first = batch.begin() + static_cast<long>(share * static_cast<std::size_t>(group_->rank()));
    return {first, first + static_cast<long>(share)};
}

void TrainingRun::prepareValidation() {
    if (!split_.valid.empty()) {
        std::mt19937_64 vr(options_.seed ^ 0xfeedULL);
        for (int i = 0; i < std::max(1, options_.validationSegments); ++i)
            validSegments_.push_back(
                drawSegment(vr, split_.valid, options_.segmentSteps, options_.segmentAlign));
    }
    // The evaluator puts its own silent frame first: the pieces go without their lead-in.
    // With several ranks each scores its share of the pieces.
    if (options_.validateWholePieces)
        for (std::size_t i = 0; i < split_.valid.size(); ++i)
            if (!group_ || static_cast<int>(i % static_cast<std::size_t>(group_->size())) == group_->rank()) {
                const CompactGrid* g = split_.valid[i];
                validWhole_.push_back(g->slice(options_.leadIn ? 1 : 0, g->steps()));
            }
}

std::vector<Segment> TrainingRun::drawBatch() {
    const int L = options_.segmentSteps;
    std::vector<Segment> segments;
    for (int i = 0; i < options_.batchSize; ++i) {
        segments.push_back(drawSegment(segmentRng_, split_.train, L, options_.segmentAlign));
        if (options_.transpose > 0) {
            auto [low, high] = shiftRange(*split_.train[static_cast<std::size_t>(segments.back().piece)],
                                          segments.back().start, L);
            low = std::max(low, -options_.transpose);
            high = std::min(high, options_.transpose);
            segments.back().shift = std::uniform_int_distribution<int>(low, high)(segmentRng_);
        }
    }
    return segments;
}

torch::Tensor TrainingRun::lossOf(const std::vector<const CompactGrid*>& from,
                                  const std::vector<Segment>& segments, torch::Generator* dropout) {
    const int L = options_.segmentSteps;
    auto [states, bars] = buildBatch(from, segments, L);
    auto statesDev = states.to(device_);
    auto in = features_->build(statesDev.slice(1, 0, L - 1), bars.slice(1, 0, L - 1));
    auto target = statesDev.slice(1, 1, L).to(torch::kFloat32);
    auto logits = impl_->net->forward(in, target, dropout);
    return biaxialLoss(logits, target);
}

double TrainingRun::validate(double* perStep) {
    torch::NoGradGuard noGrad;
    average_->swap();  // score the average; back before training goes on
    if (options_.validateWholePieces) {
        // Sums over this rank's pieces: play NLL, full NLL per note, frames.
        auto sums = torch::zeros({3}, torch::kFloat64);
        if (!validWhole_.empty()) {
            const auto r = Evaluator::evaluate(Model(impl_), validWhole_);
            if (!r.ok) {
                average_->swap();
                throw std::runtime_error("validation: " + r.error);
            }
            const auto frames = static_cast<double>(r.frames);
            sums =
                torch::tensor({r.nllPerFrame * frames, r.nllPerNoteStep * frames, frames}, torch::kFloat64);
        }
        average_->swap();
        if (group_)
            group_->allReduceSum({sums});
        const double frames = sums[2].item<double>();
        if (frames <= 0)
            throw std::runtime_error("validation: the held-out pieces have no frames");
        *perStep = sums[0].item<double>() / frames;
        return sums[1].item<double>() / frames;
    }
    double total = 0;
    const std::size_t chunk = static_cast<std::size_t>(options_.batchSize);
    for (std::size_t i = 0; i < validSegments_.size(); i += chunk) {
        // With several ranks each scores every world-size-th chunk.
        if (group_ &&
            static_cast<int>((i / chunk) % static_cast<std::size_t>(group_->size())) != group_->rank())
            continue;
        std::vector<Segment> part(
            validSegments_.begin() + static_cast<long>(i),
            validSegments_.begin() + static_cast<long>(std::min(validSegments_.size(), i + chunk)));
        total += lossOf(split_.valid, part, nullptr).item<double>();
    }
    average_->swap();
    if (group_) {
        auto sum = torch::full({1}, total, torch::kFloat64);
        group_->allReduceSum({sum});
        total = sum.item<double>();
    }
    const double stepsCount = static_cast<double>(validSegments_.size()) * (options_.segmentSteps - 1);
    *perStep = total / stepsCount;
    return total / (stepsCount * impl_->config.numNotes);
}

void TrainingRun::rememberIfBest() {
    if (!options_.keepBest || result_.validLoss < 0 || (bestValid_ >= 0 && result_.validLoss >= bestValid_))
        return;
    torch::NoGradGuard noGrad;
    bestValid_ = result_.validLoss;
    bestStep_ = step_;
    if (average_->enabled()) {
        bestParams_ = average_->copies();
    } else {
        bestParams_.clear();
        for (const auto& p : params_)
            bestParams_.push_back(p.value().detach().clone());
    }
}

bool TrainingRun::writeCheckpoint(std::string* error) {
    // Rank 0 writes; the others hand it their dropout state (the one thing that differs).
    const std::string key = "dropout_rng/" + std::to_string(step_) + "/";
    if (!leader()) {
        const auto st = dropoutRng_.get_state().contiguous();
        const auto* b = st.data_ptr<std::uint8_t>();
        group_->publish(key + std::to_string(group_->rank()), std::vector<std::uint8_t>(b, b + st.numel()));
        return true;
    }
    state_.optimizer = optimizer_->name();
    state_.step = step_;
    std::ostringstream rng;
    rng << segmentRng_;
    state_.segmentRng = rng.str();
    state_.torchRng = dropoutRng_.get_state();
    state_.slots = optimizer_->slots();
    average_->saveTo(&state_.slots);
    for (int r = 1; group_ && r < group_->size(); ++r) {
        auto bytes = group_->fetch(key + std::to_string(r));
        state_.slots["/dropout_rng/" + std::to_string(r)] =
            torch::from_blob(bytes.data(), {static_cast<std::int64_t>(bytes.size())}, torch::kUInt8).clone();
    }

    RunFigures figures;
    figures.step = step_;
    figures.optimizer = optimizer_->name();
    figures.device = result_.device;
    if (!validSegments_.empty())
        figures.validation = options_.validateWholePieces
                                 ? "held-out pieces whole, as biaxial eval scores them"
                                 : std::to_string(validSegments_.size()) + " fixed segments of " +
                                       std::to_string(options_.segmentSteps) + " steps";
    figures.validLoss = result_.validLoss;
    figures.trainLoss = result_.batches > 0 ? result_.trainLoss : -1;

    // The model file: the best weights (keep-best, when not the current ones), else the
    // average, else the network's own.
    if (options_.keepBest && !bestParams_.empty() && bestStep_ != step_)
        return checkpoints_.write(*impl_, state_, figures, bestParams_, bestStep_, bestValid_, error);
    return checkpoints_.write(*impl_, state_, figures,
                              average_->enabled() ? average_->copies() : std::vector<torch::Tensor>{}, -1, 0,
                              error);
}

TrainingResult TrainingRun::run() {
    started_ = Clock::now();
    try {
        if (auto why = checkOptions(); !why.empty())
            return fail(why);
        std::string why;
        auto device = TorchRuntime::resolveDevice(options_.device, &why);
        if (!device)
            return fail(why);
        device_ = *device;
        result_.device = TorchRuntime::deviceName(device_);
        if (options_.bf16 && !device_.is_cpu())
            return fail("--bf16 is the CPU's mixed precision; CUDA trains in float32");
        // This thread's switch (the products run here), restored however the run ends.
        ScopedLstmSwitch bf16Scope(setLstmBf16, lstmBf16, options_.bf16);

        if (why = joinGroup(); !why.empty())
            return fail(why);
        if (why = loadModel(); !why.empty())
            return fail(why);
        if (why = choosePieces(); !why.empty())
            return fail(why);
        if (!resumed_ && options_.initFrom.empty() && options_.initOutputBiasFromData)
            initOutputBiasFromData();
        if (why = restoreTrainingState(); !why.empty())
            return fail(why);
        if (why = agreeOnData(); !why.empty())
            return fail(why);
        if (group_) {
            impl_->metadata["world_size"] = std::to_string(group_->size());
            impl_->metadata["data_parallel"] = std::to_string(group_->size()) + " processes (c10d, Gloo), " +
                                               std::to_string(options_.batchSize / group_->size()) +
                                               " segments of each batch per process";
        } else {
            impl_->metadata.erase("world_size");
            impl_->metadata.erase("data_parallel");
        }
        const ModelConfig& config = impl_->config;
        features_.emplace(config.lowPitch, config.numNotes, device_, config.stepsPerBar);
        prepareValidation();

        const double noteSteps =
            static_cast<double>(options_.batchSize) * (options_.segmentSteps - 1) * config.numNotes;
        double lossSum = 0, validPerStep = -1;
        int lossCount = 0;
        const std::int64_t firstStep = step_;
        const auto loopStart = Clock::now();
        bool checkpointed = false;  // the last batch's state is on disk
        while (step_ < options_.steps) {
            bool timeUp =
                options_.timeLimitSeconds > 0 && step_ > firstStep &&
                std::chrono::duration<double>(Clock::now() - started_).count() >= options_.timeLimitSeconds;
            bool cancelled = cancel_ && cancel_->load();
            if (group_) {  // the ranks stop at the same batch
                const auto any = group_->anyOf({timeUp, cancelled});
                timeUp = any[0];
                cancelled = any[1];
            }
            if (timeUp) {
                result_.stoppedAtTimeLimit = true;
                // The run ends here: its figures must describe this batch, as at the last batch.
                if (!validSegments_.empty() && validatedAt_ != step_) {
                    result_.validLoss = validate(&validPerStep);
                    validatedAt_ = step_;
                    rememberIfBest();
                    checkpointed = false;
                }
                break;
            }
            checkpointed = false;
            if (cancelled) {
                result_.cancelled = true;
                result_.batches = step_;
                result_.seconds = std::chrono::duration<double>(Clock::now() - started_).count();
                return result_;
            }
            // Every rank draws the whole batch (the same random stream) and trains on its share.
            const std::vector<Segment> segments = myShare(drawBatch());
            for (auto& p : params_)
                p.value().mutable_grad() = torch::Tensor();
            auto loss = lossOf(split_.train, segments, &dropoutRng_);
            loss.backward();
            double lossValue = 0;
            if (group_) {
                // The batch's gradient is the sum of the shares' (the loss is a sum, not a mean).
                std::vector<torch::Tensor> sums;
                for (auto& p : params_) {
                    auto& g = p.value().mutable_grad();
                    if (!g.defined())
                        g = torch::zeros_like(p.value());
                    sums.push_back(g);
                }
                auto lossSum = loss.detach().reshape({1}).to(sums.front().scalar_type()).clone();
                sums.push_back(lossSum);
                group_->allReduceSum(sums);
                lossValue = lossSum.item<double>();
            } else {
                lossValue = loss.item<double>();
            }
            optimizer_->step(params_);
            average_->update(step_);
            const double l = lossValue / noteSteps;
            if (!std::isfinite(l))
                return fail("training diverged at batch " + std::to_string(step_ + 1) +
                            " (loss is not finite)");
            ++step_;
            lossSum += l;
            ++lossCount;
            result_.batches = step_;

            const double elapsed = std::chrono::duration<double>(Clock::now() - loopStart).count();
            TrainingProgress report;
            report.batch = step_;
            report.totalBatches = options_.steps;
            report.stepsPerSecond = elapsed > 0 ? static_cast<double>(step_ - firstStep) / elapsed : 0;
            report.etaSeconds = report.stepsPerSecond > 0
                                    ? static_cast<double>(options_.steps - step_) / report.stepsPerSecond
                                    : 0;
            report.trainLoss = lossSum / lossCount;
            if (step_ == firstStep + 1)
                report.message = startNote_;
            report.validLoss = result_.validLoss;
            report.validLossPerStep = validPerStep;
            bool tell = options_.logEvery > 0 && step_ % options_.logEvery == 0;
            if (!validSegments_.empty() && options_.validationEvery > 0 &&
                (step_ % options_.validationEvery == 0 || step_ == options_.steps)) {
                result_.validLoss = validate(&validPerStep);
                validatedAt_ = step_;
                rememberIfBest();
                report.validLossPerStep = validPerStep;
                report.validLoss = result_.validLoss;
                report.validated = true;
                tell = true;
            }
            if ((options_.checkpointEvery > 0 && step_ % options_.checkpointEvery == 0) ||
                step_ == options_.steps) {
                result_.trainLoss = report.trainLoss;
                std::string err;
                if (!writeCheckpoint(&err))
                    return fail(err);
                report.checkpointWritten = true;
                checkpointed = true;
                if (leader())
                    report.message += (report.message.empty() ? "" : "; ") +
                                      std::string("checkpoint written: ") + options_.outputPath;
                tell = true;
            }
            if (leader() && options_.sampleEvery > 0 && step_ % options_.sampleEvery == 0) {
                const auto sample = samples_.write(Model(impl_), split_.train, step_, cancel_);
                report.samplePath = sample.path;
                report.message += (report.message.empty() ? "" : "; ") +
                                  (sample.path.empty() ? sample.error : "sample written: " + sample.path);
                tell = true;
            }
            report.isLogPoint = tell || step_ == firstStep + 1;
            if (progress_)
                progress_(report);
            if (report.isLogPoint) {
                result_.trainLoss = report.trainLoss;
                lossSum = 0;
                lossCount = 0;
            }
        }
        // Nothing to do (already at the target), or stopped by the time limit between
        // checkpoints: still leave both files, as of the last batch.
        if (step_ == firstStep || (result_.stoppedAtTimeLimit && !checkpointed)) {
            std::string err;
            if (!writeCheckpoint(&err))
                return fail(err);
        }
        result_.ok = true;
        result_.seconds = std::chrono::duration<double>(Clock::now() - started_).count();
        return result_;
    } catch (const std::exception& e) {
        std::string what = e.what();
        if (auto nl = what.find('\n'); nl != std::string::npos)
            what = what.substr(0, nl);
        return fail(std::string("training failed: ") + what);
    }
}

}  // namespace biaxial
