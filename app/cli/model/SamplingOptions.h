#pragma once

#include <set>
#include <string>

#include "ArgParser.h"
#include "biaxial/model/ContinueRequest.h"

namespace biaxial::cli {

// The sampling options that `biaxial continue` and `biaxial evaluate` share, read into a
// ContinueRequest whose member defaults are the studio's Continue defaults: an option left
// out samples as the studio does.
struct SamplingOptions {
    static const char* usage();
    static std::set<std::string> valued();
    static std::set<std::string> flags();
    // Reads the options given into `request`; false with a sentence on a bad value (exit code 2).
    static bool read(ArgParser& p, ContinueRequest* request, std::string* error);
};

}  // namespace biaxial::cli
