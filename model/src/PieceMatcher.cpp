#include "PieceMatcher.h"

#include <filesystem>
#include <set>

namespace biaxial {
namespace {

std::vector<std::string> components(const std::string& name) {
    std::vector<std::string> out;
    for (const auto& part : std::filesystem::path(name).lexically_normal()) {
        const std::string s = part.string();
        if (!s.empty() && s != "." && s != "/")
            out.push_back(s);
    }
    return out;
}

std::size_t commonSuffix(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::size_t k = 0;
    while (k < a.size() && k < b.size() && a[a.size() - 1 - k] == b[b.size() - 1 - k])
        ++k;
    return k;
}

}  // namespace

PieceMatcher::Result PieceMatcher::match(const std::vector<std::string>& wanted,
                                         const std::vector<std::string>& available) {
    Result result;
    std::vector<std::vector<std::string>> have;
    have.reserve(available.size());
    for (const auto& a : available)
        have.push_back(components(a));
    std::set<std::size_t> taken;
    std::size_t missing = 0;
    std::string firstMissing, ambiguous;
    for (const auto& w : wanted) {
        const auto parts = components(w);
        std::size_t best = 0;
        std::vector<std::size_t> at;
        for (std::size_t i = 0; i < have.size(); ++i) {
            const std::size_t k = commonSuffix(parts, have[i]);
            if (k == 0 || k < best)
                continue;
            if (k > best)
                at.clear();
            best = k;
            at.push_back(i);
        }
        if (at.empty()) {
            if (missing++ == 0)
                firstMissing = w;
            continue;
        }
        if (at.size() > 1 || taken.count(at.front())) {
            if (ambiguous.empty())
                ambiguous = w;
            continue;
        }
        taken.insert(at.front());
        result.index.push_back(at.front());
    }
    if (missing > 0) {
        result.error = std::to_string(missing) + " of the " + std::to_string(wanted.size()) +
                       " held-out pieces are not among the pieces given (first: " + firstMissing + ")";
    } else if (!ambiguous.empty()) {
        result.error = "the held-out piece " + ambiguous + " matches more than one piece given";
    } else {
        result.ok = true;
    }
    if (!result.ok)
        result.index.clear();
    return result;
}

}  // namespace biaxial
