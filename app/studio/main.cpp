// biaxial-studio: the piano-roll studio. Wiring only: the application object, the look,
// the main window, crash recovery and the file named on the command line.
#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTimer>

#include "KeepFreedMemory.h"
#include "biaxial/ui/AppIcon.h"
#include "biaxial/ui/AppStyle.h"
#include "biaxial/ui/MainWindow.h"

#ifdef BIAXIAL_HAVE_ML_UI
#include "MlIntegration.h"
#endif

int main(int argc, char** argv) {
    biaxial::app::keepFreedMemory();  // training in the studio: see KeepFreedMemory.h
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("biaxial"));
    QApplication::setApplicationName(QStringLiteral("biaxial-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("Biaxial Studio"));
    QApplication::setApplicationVersion(QStringLiteral(BIAXIAL_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("biaxial-studio"));
    QApplication::setWindowIcon(biaxial::AppIcon::icon());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A piano-roll composer studio around the biaxial LSTM"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption themeOption(QStringLiteral("theme"), QStringLiteral("system, dark or light"),
                                   QStringLiteral("theme"));
    QCommandLineOption noSoundOption(QStringLiteral("no-sound"), QStringLiteral("Do not open the synth"));
    // Saves a picture of the window (the README's screenshot) and quits.
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                        QStringLiteral("Save a PNG of the window after start-up, then quit"),
                                        QStringLiteral("png"));
    parser.addOption(themeOption);
    parser.addOption(noSoundOption);
    parser.addOption(screenshotOption);
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A MIDI file to open"),
                                 QStringLiteral("[file]"));
    parser.process(app);

    const QString theme =
        parser.isSet(themeOption)
            ? parser.value(themeOption)
            : QSettings().value(QStringLiteral("theme"), QStringLiteral("system")).toString();
    biaxial::AppStyle::apply(app, theme);

    biaxial::MainWindow::Options options;
    options.openSynth = !parser.isSet(noSoundOption);
    biaxial::MainWindow window(options);
#ifdef BIAXIAL_HAVE_ML_UI
    // Continue and Training panels (ui/ml/), present when the model layer was built.
    biaxial::MlIntegration::install(&window);
#endif
    window.show();

    const QStringList files = parser.positionalArguments();
    // After the event loop starts, so that questions appear over a visible window.
    const QString screenshot = parser.value(screenshotOption);
    QTimer::singleShot(0, &window, [&window, files, screenshot] {
        const bool recovered = screenshot.isEmpty() && window.offerRecovery();
        if (!recovered && !files.isEmpty())
            window.loadFile(files.front());
        if (!screenshot.isEmpty())
            QTimer::singleShot(800, &window, [&window, screenshot] {
                window.grab().save(screenshot);
                QApplication::quit();
            });
    });
    return app.exec();
}
