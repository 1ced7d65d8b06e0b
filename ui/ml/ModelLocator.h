#pragma once

#include <QString>
#include <QStringList>

namespace biaxial {

// Finds the default model file (default-model.pt) the studio loads at start. Looked for, in
// order: $BIAXIAL_DEFAULT_MODEL (a file), the source tree's resources/ (a build that is run
// in place), next to the executable and its resources/ folder, ../share/biaxial-studio/
// relative to the executable (a relocated install), then the configured install prefix.
// Any thread (reads the environment and the file system only).
class ModelLocator {
public:
    static constexpr const char* kDefaultModelFile = "default-model.pt";

    // The first candidate that exists, or an empty string.
    static QString defaultModelPath();
    // Every place looked at, in order (for the "no model" message).
    static QStringList candidatePaths();
    // Whether `path` is a default model other than this installation's (an older build tree's,
    // an unpacked package's): remembered from another run, it is not the musician's choice, and
    // the studio offers its own default instead.
    static bool isAnotherDefault(const QString& path);
    // How to get a model, for the panel to show when none was found.
    static QString howToGetAModel();
};

}  // namespace biaxial
