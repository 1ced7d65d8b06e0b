#include "ModelArchive.h"

#include <fstream>
#include <sstream>

#include "biaxial/engine/AtomicFile.h"

namespace biaxial {

namespace {

constexpr const char* kFormat = "biaxial-lstm";

// Archive keys may not contain '.', which parameter names do ("time0.weight_ih_l0").
std::string keyOf(const std::string& prefix, const std::string& name) {
    std::string k = prefix + name;
    for (auto& c : k)
        if (c == '.')
            c = '~';
    return k;
}

std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else
            out += c;
    }
    return out;
}

std::string unescape(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char n = s[++i];
            out += n == 'n' ? '\n' : n == 't' ? '\t' : n;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string joinInts(const std::vector<int>& v) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i)
        s += (i ? "," : "") + std::to_string(v[i]);
    return s;
}

std::optional<std::vector<int>> splitInts(const std::string& s) {
    std::vector<int> v;
    std::stringstream in(s);
    std::string part;
    while (std::getline(in, part, ',')) {
        try {
            std::size_t used = 0;
            v.push_back(std::stoi(part, &used));
            if (used != part.size())
                return std::nullopt;
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }
    return v;
}

bool readString(torch::serialize::InputArchive& archive, const std::string& key, std::string& out) {
    c10::IValue v;
    if (!archive.try_read(key, v) || !v.isString())
        return false;
    out = v.toStringRef();
    return true;
}

bool readInt(torch::serialize::InputArchive& archive, const std::string& key, std::int64_t& out) {
    c10::IValue v;
    if (!archive.try_read(key, v) || !v.isInt())
        return false;
    out = v.toInt();
    return true;
}

}  // namespace

std::string ModelArchive::encodeConfig(const ModelConfig& c) {
    std::ostringstream out;
    out.precision(17);
    out << "lowPitch=" << c.lowPitch << "\nnumNotes=" << c.numNotes << "\ntimeSizes=" << joinInts(c.timeSizes)
        << "\nnoteSizes=" << joinInts(c.noteSizes) << "\ndropout=" << c.dropout
        << "\nlearnedInitialState=" << (c.learnedInitialState ? 1 : 0) << "\n";
    // Only when set, so that files of the original beat stay byte-identical to before.
    if (c.stepsPerBar != 0)
        out << "stepsPerBar=" << c.stepsPerBar << "\n";
    return out.str();
}

std::optional<ModelConfig> ModelArchive::decodeConfig(const std::string& text, std::string* error) {
    ModelConfig c;
    auto map = decodeMap([&] {
        // The config is "key=value" lines; reuse the map decoder by turning '=' into a tab.
        std::string t = text;
        for (auto& ch : t)
            if (ch == '=')
                ch = '\t';
        return t;
    }());
    try {
        for (const char* k : {"lowPitch", "numNotes", "timeSizes", "noteSizes", "dropout"})
            if (!map.count(k))
                throw std::runtime_error(std::string("the config has no ") + k);
        c.lowPitch = std::stoi(map["lowPitch"]);
        c.numNotes = std::stoi(map["numNotes"]);
        auto t = splitInts(map["timeSizes"]);
        auto n = splitInts(map["noteSizes"]);
        if (!t || !n)
            throw std::runtime_error("the config's layer sizes are malformed");
        c.timeSizes = *t;
        c.noteSizes = *n;
        c.dropout = std::stod(map["dropout"]);
        c.learnedInitialState = map.count("learnedInitialState") && map["learnedInitialState"] == "1";
        c.stepsPerBar = map.count("stepsPerBar") ? std::stoi(map["stepsPerBar"]) : 0;
    } catch (const std::exception& e) {
        if (error)
            *error = e.what();
        return std::nullopt;
    }
    if (auto why = c.validate()) {
        if (error)
            *error = "its config is invalid: " + *why;
        return std::nullopt;
    }
    return c;
}

std::string ModelArchive::encodeMap(const std::map<std::string, std::string>& map) {
    std::string out;
    for (const auto& [k, v] : map)
        out += escape(k) + "\t" + escape(v) + "\n";
    return out;
}

std::map<std::string, std::string> ModelArchive::decodeMap(const std::string& text) {
    std::map<std::string, std::string> map;
    std::stringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        // Split at the first unescaped tab.
        std::size_t tab = std::string::npos;
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (line[i] == '\\')
                ++i;
            else if (line[i] == '\t') {
                tab = i;
                break;
            }
        }
        if (tab == std::string::npos)
            continue;
        map[unescape(line.substr(0, tab))] = unescape(line.substr(tab + 1));
    }
    return map;
}

