#pragma once
// Internal to biaxial_audio (FluidSynthSynth, WavRenderer): FluidSynth reports why
// something failed only through its log, so its error messages are kept per thread and put
// into our error strings instead of being printed to stderr.
#if BIAXIAL_HAVE_FLUIDSYNTH

#include <string>

namespace biaxial::fluidlog {

// Installs the capturing log function (once per process) and clears this thread's last
// error.
void begin();
// The last FluidSynth error or warning on this thread ("" if none).
std::string lastError();

}  // namespace biaxial::fluidlog

#endif
