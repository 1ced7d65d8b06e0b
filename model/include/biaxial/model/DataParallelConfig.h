#pragma once

#include <functional>
#include <optional>
#include <string>

namespace biaxial {

// Where one training process stands in a data-parallel group (issue 20): its rank among
// worldSize processes and how to reach the group's rendezvous store. Torch-free, so that the
// CLI can read it from the environment before any Torch code runs. worldSize 1 = one process
// (the default; nothing is connected).
//
// The environment is torchrun's (and PyTorch's env:// rendezvous): RANK, WORLD_SIZE,
// LOCAL_RANK, MASTER_ADDR, MASTER_PORT; with TORCHELASTIC_USE_AGENT_STORE=True the launcher's
// agent already hosts the TCP store at MASTER_ADDR:MASTER_PORT (rank 0 connects as a client)
// and the keys of restart n live under "/worker/attempt_n" (TORCHELASTIC_RESTART_COUNT), as
// PyTorch's own ranks do. GLOO_SOCKET_IFNAME names the network interface Gloo binds to.
struct DataParallelConfig {
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    std::string masterAddr = "127.0.0.1";
    int masterPort = 29500;
    bool agentStore = false;  // the store is hosted by torchrun's agent, not by rank 0
    int restartCount = 0;
    std::string interface;  // GLOO_SOCKET_IFNAME (empty: the address that reaches the master)
    // How long a rank waits for the others (rendezvous, and any one collective) before it
    // stops with a message naming the rank and the master's address.
    double timeoutSeconds = 120.0;

    bool distributed() const { return worldSize > 1; }
    std::string masterEndpoint() const { return masterAddr + ":" + std::to_string(masterPort); }

    // Reads torchrun's variables through `get` (std::getenv by default). No WORLD_SIZE (or 1)
    // gives the one-process default; malformed or inconsistent values give nullopt and a
    // sentence naming the variable in *error.
    using Getenv = std::function<const char*(const char*)>;
    static std::optional<DataParallelConfig> fromEnvironment(std::string* error, const Getenv& get = {});
};

}  // namespace biaxial
