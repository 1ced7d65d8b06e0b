#pragma once

#include <functional>
#include <memory>
#include <string>

#include "biaxial/audio/IMidiOutput.h"
#include "biaxial/audio/MidiPortList.h"

namespace biaxial {

// A MIDI output port through RtMidi (ALSA sequencer on Linux). Nothing here throws: RtMidi's
// errors become messages, and without an ALSA sequencer ports() is empty with a reason.
// Threads: send() is thread-safe (serialised: RtMidi's are not); ports() may be called
// from any thread.
class RtMidiOutput final : public IMidiOutput {
public:
    static bool available();  // built with RtMidi
    static MidiPortList ports();
    // Opens port `index` of ports(); null with `error` on failure.
    static std::unique_ptr<RtMidiOutput> open(int index, std::string* error);
    // Opens the first port whose name contains `name`.
    static std::unique_ptr<RtMidiOutput> open(const std::string& name, std::string* error);
    // A virtual port named `name` that other programs (a DAW) connect to: the ALSA sequencer
    // shows it as "Biaxial Studio:<name>". Null with `error` where there is no sequencer.
    static std::unique_ptr<RtMidiOutput> openVirtual(const std::string& name, std::string* error);
    ~RtMidiOutput() override;

    bool isOpen() const override;
    std::string portName() const override;
    void send(const MidiMessage& message) override;
    std::string lastError() const override;

private:
    struct Impl;
    explicit RtMidiOutput(std::unique_ptr<Impl> impl);
    // The one way to a port: the sequencer checked, the client made, `connect` opens the port
    // (by index or virtual); RtMidi's errors become `error`.
    static std::unique_ptr<RtMidiOutput> openWith(std::string* error,
                                                  const std::function<bool(Impl&, std::string*)>& connect);
    std::unique_ptr<Impl> impl_;
};

}  // namespace biaxial
