#include "biaxial/audio/RtMidiOutput.h"

#include <mutex>

#if BIAXIAL_HAVE_RTMIDI
#include "RtMidiApi.h"
#endif

namespace biaxial {

#if BIAXIAL_HAVE_RTMIDI

struct RtMidiOutput::Impl {
    std::unique_ptr<RtMidiOut> out;
    bool isVirtual = false;  // RtMidi does not report a virtual port as open
    std::string name;
    mutable std::mutex mutex;  // RtMidiOut is not thread-safe; send() comes from several threads
    std::string lastError;

    static void onError(RtMidiError::Type, const std::string& text, void* self) {
        static_cast<Impl*>(self)->lastError = text;  // called under `mutex`, from inside RtMidi calls
    }
};

bool RtMidiOutput::available() {
    return true;
}

MidiPortList RtMidiOutput::ports() {
    return rtmidiapi::listPorts<RtMidiOut>();
}

std::unique_ptr<RtMidiOutput> RtMidiOutput::openWith(
    std::string* error, const std::function<bool(Impl&, std::string*)>& connect) {
    if (std::string missing = rtmidiapi::sequencerMissing(); !missing.empty()) {
        if (error)
            *error = missing;
        return nullptr;
    }
    try {
        auto impl = std::make_unique<Impl>();
        impl->out = std::make_unique<RtMidiOut>(rtmidiapi::preferred(), rtmidiapi::kClientName);
        impl->out->setErrorCallback(&Impl::onError, impl.get());
        if (!connect(*impl, error))
            return nullptr;
        return std::unique_ptr<RtMidiOutput>(new RtMidiOutput(std::move(impl)));
    } catch (const RtMidiError& e) {
        if (error)
            *error = rtmidiapi::unavailable(e.getMessage());
        return nullptr;
    }
}

std::unique_ptr<RtMidiOutput> RtMidiOutput::open(int index, std::string* error) {
    return openWith(error, [index](Impl& impl, std::string* why) {
        const int count = static_cast<int>(impl.out->getPortCount());
        if (index < 0 || index >= count) {
            if (why)
                *why = "no MIDI output port " + std::to_string(index) + " (there are " +
                       std::to_string(count) + ")";
            return false;
        }
        impl.name = impl.out->getPortName(static_cast<unsigned>(index));
        impl.out->openPort(static_cast<unsigned>(index), "Biaxial Studio out");
        if (!impl.out->isPortOpen()) {
            if (why)
                *why = impl.name + ": cannot open the MIDI output port: " + impl.lastError;
            return false;
        }
        return true;
    });
}

std::unique_ptr<RtMidiOutput> RtMidiOutput::openVirtual(const std::string& name, std::string* error) {
    return openWith(error, [&name](Impl& impl, std::string*) {
        impl.out->openVirtualPort(name);
        impl.name = std::string(rtmidiapi::kClientName) + ":" + name + " (virtual)";
        impl.isVirtual = true;
        return true;
    });
}

std::unique_ptr<RtMidiOutput> RtMidiOutput::open(const std::string& name, std::string* error) {
    const MidiPortList list = ports();
    if (const int index = rtmidiapi::findPort(list, name); index >= 0)
        return open(index, error);
    if (error)
        *error = list.message.empty() ? "no MIDI output port named \"" + name + "\"" : list.message;
    return nullptr;
}

RtMidiOutput::RtMidiOutput(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

RtMidiOutput::~RtMidiOutput() {
    std::lock_guard lock(impl_->mutex);
    try {
        impl_->out->closePort();
    } catch (const RtMidiError&) {
        // Closing a port that vanished: nothing left to release.
    }
}

bool RtMidiOutput::isOpen() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->isVirtual || impl_->out->isPortOpen();
}

std::string RtMidiOutput::portName() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->name;
}

void RtMidiOutput::send(const MidiMessage& message) {
    if (message.size <= 0)
        return;
    std::lock_guard lock(impl_->mutex);
    try {
        impl_->out->sendMessage(message.bytes.data(), static_cast<std::size_t>(message.size));
    } catch (const RtMidiError& e) {
        impl_->lastError = e.getMessage();
    }
}

std::string RtMidiOutput::lastError() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->lastError;
}

#else  // built without RtMidi

struct RtMidiOutput::Impl {};

bool RtMidiOutput::available() {
    return false;
}
MidiPortList RtMidiOutput::ports() {
    return {{}, "MIDI ports unavailable: built without RtMidi (librtmidi-dev)"};
}
std::unique_ptr<RtMidiOutput> RtMidiOutput::open(int, std::string* error) {
    if (error)
        *error = "MIDI ports unavailable: built without RtMidi (librtmidi-dev)";
    return nullptr;
}
std::unique_ptr<RtMidiOutput> RtMidiOutput::open(const std::string&, std::string* error) {
    return open(0, error);
}
std::unique_ptr<RtMidiOutput> RtMidiOutput::openVirtual(const std::string&, std::string* error) {
    return open(0, error);
}
RtMidiOutput::RtMidiOutput(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RtMidiOutput::~RtMidiOutput() = default;
bool RtMidiOutput::isOpen() const {
    return false;
}
std::string RtMidiOutput::portName() const {
    return {};
}
void RtMidiOutput::send(const MidiMessage&) {}
std::string RtMidiOutput::lastError() const {
    return {};
}

#endif

}  // namespace biaxial
