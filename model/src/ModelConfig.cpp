#include "biaxial/model/ModelConfig.h"

#include <algorithm>
#include <sstream>

namespace biaxial {

ModelConfig ModelConfig::original() {
    return ModelConfig{};
}

ModelConfig ModelConfig::small() {
    ModelConfig c;
    c.timeSizes = {128, 128};
    c.noteSizes = {64, 32};
    return c;
}

ModelConfig ModelConfig::tiny() {
    ModelConfig c;
    c.timeSizes = {24, 24};
    c.noteSizes = {12, 8};
    return c;
}

std::optional<ModelConfig> ModelConfig::preset(const std::string& name) {
    if (name == "original")
        return original();
    if (name == "small")
        return small();
    if (name == "tiny")
        return tiny();
    return std::nullopt;
}

std::optional<std::vector<int>> ModelConfig::parseLayerSizes(const std::string& text) {
    std::vector<int> sizes;
    std::size_t at = 0;
    while (at <= text.size()) {
        const auto comma = std::min(text.find(',', at), text.size());
        const std::string item = text.substr(at, comma - at);
        // At most 6 digits: no overflow, and validate() names anything over its limit.
        if (item.empty() || item.size() > 6 || item.find_first_not_of("0123456789") != std::string::npos)
            return std::nullopt;
        sizes.push_back(std::stoi(item));
        at = comma + 1;
    }
    return sizes;
}

std::optional<std::string> ModelConfig::validate() const {
    if (lowPitch < 0 || numNotes < 2 || lowPitch + numNotes > 128)
        return "pitch range " + std::to_string(lowPitch) + " + " + std::to_string(numNotes) +
               " notes is not inside MIDI 0..127 (at least 2 notes)";
    if (timeSizes.empty() || noteSizes.empty())
        return "the time and note axes need at least one layer each";
    for (int s : timeSizes)
        if (s < 1 || s > 8192)
            return "time layer size " + std::to_string(s) + " is out of range 1..8192";
    for (int s : noteSizes)
        if (s < 1 || s > 8192)
            return "note layer size " + std::to_string(s) + " is out of range 1..8192";
    if (!(dropout >= 0.0 && dropout < 1.0))
        return "dropout must be in [0, 1)";
    if (stepsPerBar < 0 || stepsPerBar > 16 || (stepsPerBar > 0 && 16 % stepsPerBar != 0))
        return "steps per bar " + std::to_string(stepsPerBar) +
               " must be 0 (the original) or 1, 2, 4, 8 or 16";
    return std::nullopt;
}

std::int64_t ModelConfig::parameterCount() const {
    // An LSTM layer: 4 gates x hidden x (input + hidden) weights and two biases (LibTorch's layout).
    auto lstm = [](std::int64_t in, std::int64_t h) { return 4 * h * (in + h) + 8 * h; };
    std::int64_t n = 0;
    std::int64_t in = kInputsPerNote;
    const std::int64_t initial = learnedInitialState ? 2 : 0;  // (c, h) per layer
    for (int s : timeSizes) {
        n += lstm(in, s) + initial * s;
        in = s;
    }
    in += 2;
    for (int s : noteSizes) {
        n += lstm(in, s) + initial * s;
        in = s;
    }
    return n + in * 2 + 2;
}

std::string ModelConfig::describe() const {
    std::ostringstream out;
    out << "pitch " << lowPitch << ".." << highPitch() << " (" << numNotes << " notes), time ";
    for (std::size_t i = 0; i < timeSizes.size(); ++i)
        out << (i ? "," : "") << timeSizes[i];
    out << ", note ";
    for (std::size_t i = 0; i < noteSizes.size(); ++i)
        out << (i ? "," : "") << noteSizes[i];
    out << ", dropout " << dropout;
    if (!learnedInitialState)
        out << ", zero initial states";
    if (stepsPerBar > 0)
        out << ", " << stepsPerBar << " steps per bar";
    return out.str();
}

}  // namespace biaxial
