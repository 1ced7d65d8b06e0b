#pragma once

#include <QIcon>
#include <QPalette>

namespace biaxial {

// Toolbar icons painted in code in the palette's text colour, so that they stay legible on
// the dark and the light theme (the style's stock media icons are dark on dark). GUI thread.
class ToolIcons {
public:
    enum class Kind { Play, Pause, Stop, Rewind, Loop, Draw, Select, Quantize, Record, Lock };
    static QIcon icon(Kind kind, const QPalette& palette);
};

}  // namespace biaxial
