#include "biaxial/audio/FakeSynth.h"

#include <sstream>

namespace biaxial {

std::string FakeSynth::Call::toString() const {
    static const char* const kNames[] = {"on", "off", "all-off", "program", "cc"};
    std::ostringstream out;
    out << kNames[static_cast<int>(kind)] << ' ' << channel << ' ' << a << ' ' << b << " @" << time;
    return out.str();
}

void FakeSynth::record(Call call) {
    call.time = clock_ ? clock_->now() : 0.0;
    std::lock_guard lock(mutex_);
    calls_.push_back(call);
}

void FakeSynth::noteOn(int channel, int pitch, int velocity) {
    record({Call::Kind::NoteOn, channel, pitch, velocity});
}
void FakeSynth::noteOff(int channel, int pitch) {
    record({Call::Kind::NoteOff, channel, pitch, 0});
}
void FakeSynth::allNotesOff() {
    record({Call::Kind::AllNotesOff, 0, 0, 0});
}
void FakeSynth::programChange(int channel, int program) {
    record({Call::Kind::ProgramChange, channel, program, 0});
}
void FakeSynth::controlChange(int channel, int controller, int value) {
    record({Call::Kind::ControlChange, channel, controller, value});
}

std::vector<FakeSynth::Call> FakeSynth::calls() const {
    std::lock_guard lock(mutex_);
    return calls_;
}

std::vector<FakeSynth::Call> FakeSynth::calls(Call::Kind kind) const {
    std::lock_guard lock(mutex_);
    std::vector<Call> out;
    for (const Call& call : calls_) {
        if (call.kind == kind)
            out.push_back(call);
    }
    return out;
}

void FakeSynth::clear() {
    std::lock_guard lock(mutex_);
    calls_.clear();
}

}  // namespace biaxial
