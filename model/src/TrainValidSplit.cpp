#include "TrainValidSplit.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

#include "PieceMatcher.h"

namespace biaxial {

TrainValidSplit TrainValidSplit::resumed(const std::vector<const TrainingPiece*>& usable,
                                         const std::vector<std::string>& heldOutNames) {
    TrainValidSplit split;
    // The checkpoint names its held-out pieces by the names of the run that made it; the
    // corpus may come by another path now. Never resume without all of them held out.
    std::vector<std::string> names;
    for (auto* p : usable)
        names.push_back(p->name);
    const auto found = PieceMatcher::match(heldOutNames, names);
    if (!found.ok) {
        split.error = "cannot resume: " + found.error + "; resume with the corpus the training began with";
        return split;
    }
    std::set<std::size_t> held(found.index.begin(), found.index.end());
    for (std::size_t i = 0; i < usable.size(); ++i) {
        const bool isValid = held.count(i) > 0;
        (isValid ? split.valid : split.train).push_back(&usable[i]->grid);
        (isValid ? split.validNames : split.trainNames).push_back(usable[i]->name);
    }
    split.ok = true;
    return split;
}

TrainValidSplit TrainValidSplit::fresh(const std::vector<const TrainingPiece*>& usable,
                                       const TrainingOptions& options) {
    TrainValidSplit split;
    std::set<std::string> named(options.validationNames.begin(), options.validationNames.end());
    // Names that are not today's exactly (another model's held-out pieces, written under another
    // path) are found by their trailing path components; a name found nowhere is an error.
    std::set<std::string> exact;
    for (auto* p : usable)
        exact.insert(p->name);
    if (std::any_of(named.begin(), named.end(), [&](const std::string& n) { return !exact.count(n); })) {
        std::vector<std::string> names;
        for (auto* p : usable)
            names.push_back(p->name);
        const auto found = PieceMatcher::match(options.validationNames, names);
        if (!found.ok) {
            split.error = "the pieces to hold out are not all here: " + found.error;
            return split;
        }
        named.clear();
        for (std::size_t i : found.index)
            named.insert(names[i]);
    }
    std::vector<const TrainingPiece*> order;
    for (auto* p : usable)
        if (named.empty() || !named.count(p->name))
            order.push_back(p);
    std::mt19937_64 splitRng(options.seed ^ 0x5eedULL);
    std::shuffle(order.begin(), order.end(), splitRng);
    std::size_t nValid = 0;
    if (named.empty() && options.validationFraction > 0 && order.size() >= 2)
        nValid = std::clamp<std::size_t>(static_cast<std::size_t>(std::lround(
                                             options.validationFraction * static_cast<double>(order.size()))),
                                         1, order.size() - 1);
    std::vector<const TrainingPiece*> v(order.begin(), order.begin() + static_cast<long>(nValid));
    std::sort(v.begin(), v.end(), [](auto* a, auto* b) { return a->name < b->name; });
    std::set<const TrainingPiece*> vs(v.begin(), v.end());
    for (auto* p : usable)
        if (named.count(p->name))
            vs.insert(p);
    for (auto* p : usable) {
        if (vs.count(p)) {
            split.valid.push_back(&p->grid);
            split.validNames.push_back(p->name);
        } else {
            split.train.push_back(&p->grid);
            split.trainNames.push_back(p->name);
        }
    }
    split.ok = true;
    return split;
}

}  // namespace biaxial
