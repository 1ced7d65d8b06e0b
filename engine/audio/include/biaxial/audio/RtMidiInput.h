#pragma once

#include <functional>
#include <memory>
#include <string>

#include "biaxial/audio/IMidiInput.h"
#include "biaxial/audio/MidiPortList.h"

namespace biaxial {

// A MIDI input port (a keyboard) through RtMidi. Messages are stamped with SteadyClock
// time on arrival and parsed into MidiMessage; system exclusive, clock and active sensing
// are ignored. Nothing here throws.
// Threads: the callback runs on RtMidi's input thread (see IMidiInput).
class RtMidiInput final : public IMidiInput {
public:
    static bool available();  // built with RtMidi
    static MidiPortList ports();
    static std::unique_ptr<RtMidiInput> open(int index, std::string* error);
    static std::unique_ptr<RtMidiInput> open(const std::string& name, std::string* error);
    // A virtual port named `name` that other programs (a DAW) connect to: the ALSA sequencer
    // shows it as "Biaxial Studio:<name>". Null with `error` where there is no sequencer.
    static std::unique_ptr<RtMidiInput> openVirtual(const std::string& name, std::string* error);
    ~RtMidiInput() override;  // closes the port; the callback is not called afterwards

    bool isOpen() const override;
    std::string portName() const override;
    void setCallback(Callback callback) override;

private:
    struct Impl;
    explicit RtMidiInput(std::unique_ptr<Impl> impl);
    // The one way to a port: the sequencer checked, the client made with its callback,
    // `connect` opens the port (by index or virtual); RtMidi's errors become `error`.
    static std::unique_ptr<RtMidiInput> openWith(std::string* error,
                                                 const std::function<bool(Impl&, std::string*)>& connect);
    std::unique_ptr<Impl> impl_;
};

}  // namespace biaxial
