#pragma once

#include <mutex>

#include "biaxial/audio/ISynth.h"

namespace biaxial {

// An ISynth that plays to whichever output the AudioSession routes to now (FluidSynth or a
// MIDI port), so that a long-lived player such as a live jam keeps sounding when the user
// switches the output. Switching silences the old target's notes (a held note would never
// get its note-off there). Thread-safe; the target is not owned.
class RoutedSynth final : public ISynth {
public:
    void setTarget(ISynth* target);
    void noteOn(int channel, int pitch, int velocity) override;
    void noteOff(int channel, int pitch) override;
    void allNotesOff() override;
    void programChange(int channel, int program) override;
    void controlChange(int channel, int controller, int value) override;

private:
    std::mutex mutex_;
    ISynth* target_ = nullptr;
};

}  // namespace biaxial
