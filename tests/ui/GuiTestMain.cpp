// A GoogleTest main that creates the QApplication the widgets need, on the offscreen
// platform, with QStandardPaths in test mode so that settings, recent files and autosaves
// never touch the user's own.
#include <gtest/gtest.h>

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("biaxial-tests"));
    QApplication::setApplicationName(QStringLiteral("ui-editor-test"));
    QSettings().clear();
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
