#include <gtest/gtest.h>

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include "ModelLocator.h"

using biaxial::ModelLocator;

TEST(ModelLocator, EnvironmentFileComesFirstAndMessageSaysHowToGetOne) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("my-model.pt"));
    qputenv("BIAXIAL_DEFAULT_MODEL", path.toUtf8());
    EXPECT_EQ(ModelLocator::candidatePaths().front(), path);
    EXPECT_NE(ModelLocator::defaultModelPath(), path);  // not there yet
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.close();
    EXPECT_EQ(ModelLocator::defaultModelPath(), QFileInfo(path).absoluteFilePath());
    qunsetenv("BIAXIAL_DEFAULT_MODEL");
    EXPECT_TRUE(ModelLocator::howToGetAModel().contains(QStringLiteral("biaxial train")));
    // The source tree's resources/ and an install's share/ are looked at.
    EXPECT_TRUE(
        ModelLocator::candidatePaths().join(' ').contains(QStringLiteral("resources/default-model.pt")));
    EXPECT_TRUE(ModelLocator::candidatePaths().join(' ').contains(
        QStringLiteral("share/biaxial-studio/default-model.pt")));
}