bool ModelArchive::write(const Model::Impl& model, const TrainingState* state, const std::string& path,
                         std::string* error) {
    try {
        torch::serialize::OutputArchive archive;
        archive.write("format", c10::IValue(std::string(kFormat)));
        archive.write("version", c10::IValue(static_cast<std::int64_t>(Model::kFormatVersion)));
        archive.write("config", c10::IValue(encodeConfig(model.config)));
        archive.write("metadata", c10::IValue(encodeMap(model.metadata)));
        archive.write("steps", c10::IValue(model.trainingSteps));
        for (const auto& p : model.net->named_parameters())
            archive.write(keyOf("param/", p.key()), p.value().detach().to(torch::kCPU).contiguous(), true);
        if (state) {
            archive.write("train/optimizer", c10::IValue(state->optimizer));
            archive.write("train/step", c10::IValue(state->step));
            archive.write("train/segmentRng", c10::IValue(state->segmentRng));
            archive.write("train/torchRng", state->torchRng.to(torch::kCPU), true);
            std::string names;
            for (const auto& [k, t] : state->slots) {
                names += escape(k) + "\n";
                archive.write(keyOf("slot/", k), t.detach().to(torch::kCPU).contiguous(), true);
            }
            archive.write("train/slots", c10::IValue(names));
            std::string valid;
            for (const auto& v : state->validationPieces)
                valid += escape(v) + "\n";
            archive.write("train/validation", c10::IValue(valid));
        }
        std::ostringstream bytes;
        archive.save_to(bytes);
        const std::string data = bytes.str();
        std::string why;
        if (!AtomicFile::write(path, data, &why)) {
            if (error)
                *error = path + ": cannot write: " + why;
            return false;
        }
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = path + ": cannot write the model: " + e.what();
        return false;
    }
}

std::shared_ptr<Model::Impl> ModelArchive::read(const std::string& path, TrainingState* state,
                                                bool headerOnly, ModelInfo* info, std::string* error) {
    auto fail = [&](const std::string& why) -> std::shared_ptr<Model::Impl> {
        if (error)
            *error = path + ": " + why;
        return nullptr;
    };
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return fail("cannot open the file (does it exist?)");
    std::string data((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    if (data.empty())
        return fail("the file is empty");
    if (data.size() < 4 || data.compare(0, 4, "PK\x03\x04") != 0)
        return fail("not a Biaxial model file (it is not a LibTorch archive)");

    torch::serialize::InputArchive archive;
    try {
        std::istringstream in(data);
        archive.load_from(in, torch::Device(torch::kCPU));
    } catch (const std::exception& e) {
        std::string what = e.what();
        if (auto nl = what.find('\n'); nl != std::string::npos)
            what = what.substr(0, nl);
        return fail("the file is corrupt or truncated (" + what + ")");
    }

    try {
        std::string format;
        if (!readString(archive, "format", format) || format != kFormat)
            return fail("not a Biaxial model file (no \"biaxial-lstm\" format mark)");
        std::int64_t version = 0;
        if (!readInt(archive, "version", version))
            return fail("the file has no format version");
        if (version > Model::kFormatVersion || version < 1)
            return fail("model format version " + std::to_string(version) +
                        " is not supported (this build reads " + "versions 1.." +
                        std::to_string(Model::kFormatVersion) + "; update Biaxial Studio)");
        std::string configText, metaText;
        if (!readString(archive, "config", configText))
            return fail("the file has no config");
        std::string why;
        auto config = decodeConfig(configText, &why);
        if (!config)
            return fail(why);
        readString(archive, "metadata", metaText);

        auto impl = std::make_shared<Model::Impl>();
        impl->config = *config;
        impl->metadata = decodeMap(metaText);
        readInt(archive, "steps", impl->trainingSteps);

        std::string optimizerName;
        const bool hasState = readString(archive, "train/optimizer", optimizerName);
        if (info) {
            info->formatVersion = static_cast<int>(version);
            info->config = *config;
            info->trainingSteps = impl->trainingSteps;
            info->parameterCount = config->parameterCount();
            info->hasTrainingState = hasState;
            info->metadata = impl->metadata;
        }
        if (headerOnly)
            return impl;

        impl->net = BiaxialNetwork(*config);
        torch::NoGradGuard noGrad;
        for (auto& p : impl->net->named_parameters()) {
            torch::Tensor t;
            if (!archive.try_read(keyOf("param/", p.key()), t, true))
                return fail("the weights are incomplete (no " + p.key() + ")");
            if (t.sizes() != p.value().sizes() || t.scalar_type() != p.value().scalar_type())
                return fail("weight " + p.key() + " has the wrong shape for the model's config");
            p.value().copy_(t);
        }
        if (state) {
            if (!hasState)
                return fail(
                    "the file holds no training state (optimiser, step, random state), so it cannot resume");
            state->optimizer = optimizerName;
            if (!readInt(archive, "train/step", state->step) ||
                !readString(archive, "train/segmentRng", state->segmentRng) ||
                !archive.try_read("train/torchRng", state->torchRng, true))
                return fail("the training state is incomplete");
            std::string names, valid;
            readString(archive, "train/slots", names);
            readString(archive, "train/validation", valid);
            std::stringstream ns(names), vs(valid);
            std::string line;
            while (std::getline(ns, line)) {
                const std::string name = unescape(line);
                torch::Tensor t;
                if (!archive.try_read(keyOf("slot/", name), t, true))
                    return fail("the optimiser state is incomplete (no " + name + ")");
                state->slots[name] = t;
            }
            state->validationPieces.clear();
            while (std::getline(vs, line))
                state->validationPieces.push_back(unescape(line));
        }
        return impl;
    } catch (const std::exception& e) {
        std::string what = e.what();
        if (auto nl = what.find('\n'); nl != std::string::npos)
            what = what.substr(0, nl);
        return fail("the file is corrupt (" + what + ")");
    }
}

}  // namespace biaxial
