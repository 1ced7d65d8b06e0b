#pragma once

namespace biaxial {

// Who plays at each step of a jam (issue 18), decided step by step from what the player does,
// so that the same rules serve a live keyboard and a replayed file.
//
// Answer (call and response): the player plays a phrase; the network listens (the phrase goes
// into its history, and the silence up to the next bar line with it). Once the player has
// rested `restBars` bars, counted from the end of their last note, the network answers for
// `answerBars` bars from the next bar line, continuing the phrase (the waiting bars are left
// out of its history: it goes on from the phrase), then listens again. Notes the player plays
// during an answer are heard and kept; a new answer needs a new phrase.
//
// Along: from the player's first note on, the network plays every step with the player.
class JamPolicy {
public:
    enum class Mode { Answer, Along };
    enum class Action {
        Wait,    // nothing is sounding that the network should hear: not in its history
        Listen,  // the player's step goes into the network's history; the network is silent
        Play,    // the network plays this step (with whatever the player plays)
    };
    struct Options {
        Mode mode = Mode::Answer;
        int stepsPerBar = 16;
        int restBars = 1;
        int answerBars = 2;
    };

    explicit JamPolicy(const Options& options) : options_(options) {}
    // The next step: its place in the bar, and whether the player sounds any note in it
    // (struck or held). Steps must come in order, one call each.
    Action step(int barPosition, bool playerSounds);
    // True while an answer is being played (for the studio's panel).
    bool answering() const { return answerLeft_ > 0; }
    // True at the first step of an answer: the moment to read the player's key and texture.
    bool answerStarts() const { return answerStarted_; }

private:
    Options options_;
    bool heardPhrase_ = false;  // the player has played since the last answer (or the start)
    bool barClosed_ = true;     // the bar of the phrase's last note has ended
    int silentSteps_ = 0;       // steps since the player last sounded
    int answerLeft_ = 0;
    bool answerStarted_ = false;
};

}  // namespace biaxial
