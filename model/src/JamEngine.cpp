#include "biaxial/model/JamEngine.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "FeatureBuilder.h"
#include "ModelImpl.h"
#include "NoteSampler.h"
#include "TextureSteering.h"
#include "TorchRuntime.h"

namespace biaxial {

struct JamEngine::Impl {
    Model model;
    int N = 0, low = 0;
    std::optional<NoteSampler> sampler;
    std::optional<TimeStepper> stepper;
    torch::Tensor last;  // the time axis's output for the next step, [N, H]
    SampleControls controls;
    std::vector<SampleRng> rngs{1};
    std::optional<TextureSteering> steering;  // density and rhythm, as Continue steers them
    int stepsPerBar = 16;
    int nextBar = 0;  // the bar position of the step sample() proposes
    explicit Impl(Model m) : model(std::move(m)) {}
};

JamEngine::JamEngine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
JamEngine::~JamEngine() = default;

std::unique_ptr<JamEngine> JamEngine::create(const Model& model, int stepsPerBar, std::uint64_t randomSeed,
                                             bool bf16, std::string* error) {
    const auto fail = [&](const std::string& why) -> std::unique_ptr<JamEngine> {
        if (error)
            *error = why;
        return nullptr;
    };
    if (model.isNull())
        return fail("no model loaded");
    if (!model.impl()->device.is_cpu())
        return fail("jamming runs on the CPU: load the model there (one step is a few milliseconds)");
    if (stepsPerBar < 1 || stepsPerBar > 64)
        return fail("a bar must have 1..64 steps");
    try {
        TorchRuntime::configureOnce();
        torch::InferenceMode inference;
        auto impl = std::make_unique<Impl>(model);
        auto& net = *model.impl()->net;
        const ModelConfig& config = model.impl()->config;
        impl->N = config.numNotes;
        impl->low = config.lowPitch;
        impl->stepsPerBar = stepsPerBar;
        const int N = impl->N;
        FeatureBuilder features(config.lowPitch, N, torch::kCPU, config.stepsPerBar);
        // One silent step just before a bar line, as Continue starts from an empty seed.
        auto states = torch::zeros({1, 1, N, 2}, torch::kUInt8);
        auto bars = torch::full({1, 1}, stepsPerBar - 1, torch::kInt64);
        auto in =
            features.build(states, bars).permute({1, 0, 2, 3}).reshape({-1, N, ModelConfig::kInputsPerNote});
        LstmStates lstm;
        impl->last = net.timeAxis(in, &lstm, nullptr)[-1].contiguous();
        impl->sampler.emplace(net, 1, N, bf16);
        impl->stepper.emplace(net, lstm, config.lowPitch, N, config.stepsPerBar, bf16);
        impl->rngs[0].engine.seed(randomSeed);
        impl->controls.heldFor.assign(static_cast<std::size_t>(N), 0);
        std::unique_ptr<JamEngine> engine(new JamEngine(std::move(impl)));
        engine->setStyle(JamStyle{});
        return engine;
    } catch (const std::exception& e) {
        std::string what = e.what();
        return fail("cannot start the jam: " + what.substr(0, what.find('\n')));
    }
}

int JamEngine::lowPitch() const {
    return impl_->low;
}

int JamEngine::numNotes() const {
    return impl_->N;
}

void JamEngine::setStyle(const JamStyle& style) {
    auto& c = impl_->controls;
    if (!impl_->steering)
        impl_->steering.emplace(1, style.conservativity);
    impl_->steering->setTargets(
        {true, style.densityTarget, style.densityGain, style.onsetTarget, style.rhythmGain});
    c.inverseTemperature = 1.0 / std::max(1e-3, style.temperature);
    c.maxHold = std::max(0, style.maxHoldSteps);
    c.weight.resize(static_cast<std::size_t>(impl_->N));
    const double outOfScale = std::clamp(style.outOfScaleWeight, 0.0, 1.0);
    for (int n = 0; n < impl_->N; ++n) {
        const int pitch = impl_->low + n;
        const bool inRange = pitch >= style.minPitch && pitch <= style.maxPitch;
        c.weight[static_cast<std::size_t>(n)] = !inRange ? 0.0
                                                : style.pitchClasses[static_cast<std::size_t>(pitch % 12)]
                                                    ? 1.0
                                                    : outOfScale;
    }
}

std::vector<std::uint8_t> JamEngine::sample() {
    torch::InferenceMode inference;
    std::vector<std::uint8_t> out(static_cast<std::size_t>(impl_->N) * 2, 0);
    auto& c = impl_->controls;
    c.lockMask = nullptr;
    c.conservativity = impl_->steering->conservativity();
    if (impl_->steering->steersRhythm())
        c.onsetOdds.assign(1, impl_->steering->onsetOdds(0, impl_->nextBar));
    else
        c.onsetOdds.clear();
    impl_->sampler->sampleStep(impl_->last, impl_->controls, impl_->rngs, out.data());
    return out;
}

void JamEngine::commit(const std::vector<std::uint8_t>& cells, int barPosition) {
    torch::InferenceMode inference;
    const int N = impl_->N;
    auto& c = impl_->controls;
    int sounding = 0, onsets = 0;
    c.heard(0, N, cells.data(), &sounding, &onsets);
    // The steering hears the whole texture, the player's notes included.
    impl_->steering->heard(0, barPosition, sounding, onsets);
    impl_->nextBar = (barPosition + 1) % impl_->stepsPerBar;
    impl_->last = impl_->stepper->stepFromNotes(cells.data(), barPosition);
}

}  // namespace biaxial
