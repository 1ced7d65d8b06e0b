#include <gtest/gtest.h>

#include <QComboBox>
#include <QSignalSpy>

#include "Scale.h"
#include "ScaleChooser.h"

using biaxial::Scale;

TEST(Scale, ChromaticAllowsEverything) {
    Scale s;
    EXPECT_TRUE(s.isChromatic());
    for (int p = 0; p < 128; ++p) {
        EXPECT_TRUE(s.contains(p));
    }
    EXPECT_EQ(s.name(), "Chromatic");
}

TEST(Scale, DMajorMask) {
    Scale s{2, Scale::Mode::Major};
    // D E F# G A B C#
    const auto mask = s.pitchClassMask();
    const bool expected[12] = {false, true, true, false, true, false, true, true, false, true, false, true};
    for (int i = 0; i < 12; ++i) {
        EXPECT_EQ(mask[static_cast<std::size_t>(i)], expected[i]) << i;
    }
    EXPECT_EQ(s.name(), "D Major");
    EXPECT_TRUE(s.contains(62));
    EXPECT_FALSE(s.contains(63));
}

TEST(Scale, NoteMaskFollowsTheRange) {
    Scale s{0, Scale::Mode::MajorPentatonic};
    const auto notes = s.noteMask(24, 78);  // MIDI 24 = C
    ASSERT_EQ(notes.size(), 78u);
    EXPECT_EQ(notes[0], 1);   // C
    EXPECT_EQ(notes[1], 0);   // C#
    EXPECT_EQ(notes[2], 1);   // D
    EXPECT_EQ(notes[4], 1);   // E
    EXPECT_EQ(notes[5], 0);   // F
    EXPECT_EQ(notes[12], 1);  // C again
}

TEST(ScaleChooser, EmitsOnChangeAndSetScale) {
    biaxial::ScaleChooser chooser;
    QSignalSpy spy(&chooser, &biaxial::ScaleChooser::scaleChanged);
    auto* mode = chooser.findChild<QComboBox*>("scaleMode");
    auto* root = chooser.findChild<QComboBox*>("scaleRoot");
    ASSERT_NE(mode, nullptr);
    ASSERT_NE(root, nullptr);
    EXPECT_EQ(mode->currentData().toInt(), static_cast<int>(Scale::Mode::SeedKey)) << "the seed's key comes first";
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
