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

TEST(ModelLocator, ADefaultModelOfAnotherInstallationIsNotTakenForAChoice) {
    QTemporaryDir here, elsewhere;
    ASSERT_TRUE(here.isValid() && elsewhere.isValid());
    const QString mine = here.filePath(QStringLiteral("default-model.pt"));
    const QString old = elsewhere.filePath(QStringLiteral("default-model.pt"));
    const QString trained = elsewhere.filePath(QStringLiteral("my-model.pt"));
    for (const QString& p : {mine, old, trained}) {
        QFile f(p);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    }
    qputenv("BIAXIAL_DEFAULT_MODEL", mine.toUtf8());
    EXPECT_TRUE(ModelLocator::isAnotherDefault(old));
    EXPECT_FALSE(ModelLocator::isAnotherDefault(mine));
    EXPECT_FALSE(ModelLocator::isAnotherDefault(trained));  // the musician's own model stays
    qunsetenv("BIAXIAL_DEFAULT_MODEL");
}
