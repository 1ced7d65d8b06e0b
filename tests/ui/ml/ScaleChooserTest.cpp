// The scale chooser widget (the Scale value itself is tested in tests/engine).
#include <gtest/gtest.h>

#include <QComboBox>
#include <QSignalSpy>

#include "ScaleChooser.h"
#include "biaxial/engine/Scale.h"

using biaxial::Scale;

TEST(ScaleChooser, EmitsOnChangeAndSetScale) {
    biaxial::ScaleChooser chooser;
    QSignalSpy spy(&chooser, &biaxial::ScaleChooser::scaleChanged);
    auto* mode = chooser.findChild<QComboBox*>("scaleMode");
    auto* root = chooser.findChild<QComboBox*>("scaleRoot");
    ASSERT_NE(mode, nullptr);
    ASSERT_NE(root, nullptr);
    EXPECT_EQ(mode->currentData().toInt(), static_cast<int>(Scale::Mode::SeedKey))
        << "the seed's key comes first";
    EXPECT_FALSE(root->isEnabled()) << "the seed's key has no root to choose";
    mode->setCurrentIndex(mode->findData(static_cast<int>(Scale::Mode::Dorian)));
    ASSERT_EQ(spy.count(), 1);
    EXPECT_TRUE(root->isEnabled());
    root->setCurrentIndex(2);
    ASSERT_EQ(spy.count(), 2);
    EXPECT_EQ(chooser.scale(), (Scale{2, Scale::Mode::Dorian}));
    chooser.setScale(Scale{9, Scale::Mode::NaturalMinor});
    EXPECT_EQ(spy.count(), 3);
    EXPECT_EQ(chooser.scale().name(), "A Minor");
    chooser.setScale(Scale{9, Scale::Mode::NaturalMinor});
    EXPECT_EQ(spy.count(), 3);  // no change, no signal
}
