#pragma once

#include <string>
#include <vector>

#include "biaxial/model/Trainer.h"

namespace biaxial {

// The pieces of a run divided into training and validation, by piece. A new run holds out a
// random share (or a dataset's named pieces); a resumed run holds out exactly the pieces its
// checkpoint named, found among today's pieces even when the corpus comes by another path.
struct TrainValidSplit {
    bool ok = false;
    std::string error;
    std::vector<const CompactGrid*> train, valid;
    std::vector<std::string> trainNames, validNames;  // as named now (relative to the corpus folder)

    static TrainValidSplit fresh(const std::vector<const TrainingPiece*>& usable,
                                 const TrainingOptions& options);
    static TrainValidSplit resumed(const std::vector<const TrainingPiece*>& usable,
                                   const std::vector<std::string>& heldOutNames);
};

}  // namespace biaxial
