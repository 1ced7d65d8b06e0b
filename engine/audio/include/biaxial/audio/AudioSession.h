#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "biaxial/audio/IClock.h"
#include "biaxial/audio/IMidiInput.h"
#include "biaxial/audio/IMidiOutput.h"
#include "biaxial/audio/ISynth.h"
#include "biaxial/audio/MidiPortList.h"
#include "biaxial/audio/MidiRecorder.h"
#include "biaxial/audio/MidiThru.h"
#include "biaxial/audio/PlaybackScheduler.h"
#include "biaxial/audio/RoutedSynth.h"
#include "biaxial/engine/Note.h"
#include "biaxial/engine/Song.h"

namespace biaxial {

class FluidSynthSynth;
class MidiOutputSynth;

// Everything the studio needs for sound and MIDI in one object that always constructs:
// the FluidSynth synth (or none, with the reason), the playback scheduler, the MIDI port
// playback may go to instead, and the keyboard input with MIDI thru and recording.
// The UI owns one, wires the scheduler's callbacks to queued signals, and shows
// soundStatus() and the port lists' messages when something is missing.
//
// Threads: the methods are meant for the GUI thread (they are thread-safe, but switching
// ports from two threads at once makes no sense). The scheduler's callbacks run on its
// worker; the input listener on the MIDI input thread.
class AudioSession {
public:
    struct Options {
        std::string soundFont;    // "" = SoundFontLocator::defaultSoundFont()
        bool startAudio = true;   // false: no audio driver (tests, `--no-sound`)
        std::string audioDriver;  // "" = FluidSynth's default (then ALSA); "file" writes fluidsynth.wav
    };

    explicit AudioSession(const Options& options);
    AudioSession() : AudioSession(Options{}) {}
    // For tests: plays to `synth` on `clock` (neither owned; both may be fakes; a null clock
    // means a SteadyClock); no FluidSynth.
    AudioSession(ISynth* synth, IClock* clock);
    ~AudioSession();
    AudioSession(const AudioSession&) = delete;
    AudioSession& operator=(const AudioSession&) = delete;

    PlaybackScheduler& scheduler() { return *scheduler_; }
    IClock& clock() { return *clock_; }

    // --- sound ---
    bool hasSound() const;
    // "sound: FluidSynth via alsa at 44100 Hz" or "sound unavailable: <reason>".
    std::string soundStatus() const;
    std::string soundFontPath() const;
    // Loads another .sf2 into the synth; when no synth could be made before (no SoundFont
    // was found), tries to make one now.
    bool setSoundFont(const std::string& path, std::string* error);

    // --- where playback and thru go ---
    static MidiPortList outputPorts();
    // Plays to MIDI output port `index` of outputPorts() instead of the built-in synth;
    // kVirtualPort: to a virtual port of the studio's own ("Biaxial Studio:out") that a DAW
    // can record from.
    static constexpr int kVirtualPort = -1;
    bool playToMidiPort(int index, std::string* error);
    // The same with any port (a FakeMidiOutput in tests).
    void playToMidiOutput(std::unique_ptr<IMidiOutput> output);
    // Back to the built-in synth (FluidSynth, or the test synth).
    void playToSynth();
    // Plays now to the current output, following every switch of it: for a live player (a
    // jam) that sends notes as they come instead of through the scheduler. Thread-safe.
    ISynth& liveOutput() { return liveOutput_; }
    // "FluidSynth", "none" or the MIDI port's name.
    std::string outputName() const;

    // --- keyboard input ---
    static MidiPortList inputPorts();
    // kVirtualPort: a virtual input ("Biaxial Studio:in") that a DAW or a keyboard program
    // connects to.
    bool openInput(int index, std::string* error);
    void useInput(std::unique_ptr<IMidiInput> input);  // FakeMidiInput in tests
    void closeInput();
    std::string inputName() const;  // "" when none is open
    // Thru sends what the keyboard plays to the current output (on by default).
    void setThru(bool enabled) { thru_.setEnabled(enabled); }
    bool thru() const { return thru_.isEnabled(); }
    // Called on the MIDI input thread for every message (a keyboard widget lights keys). It
    // must not open or close inputs (that waits for the callback to return).
    void setInputListener(IMidiInput::Callback listener);

    // --- recording ---
    // Starts recording the keyboard now, as the song at `startTick` (usually
    // scheduler().positionTick()), following `timing`'s tempo map; quantized to sixteenths.
    void startRecording(const Song& timing, std::int64_t startTick, MidiRecorder::Options options = {});
    bool isRecording() const { return recorder_.isRecording(); }
    // The notes released so far (a live preview).
    std::vector<Note> recordedNotes() const { return recorder_.notes(); }
    // Ends the recording; the UI adds these to the document as one undoable edit.
    std::vector<Note> stopRecording();

private:
    ISynth* currentOutputLocked() const;
    void routeOutputLocked();

    std::unique_ptr<IClock> ownedClock_;
    IClock* clock_;
    mutable std::mutex mutex_;  // guards the members below that can be switched
    std::unique_ptr<FluidSynthSynth> fluidSynth_;
    ISynth* synth_ = nullptr;  // the built-in synth: fluidSynth_ or the test's
    std::string soundStatus_;
    Options options_;
    std::unique_ptr<IMidiOutput> output_;
    std::unique_ptr<MidiOutputSynth> outputSynth_;
    std::unique_ptr<PlaybackScheduler> scheduler_;  // after the synths: destroyed before them
    MidiThru thru_;
    RoutedSynth liveOutput_;
    MidiRecorder recorder_;
    std::mutex listenerMutex_;
    IMidiInput::Callback listener_;
    std::unique_ptr<IMidiInput> input_;  // last: destroyed first, so no callback outlives the rest
};

}  // namespace biaxial
