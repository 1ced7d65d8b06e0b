#include "biaxial/model/Model.h"

#include "ModelArchive.h"
#include "ModelImpl.h"
#include "TorchRuntime.h"

namespace biaxial {

Model::Model() = default;
Model::~Model() = default;
Model::Model(const Model&) = default;
Model& Model::operator=(const Model&) = default;
Model::Model(Model&&) noexcept = default;
Model& Model::operator=(Model&&) noexcept = default;
Model::Model(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

std::optional<Model> Model::create(const ModelConfig& config, std::uint64_t seed, std::string* error) {
    if (auto why = config.validate()) {
        if (error)
            *error = "invalid model config: " + *why;
        return std::nullopt;
    }
    TorchRuntime::configureOnce();
    // Weights from a private generator state: the same seed always gives the same network,
    // whatever else the process has drawn.
    auto impl = std::make_shared<Impl>();
    impl->config = config;
    impl->net = BiaxialNetwork(config);
    // theano_lstm's initialisation, as the original trained with it: weights drawn from
    // N(0, 1) / fan_in (fan_in = the gate layers' concatenated [input, hidden] width, or the
    // output layer's input), biases zero.
    // Drawn from a private generator: the same seed gives the same network on any thread.
    auto gen = torch::make_generator<at::CPUGeneratorImpl>(seed);
    torch::NoGradGuard noGrad;
    auto initLstm = [&](torch::nn::LSTM& lstm) {
        const double fanIn = static_cast<double>(lstm->options.input_size() + lstm->options.hidden_size());
        for (auto& p : lstm->named_parameters()) {
            if (p.key().rfind("weight", 0) == 0)
                p.value().normal_(0.0, 1.0 / fanIn, gen);
            else
                p.value().zero_();
        }
    };
    for (auto& lstm : impl->net->timeLayers())
        initLstm(lstm);
    for (auto& lstm : impl->net->noteLayers())
        initLstm(lstm);
    impl->net->output()->weight.normal_(
        0.0, 1.0 / static_cast<double>(impl->net->output()->options.in_features()), gen);
    impl->net->output()->bias.zero_();
    return Model(impl);
}

std::optional<Model> Model::load(const std::string& path, std::string* error) {
    TorchRuntime::configureOnce();
    auto impl = ModelArchive::read(path, nullptr, false, nullptr, error);
    if (!impl)
        return std::nullopt;
    return Model(impl);
}

std::optional<ModelInfo> Model::readInfo(const std::string& path, std::string* error) {
    ModelInfo info;
    auto impl = ModelArchive::read(path, nullptr, true, &info, error);
    if (!impl)
        return std::nullopt;
    return info;
}

bool Model::save(const std::string& path, std::string* error) const {
    if (!impl_) {
        if (error)
            *error = "cannot save an empty model";
        return false;
    }
    return ModelArchive::write(*impl_, nullptr, path, error);
}

const ModelConfig& Model::config() const {
    static const ModelConfig none;
    return impl_ ? impl_->config : none;
}

ModelInfo Model::info() const {
    ModelInfo info;
    if (!impl_)
        return info;
    info.formatVersion = kFormatVersion;
    info.config = impl_->config;
    info.trainingSteps = impl_->trainingSteps;
    info.parameterCount = impl_->config.parameterCount();
    info.metadata = impl_->metadata;
    return info;
}

std::int64_t Model::trainingSteps() const {
    return impl_ ? impl_->trainingSteps : 0;
}

const std::map<std::string, std::string>& Model::metadata() const {
    static const std::map<std::string, std::string> none;
    return impl_ ? impl_->metadata : none;
}

void Model::setMetadata(const std::string& key, const std::string& value) {
    if (impl_)
        impl_->metadata[key] = value;
}

bool Model::setDevice(const std::string& device, std::string* error) {
    if (!impl_) {
        if (error)
            *error = "empty model";
        return false;
    }
    auto d = TorchRuntime::resolveDevice(device, error);
    if (!d)
        return false;
    impl_->net->to(*d);
    impl_->device = *d;
    return true;
}

std::string Model::deviceName() const {
    return impl_ ? TorchRuntime::deviceName(impl_->device) : "none";
}

Model Model::clone() const {
    if (!impl_)
        return {};
    auto impl = std::make_shared<Impl>(*impl_);
    impl->net = BiaxialNetwork(impl_->config);
    impl->net->to(impl_->device);
    torch::NoGradGuard noGrad;
    auto src = impl_->net->named_parameters();
    for (auto& p : impl->net->named_parameters())
        p.value().copy_(src[p.key()]);
    return Model(impl);
}

std::vector<std::string> Model::availableDevices() {
    std::vector<std::string> d{"cpu"};
    if (cudaAvailable())
        d.push_back("cuda");
    return d;
}

bool Model::cudaAvailable() {
    return torch::cuda::is_available();
}

bool Model::cpuBf16Fast() {
#if defined(__x86_64__) && defined(__GNUC__)
    return at::hasMKLDNN() && __builtin_cpu_supports("avx512bf16");
#else
    return false;
#endif
}

}  // namespace biaxial
