#pragma once

#include <QList>

class QAction;
class QWidget;

namespace biaxial {

// The Continue panel's actions, with their texts, shortcuts and tips: the main window puts them
// in its Generate menu, which makes the shortcuts live. Owned by the widget they are made for.
struct ContinueActions {
    QAction* continueAction = nullptr;
    QAction* continueAndPlay = nullptr;
    QAction* regenerate = nullptr;
    QAction* accompany = nullptr;
    QAction* next = nullptr;
    QAction* previous = nullptr;
    QAction* accept = nullptr;
    QAction* discard = nullptr;
    QAction* cancel = nullptr;

    static ContinueActions create(QWidget* owner);
    // In menu order.
    QList<QAction*> all() const {
        return {continueAction, continueAndPlay, regenerate, accompany, cancel, previous,
                next,           accept,          discard};
    }
};

}  // namespace biaxial
