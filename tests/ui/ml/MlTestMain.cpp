// A GoogleTest main that creates the QApplication the widgets and queued signals need.
// The tests run on the offscreen platform (biaxial_add_test GUI sets QT_QPA_PLATFORM), and
// their settings go to a temporary folder so that they never touch the user's.
#include <gtest/gtest.h>

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("biaxial-tests"));
    QApplication::setApplicationName(QStringLiteral("ml-ui-tests"));
    QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
