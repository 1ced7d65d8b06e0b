#include "biaxial/model/DataParallelConfig.h"

#include <cstdlib>
#include <string>

namespace biaxial {

namespace {

// A whole non-negative decimal number, or nullopt.
std::optional<long> wholeNumber(const char* text) {
    if (!text || !*text)
        return std::nullopt;
    char* end = nullptr;
    const long v = std::strtol(text, &end, 10);
    if (*end != '\0' || v < 0)
        return std::nullopt;
    return v;
}

}  // namespace

std::optional<DataParallelConfig> DataParallelConfig::fromEnvironment(std::string* error, const Getenv& get) {
    const auto env = [&](const char* name) -> const char* { return get ? get(name) : std::getenv(name); };
    const auto fail = [&](const std::string& why) -> std::optional<DataParallelConfig> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    DataParallelConfig c;
    const char* world = env("WORLD_SIZE");
    if (!world || !*world)
        return c;
    const auto worldSize = wholeNumber(world);
    if (!worldSize || *worldSize < 1 || *worldSize > 4096)
        return fail(std::string("WORLD_SIZE='") + world + "' is not a number of processes (1..4096)");
    c.worldSize = static_cast<int>(*worldSize);
    if (c.worldSize == 1)
        return c;
    const auto rank = wholeNumber(env("RANK"));
    if (!rank || *rank >= c.worldSize)
        return fail("RANK must be set to 0.." + std::to_string(c.worldSize - 1) + " when WORLD_SIZE is " +
                    std::to_string(c.worldSize) +
                    (env("RANK") ? std::string(" (it is '") + env("RANK") + "')" : ""));
    c.rank = static_cast<int>(*rank);
    if (const char* local = env("LOCAL_RANK"); local && *local) {
        const auto v = wholeNumber(local);
        if (!v)
            return fail(std::string("LOCAL_RANK='") + local + "' is not a number");
        c.localRank = static_cast<int>(*v);
    }
    const char* addr = env("MASTER_ADDR");
    if (!addr || !*addr)
        return fail("MASTER_ADDR must name the machine of rank 0 (or torchrun's agent) when WORLD_SIZE is " +
                    std::to_string(c.worldSize));
    c.masterAddr = addr;
    const auto port = wholeNumber(env("MASTER_PORT"));
    if (!port || *port < 1 || *port > 65535)
        return fail(
            std::string("MASTER_PORT must be a TCP port (1..65535)") +
            (env("MASTER_PORT") ? std::string(", not '") + env("MASTER_PORT") + "'" : ", and is not set"));
    c.masterPort = static_cast<int>(*port);
    if (const char* agent = env("TORCHELASTIC_USE_AGENT_STORE"); agent) {
        const std::string a = agent;
        c.agentStore = a == "True" || a == "true" || a == "1";
    }
    if (const auto restarts = wholeNumber(env("TORCHELASTIC_RESTART_COUNT")))
        c.restartCount = static_cast<int>(*restarts);
    if (const char* ifname = env("GLOO_SOCKET_IFNAME"); ifname && *ifname)
        c.interface = ifname;
    if (const char* t = env("BIAXIAL_DIST_TIMEOUT"); t && *t) {
        const double v = std::strtod(t, nullptr);
        if (!(v > 0))
            return fail(std::string("BIAXIAL_DIST_TIMEOUT='") + t + "' is not a number of seconds");
        c.timeoutSeconds = v;
    }
    return c;
}

}  // namespace biaxial
