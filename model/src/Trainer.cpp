#include "biaxial/model/Trainer.h"

#include <algorithm>
#include <filesystem>

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
