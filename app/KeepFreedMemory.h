#pragma once

#include <cstdlib>

#if defined(BIAXIAL_HAVE_TCMALLOC) && __has_include(<gperftools/malloc_extension.h>)
#include <gperftools/malloc_extension.h>
#define BIAXIAL_CAN_KEEP_FREED_MEMORY 1
#endif

namespace biaxial::app {

// Called first thing in main(): tcmalloc keeps the memory the program frees instead of
// handing it back to the kernel (release rate 0), unless TCMALLOC_RELEASE_RATE is set.
//
// Why: a training step at the original size frees and reallocates gigabytes of activations
// every batch. Handed back, the pages fault in again each time, and once some free spans have
// been returned, tcmalloc decommits neighbours to merge with them, so it never settles.
// `biaxial bench`, idle 2-core EPYC, back to back: original-size step 8.28 s with tcmalloc's
// default (TCMALLOC_RELEASE_RATE=1) against 5.50-6.27 s kept (3 runs), ~10^4 instead of
// ~7x10^4 page faults per step; peak RSS +7%. It has to hold from the start: switching it on
// later, after memory was returned, measured no better than the default.
// The price: the process keeps its peak footprint until it exits (the studio after a
// training run at the original size: ~4 GB).
inline void keepFreedMemory() {
#ifdef BIAXIAL_CAN_KEEP_FREED_MEMORY
    if (std::getenv("TCMALLOC_RELEASE_RATE") == nullptr)
        MallocExtension::instance()->SetMemoryReleaseRate(0.0);
#endif
}

}  // namespace biaxial::app
