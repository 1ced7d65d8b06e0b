#pragma once

#include <string>
#include <vector>

namespace biaxial::cli {

// `biaxial train --nproc N` without Python: starts N copies of this program on this machine
// as the ranks of one data-parallel group, with torchrun's variables (RANK, LOCAL_RANK,
// WORLD_SIZE, MASTER_ADDR=127.0.0.1, MASTER_PORT = a free port unless set) and each rank's
// share of the cores as its Torch and BLAS threads (unless set). It waits for them; when one
// fails or dies it says which (rank, pid, exit status or signal), gives the others the group's
// timeout to notice and stop by themselves, then terminates what is left. Ctrl-C reaches the
// ranks (one process group), which stop together at the next batch.
class RankLauncher {
public:
    // `args`: the command line for every rank, after the program's name ("train", ...).
    // Returns the exit code for the launcher: 0 when every rank succeeded, else the first
    // failure's.
    static int run(int ranks, const std::vector<std::string>& args, double timeoutSeconds);
};

}  // namespace biaxial::cli
