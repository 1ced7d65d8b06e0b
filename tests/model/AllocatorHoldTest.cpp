#include <gtest/gtest.h>

#include "AllocatorHold.h"

namespace biaxial {
namespace {

// The test program links tcmalloc like the programs do; the hold sets its release rate to 0
// and puts back the rate it found, nested holds included.
TEST(AllocatorHoldTest, HoldsFreedMemoryAndRestoresTheRate) {
    const double before = AllocatorHold::releaseRate();
    if (before < 0) GTEST_SKIP() << "tcmalloc is not this process's allocator";
    ASSERT_GT(before, 0.0);
    {
        AllocatorHold outer;
        EXPECT_EQ(AllocatorHold::releaseRate(), 0.0);
        {
            AllocatorHold inner;
            EXPECT_EQ(AllocatorHold::releaseRate(), 0.0);
        }
        EXPECT_EQ(AllocatorHold::releaseRate(), 0.0);
    }
    EXPECT_EQ(AllocatorHold::releaseRate(), before);
}

}  // namespace
}  // namespace biaxial
