#include "biaxial/engine/JamPolicy.h"

namespace biaxial {

JamPolicy::Action JamPolicy::step(int barPosition, bool playerSounds) {
    answerStarted_ = false;
    if (options_.mode == Mode::Along) {
        heardPhrase_ = heardPhrase_ || playerSounds;
        return heardPhrase_ ? Action::Play : Action::Wait;
    }
    if (answerLeft_ > 0) {
        --answerLeft_;
        return Action::Play;
    }
    if (playerSounds) {
        heardPhrase_ = true;
        barClosed_ = false;
        silentSteps_ = 0;
        return Action::Listen;
    }
    ++silentSteps_;
    if (!heardPhrase_)
        return Action::Wait;
    if (barPosition == 0)
        barClosed_ = true;
    if (!barClosed_)
        return Action::Listen;  // the rest of the phrase's bar is part of the phrase
    const int rest = options_.restBars * options_.stepsPerBar;
    if (barPosition == 0 && silentSteps_ > rest) {
        heardPhrase_ = false;
        answerLeft_ = options_.answerBars * options_.stepsPerBar - 1;
        answerStarted_ = true;
        return Action::Play;
    }
    return Action::Wait;
}

}  // namespace biaxial
