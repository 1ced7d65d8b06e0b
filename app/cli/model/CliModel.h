#pragma once

#include <optional>
#include <string>

#include "ArgParser.h"
#include "biaxial/model/Model.h"

namespace biaxial::cli {

// The model a generating command runs: --model, else the default model in resources/, moved
// to --device (auto by default). Prints why not (prefixed with "biaxial COMMAND: ") and returns
// nothing when it cannot.
std::optional<Model> loadCliModel(const ArgParser& p, const char* command);

}  // namespace biaxial::cli
