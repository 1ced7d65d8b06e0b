#include "ContinueActions.h"

#include <QAction>
#include <QCoreApplication>
#include <QWidget>

namespace biaxial {

ContinueActions ContinueActions::create(QWidget* owner) {
    auto make = [owner](const char* text, const QKeySequence& keys, const char* tip) {
        auto* action = new QAction(QCoreApplication::translate("ContinuePanel", text), owner);
        action->setShortcut(keys);
        action->setToolTip(QCoreApplication::translate("ContinuePanel", tip));
        owner->addAction(action);
        return action;
    };
    ContinueActions a;
    a.continueAction =
        make("&Continue", QKeySequence(Qt::CTRL | Qt::Key_Return), "Continue the music with the network");
    a.continueAndPlay = make("Continue and &Play", QKeySequence(Qt::CTRL | Qt::Key_Space),
                             "Continue and hear the first variation at once, while the network writes it");
    a.regenerate = make("&Regenerate Selection", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                        "Replace the selected time range with new material that leads into what follows "
                        "(locked notes stay)");
    a.accompany = make("Accompany &Melody", QKeySequence(),
                       "Keep every note of the song as a melody and add voices under it, in its key");
    a.next = make("&Next Variation", QKeySequence(Qt::ALT | Qt::Key_Right), "Show the next variation");
    a.previous =
        make("&Previous Variation", QKeySequence(Qt::ALT | Qt::Key_Left), "Show the previous variation");
    a.accept = make("&Accept Variation", QKeySequence(Qt::ALT | Qt::Key_Return),
                    "Add the variation to the song (one undo step)");
    a.discard = make("&Discard Variations", QKeySequence(Qt::ALT | Qt::Key_Backspace), "Drop the variations");
    a.cancel = make("Cancel &Generation", QKeySequence(), "Stop the running job");
    // Short toolbar labels, so that the Generate toolbar fits beside the others at 1280x800.
    a.regenerate->setIconText(QCoreApplication::translate("ContinuePanel", "Regenerate"));
    a.accept->setIconText(QCoreApplication::translate("ContinuePanel", "Accept"));
    a.discard->setIconText(QCoreApplication::translate("ContinuePanel", "Discard"));
    return a;
}

}  // namespace biaxial
