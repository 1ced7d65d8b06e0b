#include "ModelLocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace biaxial {

QStringList ModelLocator::candidatePaths() {
    QStringList paths;
    const QString fromEnv = qEnvironmentVariable("BIAXIAL_DEFAULT_MODEL");
    if (!fromEnv.isEmpty()) {
        paths << fromEnv;
    }
#ifdef BIAXIAL_UI_RESOURCES_DIR
    paths << QDir(QStringLiteral(BIAXIAL_UI_RESOURCES_DIR)).filePath(kDefaultModelFile);
#endif
    if (QCoreApplication::instance() != nullptr) {
        const QDir exeDir(QCoreApplication::applicationDirPath());
        paths << exeDir.filePath(kDefaultModelFile);
        paths << exeDir.filePath(QStringLiteral("resources/%1").arg(kDefaultModelFile));
        paths << QDir::cleanPath(
            exeDir.filePath(QStringLiteral("../share/biaxial-studio/%1").arg(kDefaultModelFile)));
    }
#ifdef BIAXIAL_UI_INSTALLED_RESOURCES_DIR
    paths << QDir(QStringLiteral(BIAXIAL_UI_INSTALLED_RESOURCES_DIR)).filePath(kDefaultModelFile);
#endif
    paths.removeDuplicates();
    return paths;
}

bool ModelLocator::isAnotherDefault(const QString& path) {
    const QFileInfo info(path);
    if (info.fileName() != QLatin1String(kDefaultModelFile)) {
        return false;
    }
    const QString current = defaultModelPath();
    return !current.isEmpty() && info.absoluteFilePath() != current;
}

QString ModelLocator::defaultModelPath() {
    for (const QString& path : candidatePaths()) {
        if (QFileInfo(path).isFile()) {
            return QFileInfo(path).absoluteFilePath();
        }
    }
    return {};
}

QString ModelLocator::howToGetAModel() {
    return QCoreApplication::translate(
               "biaxial",
               "No model file was found, so Continue is not available.\n"
               "Train one on a folder of MIDI files, in the Training panel or with\n"
               "    biaxial train --corpus MIDI_FOLDER --out default-model.pt --size small\n"
               "then open it with \"Open model...\", or put it at one of:\n%1")
        .arg(candidatePaths().join(QLatin1Char('\n')));
}

}  // namespace biaxial
