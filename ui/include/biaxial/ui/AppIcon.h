#pragma once

#include <QIcon>
#include <QPixmap>

namespace biaxial {

// The studio's icon, painted in code (the same drawing as packaging's SVG), so that the
// window has an icon without the Qt SVG module.
class AppIcon {
public:
    static QPixmap pixmap(int size);
    static QIcon icon();
};

}  // namespace biaxial
