#include "FluidLog.h"

#if BIAXIAL_HAVE_FLUIDSYNTH

#include <fluidsynth.h>

#include <mutex>

namespace biaxial::fluidlog {
namespace {

thread_local std::string tLastError;

void capture(int level, const char* message, void*) {
    if ((level == FLUID_PANIC || level == FLUID_ERR || level == FLUID_WARN) && message)
        tLastError = message;
}

}  // namespace

void begin() {
    static std::once_flag once;
    std::call_once(once, [] {
        for (int level : {FLUID_PANIC, FLUID_ERR, FLUID_WARN, FLUID_INFO, FLUID_DBG}) {
            fluid_set_log_function(level, capture, nullptr);
        }
    });
    tLastError.clear();
}

std::string lastError() {
    return tLastError;
}

}  // namespace biaxial::fluidlog

#endif
