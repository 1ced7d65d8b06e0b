#pragma once

#include <QPalette>
#include <QString>

class QApplication;

namespace biaxial {

// The studio's look: the Fusion style with a dark or light palette. "system" follows the
// desktop's palette (dark when its window colour is dark); "dark" and "light" force one.
// GUI thread, before the main window is shown.
class AppStyle {
public:
    static void apply(QApplication& app, const QString& theme = QStringLiteral("system"));
    static QPalette darkPalette();
    static QPalette lightPalette();
    static bool systemPrefersDark();
};

}  // namespace biaxial
