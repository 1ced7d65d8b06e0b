#pragma once

namespace biaxial {

// Keeps freed memory in the process for the lifetime of the object (tcmalloc's release rate
// set to 0), then restores the rate and returns what is free to the system.
//
// Why: a training step allocates gigabytes of short-lived activations at the original size.
// With tcmalloc's default release rate, freed spans go back to the kernel between steps and
// every new tensor page-faults its pages in again: `biaxial bench` measured the original-size
// step at 8.28 s with the default and 5.79 s held (page faults 1.66 M -> 0.95 M, peak RSS
// +7%), same run, idle 2-core EPYC. Without tcmalloc in the process (it is linked into the
// programs, not the libraries) this does nothing.
class AllocatorHold {
public:
    AllocatorHold();
    ~AllocatorHold();
    AllocatorHold(const AllocatorHold&) = delete;
    AllocatorHold& operator=(const AllocatorHold&) = delete;

    // tcmalloc's current release rate, or -1 when tcmalloc is not the process's allocator.
    static double releaseRate();

private:
    double previous_ = -1;
};

}  // namespace biaxial
