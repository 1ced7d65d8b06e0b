#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace biaxial {

// The shape of a biaxial network (DESIGN.md §1). Stored in every model file, so a file
// always carries what is needed to rebuild its network. Torch-free: the UI includes it.
struct ModelConfig {
    int lowPitch = 24;                     // MIDI pitch of note index 0 (the original: 24)
    int numNotes = 78;                     // notes in the range (the original: 78, MIDI 24..101)
    std::vector<int> timeSizes{300, 300};  // stacked LSTMs along time (shared by all notes)
    std::vector<int> noteSizes{100, 50};   // stacked LSTMs upward along the notes
    double dropout = 0.5;                  // on the hidden layers while training
    // The original (theano_lstm) learns each LSTM layer's initial (c, h) as parameters.
    // Files written before this option existed read as false (zero initial states).
    bool learnedInitialState = true;
    // Frames per bar for the beat inputs. 0 = the original: the four beat bits are the
    // frame's own bar position (a 16-step bar of sixteenth notes). K (1, 2, 4, 8 or 16) =
    // frames of 16/K sixteenths (JSB quarter notes: 4, eighth-note sets: 8): the position
    // mod K is scaled to the 16-step bar, so a frame on beat 2 reads the bits of step 4.
    // Files written before this option existed read as 0.
    int stepsPerBar = 0;

    static constexpr int kInputsPerNote = 80;  // the original's feature count per note

    // The presets: "original" (300,300 / 100,50), "small" (128,128 / 64,32) for CPU training,
    // "tiny" (24,24 / 12,8) for tests.
    static ModelConfig original();
    static ModelConfig small();
    static ModelConfig tiny();
    // A preset by name; empty optional for an unknown name.
    static std::optional<ModelConfig> preset(const std::string& name);
    // Layer sizes as written on a command line: "128,64" -> {128, 64}; empty optional for
    // anything else (empty items, signs, spaces). Their range is validate()'s.
    static std::optional<std::vector<int>> parseLayerSizes(const std::string& text);

    int highPitch() const { return lowPitch + numNotes - 1; }  // inclusive
    // Why the config is unusable (empty when it is fine).
    std::optional<std::string> validate() const;
    std::int64_t parameterCount() const;
    // "pitch 24..101 (78 notes), time 300,300, note 100,50, dropout 0.5"
    std::string describe() const;

    friend bool operator==(const ModelConfig&, const ModelConfig&) = default;
};

}  // namespace biaxial
