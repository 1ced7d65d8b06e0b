#include "biaxial/audio/RtMidiInput.h"

#include <mutex>

#include "biaxial/audio/SteadyClock.h"

#if BIAXIAL_HAVE_RTMIDI
#include "RtMidiApi.h"
#endif

namespace biaxial {

#if BIAXIAL_HAVE_RTMIDI

struct RtMidiInput::Impl {
    std::unique_ptr<RtMidiIn> in;
    bool isVirtual = false;  // RtMidi does not report a virtual port as open
    std::string name;
    std::mutex mutex;  // held while the user callback runs, so setCallback() waits for it
    Callback callback;
    SteadyClock clock;

    // RtMidi's input thread.
    static void onMessage(double /*deltaSeconds*/, std::vector<unsigned char>* bytes, void* self) {
        auto* impl = static_cast<Impl*>(self);
        // Stamped on arrival on the SteadyClock timeline rather than by summing RtMidi's
        // deltas, which would drift and share no origin with the playhead.
        const double now = impl->clock.now();
        if (!bytes)
            return;
        const MidiMessage message = MidiMessage::fromBytes(*bytes);
        if (message.size == 0)
            return;
        std::lock_guard lock(impl->mutex);
        if (impl->callback)
            impl->callback(message, now);
    }
    static void onError(RtMidiError::Type, const std::string&, void*) {
        // Input errors (a buffer overflow) lose a message; nothing to recover.
    }
};

bool RtMidiInput::available() {
    return true;
}

MidiPortList RtMidiInput::ports() {
    return rtmidiapi::listPorts<RtMidiIn>();
}

std::unique_ptr<RtMidiInput> RtMidiInput::openWith(std::string* error,
                                                   const std::function<bool(Impl&, std::string*)>& connect) {
    if (std::string missing = rtmidiapi::sequencerMissing(); !missing.empty()) {
        if (error)
            *error = missing;
        return nullptr;
    }
    try {
        auto impl = std::make_unique<Impl>();
        impl->in = std::make_unique<RtMidiIn>(rtmidiapi::preferred(), rtmidiapi::kClientName);
        impl->in->setErrorCallback(&Impl::onError, impl.get());
        impl->in->ignoreTypes(true, true, true);  // sysex, clock, active sensing
        impl->in->setCallback(&Impl::onMessage, impl.get());
        if (!connect(*impl, error))
            return nullptr;
        return std::unique_ptr<RtMidiInput>(new RtMidiInput(std::move(impl)));
    } catch (const RtMidiError& e) {
        if (error)
            *error = rtmidiapi::unavailable(e.getMessage());
        return nullptr;
    }
}

std::unique_ptr<RtMidiInput> RtMidiInput::open(int index, std::string* error) {
    return openWith(error, [index](Impl& impl, std::string* why) {
        const int count = static_cast<int>(impl.in->getPortCount());
        if (index < 0 || index >= count) {
            if (why)
                *why = "no MIDI input port " + std::to_string(index) + " (there are " +
                       std::to_string(count) + ")";
            return false;
        }
        impl.name = impl.in->getPortName(static_cast<unsigned>(index));
        impl.in->openPort(static_cast<unsigned>(index), "Biaxial Studio in");
        if (!impl.in->isPortOpen()) {
            if (why)
                *why = impl.name + ": cannot open the MIDI input port";
            return false;
        }
        return true;
    });
}

std::unique_ptr<RtMidiInput> RtMidiInput::openVirtual(const std::string& name, std::string* error) {
    return openWith(error, [&name](Impl& impl, std::string*) {
        impl.in->openVirtualPort(name);
        impl.name = std::string(rtmidiapi::kClientName) + ":" + name + " (virtual)";
        impl.isVirtual = true;
        return true;
    });
}

std::unique_ptr<RtMidiInput> RtMidiInput::open(const std::string& name, std::string* error) {
    const MidiPortList list = ports();
    if (const int index = rtmidiapi::findPort(list, name); index >= 0)
        return open(index, error);
    if (error)
        *error = list.message.empty() ? "no MIDI input port named \"" + name + "\"" : list.message;
    return nullptr;
}

RtMidiInput::RtMidiInput(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

RtMidiInput::~RtMidiInput() {
    try {
        impl_->in->cancelCallback();
        impl_->in->closePort();  // joins RtMidi's input thread
    } catch (const RtMidiError&) {
        // The port vanished: nothing left to release.
    }
}

bool RtMidiInput::isOpen() const {
    return impl_->isVirtual || impl_->in->isPortOpen();
}
std::string RtMidiInput::portName() const {
    return impl_->name;
}

void RtMidiInput::setCallback(Callback callback) {
    std::lock_guard lock(impl_->mutex);
    impl_->callback = std::move(callback);
}

#else  // built without RtMidi

struct RtMidiInput::Impl {};

bool RtMidiInput::available() {
    return false;
}
MidiPortList RtMidiInput::ports() {
    return {{}, "MIDI ports unavailable: built without RtMidi (librtmidi-dev)"};
}
std::unique_ptr<RtMidiInput> RtMidiInput::open(int, std::string* error) {
    if (error)
        *error = "MIDI ports unavailable: built without RtMidi (librtmidi-dev)";
    return nullptr;
}
std::unique_ptr<RtMidiInput> RtMidiInput::open(const std::string&, std::string* error) {
    return open(0, error);
}
std::unique_ptr<RtMidiInput> RtMidiInput::openVirtual(const std::string&, std::string* error) {
    return open(0, error);
}
RtMidiInput::RtMidiInput(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RtMidiInput::~RtMidiInput() = default;
bool RtMidiInput::isOpen() const {
    return false;
}
std::string RtMidiInput::portName() const {
    return {};
}
void RtMidiInput::setCallback(Callback) {}

#endif

}  // namespace biaxial
