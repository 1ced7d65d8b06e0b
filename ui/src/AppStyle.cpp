#include "biaxial/ui/AppStyle.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>
#include <memory>

namespace biaxial {

QPalette AppStyle::darkPalette() {
    QPalette p;
    const QColor window(0x2e, 0x30, 0x34), base(0x23, 0x25, 0x28), text(0xe4, 0xe6, 0xea);
    const QColor accent(0x4f, 0xa3, 0xf7), disabled(0x7a, 0x7e, 0x86);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x38, 0x3b, 0x40));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x5a, 0x4f));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x53));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x43, 0x48));
    p.setColor(QPalette::Mid, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::Dark, QColor(0x1c, 0x1d, 0x20));
    p.setColor(QPalette::Shadow, QColor(0x10, 0x10, 0x12));
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, QColor(0x10, 0x14, 0x18));
    p.setColor(QPalette::Link, accent);
    p.setColor(QPalette::LinkVisited, accent.lighter(120));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x54, 0x5a));
    return p;
}

QPalette AppStyle::lightPalette() {
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p = fusion->standardPalette();
    p.setColor(QPalette::Window, QColor(0xef, 0xf0, 0xf2));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x7d, 0xe1));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

bool AppStyle::systemPrefersDark() {
    // Qt 6.4 has no QStyleHints::colorScheme(); the platform theme's palette tells.
    const QPalette system = QGuiApplication::palette();
    return system.color(QPalette::Window).lightness() < system.color(QPalette::WindowText).lightness();
}

void AppStyle::apply(QApplication& app, const QString& theme) {
    const bool dark =
        theme == QLatin1String("dark") || (theme != QLatin1String("light") && systemPrefersDark());
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    app.setPalette(dark ? darkPalette() : lightPalette());
}

}  // namespace biaxial
