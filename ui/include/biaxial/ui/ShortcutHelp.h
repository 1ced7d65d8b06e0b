#pragma once

#include <QString>

namespace biaxial {

// Help > Keyboard and Mouse: the table of the editor's keys and mouse gestures, as rich text
// for IUserDialogs::showHelp. Kept beside the code it documents rather than in a manual, so
// that a new shortcut and its line here change together.
class ShortcutHelp {
public:
    static QString html();
};

}  // namespace biaxial
