#include "biaxial/model/Trainer.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "TrainingRun.h"

namespace biaxial {

std::vector<TrainingPiece> Trainer::piecesFromCorpus(Corpus&& corpus, const std::string& folder) {
    std::vector<TrainingPiece> pieces;
    std::filesystem::path base = std::filesystem::path(folder).lexically_normal();
    if (!base.has_filename())
        base = base.parent_path();  // "midis/" -> "midis"
    for (auto& e : corpus.entries) {
        if (!e.loaded)
            continue;
        std::string name =
            std::filesystem::path(e.path).lexically_normal().lexically_relative(base).generic_string();
        if (name.empty() || name.rfind("..", 0) == 0)
            name = e.path;  // not under the folder: keep the path
        pieces.push_back({std::move(name), std::move(e.grid)});
    }
    return pieces;
}

std::string Trainer::heldOutEntry(const std::vector<std::string>& names) {
    std::string entry;
    for (const auto& name : names)
        entry += (entry.empty() ? "" : "; ") + name;
    return entry;
}

std::vector<std::string> Trainer::heldOutPieces(const std::map<std::string, std::string>& card) {
    std::vector<std::string> names;
    const auto it = card.find("validation_pieces");
    if (it == card.end())
        return names;
    std::istringstream in(it->second);
    for (std::string name; std::getline(in, name, ';');) {
        name.erase(0, name.find_first_not_of(' '));
        if (!name.empty())
            names.push_back(name);
    }
    return names;
}

int Trainer::usablePieces(const std::vector<TrainingPiece>& pieces, int segmentSteps) {
    return static_cast<int>(std::count_if(pieces.begin(), pieces.end(), [&](const TrainingPiece& p) {
        return p.grid.steps() >= segmentSteps;
    }));
}

TrainingResult Trainer::run(const ModelConfig& config, const std::vector<TrainingPiece>& pieces,
                            const TrainingOptions& options, const std::atomic<bool>* cancel,
                            const Progress& progress) {
    return TrainingRun(config, pieces, options, cancel, progress).run();
}

}  // namespace biaxial
