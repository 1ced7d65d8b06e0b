#include "AllocatorHold.h"

#include <dlfcn.h>

#if __has_include(<gperftools/malloc_extension.h>)
#include <gperftools/malloc_extension.h>
#define BIAXIAL_HAVE_MALLOC_EXTENSION 1
#endif

namespace biaxial {
namespace {

#ifdef BIAXIAL_HAVE_MALLOC_EXTENSION
// Looked up at run time so that the model library neither links nor requires tcmalloc: the
// programs link it, the tests may not.
MallocExtension* tcmalloc() {
    using Instance = MallocExtension* (*)();
    static const auto instance = reinterpret_cast<Instance>(dlsym(RTLD_DEFAULT, "_ZN15MallocExtension8instanceEv"));
    return instance ? instance() : nullptr;
}
#endif

}  // namespace

AllocatorHold::AllocatorHold() {
#ifdef BIAXIAL_HAVE_MALLOC_EXTENSION
    if (auto* ext = tcmalloc()) {
        previous_ = ext->GetMemoryReleaseRate();
        ext->SetMemoryReleaseRate(0.0);
    }
#endif
}

AllocatorHold::~AllocatorHold() {
#ifdef BIAXIAL_HAVE_MALLOC_EXTENSION
    if (previous_ < 0) return;
    if (auto* ext = tcmalloc()) {
        ext->SetMemoryReleaseRate(previous_);
        // An outer hold (previous rate 0) still wants the memory.
        if (previous_ > 0) ext->ReleaseFreeMemory();
    }
#endif
}

double AllocatorHold::releaseRate() {
#ifdef BIAXIAL_HAVE_MALLOC_EXTENSION
    if (auto* ext = tcmalloc()) return ext->GetMemoryReleaseRate();
#endif
    return -1;
}

}  // namespace biaxial
