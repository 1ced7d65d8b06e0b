// `biaxial bench`: training and continuation speed on this machine.
#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "biaxial/model/Benchmark.h"

namespace {

const char* kUsage =
    "usage: biaxial bench [--json] [--device D] [--skip-original] [--baseline-original] [--repeats N]\n"
    "\n"
    "Measures in one run: the SGEMM peak, one training step at the original and the small size\n"
    "(against their FLOP count), continuing 16 bars with 1 and 8 variations and with the\n"
    "straightforward tensor-per-note baseline, and the peak resident memory. The small training step\n"
    "is also timed with LibTorch's own LSTM (the fused CPU layer's baseline); --baseline-original\n"
    "does that at the original size too (three more long steps).";

bool gJson = false;

void logLine(const std::string& s) {
    std::fprintf(gJson ? stderr : stdout, "%s\n", s.c_str()), std::fflush(stdout);
}

int run(const std::vector<std::string>& args) {
    biaxial::cli::ArgParser p({"device", "repeats"}, {"json", "skip-original", "baseline-original"});
    if (!p.parse(args)) {
        std::fprintf(stderr, "biaxial bench: %s\n%s\n", p.error().c_str(), kUsage);
        return 2;
    }
    gJson = p.has("json");
    biaxial::BenchmarkOptions o;
    o.device = p.get("device", "auto");
    o.trainRepeats = p.getInt("repeats", 2);
    o.skipOriginalTraining = p.has("skip-original");
    o.baselineOriginalTraining = p.has("baseline-original");
    auto r = biaxial::Benchmark::run(o, logLine);
    if (!r.error.empty()) {
        std::fprintf(stderr, "biaxial bench: %s\n", r.error.c_str());
        return 1;
    }
    if (gJson)
        std::printf("%s\n", r.toJson().c_str());
    else
        std::printf("peak RSS %.0f MB, device %s\n", r.peakRssMb, r.device.c_str());
    return 0;
}

biaxial::cli::CommandRegistration reg{{"bench", "measure training and continuation speed", kUsage, run}};

}  // namespace
