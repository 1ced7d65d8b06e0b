#include "ArgParser.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace biaxial::cli {

ArgParser::ArgParser(std::set<std::string> valued, std::set<std::string> flags)
    : valued_(std::move(valued)), flags_(std::move(flags)) {}

bool ArgParser::parse(const std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.rfind("--", 0) == 0 && a.size() > 2) {
            std::string name = a.substr(2);
            std::string value;
            bool hasInline = false;
            if (auto eq = name.find('='); eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
                hasInline = true;
            }
            if (flags_.count(name)) {
                values_[name] = "1";
            } else if (valued_.count(name)) {
                if (!hasInline) {
                    if (i + 1 >= args.size()) {
                        error_ = "option --" + name + " needs a value";
                        return false;
                    }
                    value = args[++i];
                }
                values_[name] = value;
            } else {
                error_ = "unknown option --" + name;
                return false;
            }
        } else {
            positional_.push_back(a);
        }
    }
    return true;
}

bool ArgParser::has(const std::string& name) const {
    return values_.count(name) != 0;
}

std::string ArgParser::get(const std::string& name, const std::string& fallback) const {
    auto it = values_.find(name);
    return it == values_.end() ? fallback : it->second;
}

std::vector<std::string> ArgParser::getList(const std::string& name, char separator) const {
    std::vector<std::string> items;
    const std::string value = get(name);
    std::size_t start = 0;
    while (start < value.size()) {
        const auto end = std::min(value.find(separator, start), value.size());
        if (end > start)
            items.push_back(value.substr(start, end - start));
        start = end + 1;
    }
    return items;
}

int ArgParser::getInt(const std::string& name, int fallback) {
    auto it = values_.find(name);
    if (it == values_.end())
        return fallback;
    int v = 0;
    const auto& s = it->second;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) {
        error_ = "option --" + name + " expects a whole number, got '" + s + "'";
        return fallback;
    }
    return v;
}

double ArgParser::getDouble(const std::string& name, double fallback) {
    auto it = values_.find(name);
    if (it == values_.end())
        return fallback;
    char* end = nullptr;
    const double v = std::strtod(it->second.c_str(), &end);
    if (it->second.empty() || *end != '\0') {
        error_ = "option --" + name + " expects a number, got '" + it->second + "'";
        return fallback;
    }
    return v;
}

}  // namespace biaxial::cli
