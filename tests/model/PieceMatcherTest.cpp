// Resuming finds its held-out pieces however the corpus path is spelled, and refuses to go on
// when they are not all there (it would train on them).
#include <gtest/gtest.h>

#include "PieceMatcher.h"

namespace biaxial {
namespace {

TEST(PieceMatcher, FindsPiecesByTheirTrailingPathComponents) {
    const std::vector<std::string> given{"../shared/data/midis/Bach/bach_846.mid",
                                         "../shared/data/midis/Chopin/chpn_op25_e1.mid",
                                         "../shared/data/midis/Chopin/chpn-p2.mid"};
    const auto r = PieceMatcher::match(
        {"/work/shared/data/midis/Chopin/chpn-p2.mid", "/other/machine/midis/Bach/bach_846.mid"}, given);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.index, (std::vector<std::size_t>{2, 0}));
    EXPECT_TRUE(PieceMatcher::match(given, given).ok) << "the same spelling";
    EXPECT_TRUE(PieceMatcher::match({}, given).ok) << "nothing held out";
}

TEST(PieceMatcher, AMissingOrAmbiguousPieceIsAnErrorNamingIt) {
    const std::vector<std::string> given{"/c/a/x.mid", "/c/b/x.mid", "/c/b/y.mid"};
    auto r = PieceMatcher::match({"/old/c/b/z.mid", "/old/c/q.mid"}, given);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find("2 of the 2"), std::string::npos) << r.error;
    EXPECT_NE(r.error.find("z.mid"), std::string::npos) << r.error;
    r = PieceMatcher::match({"x.mid"}, given);  // two pieces share the file name, nothing more
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find("more than one"), std::string::npos) << r.error;
    EXPECT_TRUE(PieceMatcher::match({"elsewhere/b/x.mid"}, given).ok) << "the folder tells them apart";
}

}  // namespace
}  // namespace biaxial
