// The `biaxial` command line tool: a dispatcher over self-registered sub-commands.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "Command.h"
#include "KeepFreedMemory.h"

namespace biaxial::cli {
std::vector<Command>& commandRegistry() {
    static std::vector<Command> commands;
    return commands;
}
}  // namespace biaxial::cli

namespace {

void printHelp() {
    auto commands = biaxial::cli::commandRegistry();
    std::sort(commands.begin(), commands.end(), [](auto& a, auto& b) { return a.name < b.name; });
    std::printf(
        "biaxial: the Biaxial Studio command line (train, continue, evaluate, render, benchmark)\n\n");
    std::printf("usage: biaxial COMMAND [options]   (biaxial help COMMAND for details)\n\ncommands:\n");
    for (const auto& c : commands)
        std::printf("  %-10s %s\n", c.name.c_str(), c.summary.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    biaxial::app::keepFreedMemory();
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
        if (args.size() >= 2) {
            for (const auto& c : biaxial::cli::commandRegistry())
                if (c.name == args[1]) {
                    std::printf("%s\n", c.usage.c_str());
                    return 0;
                }
        }
        printHelp();
        return args.empty() ? 2 : 0;
    }
    for (const auto& c : biaxial::cli::commandRegistry()) {
        if (c.name == args[0]) {
            std::vector<std::string> rest(args.begin() + 1, args.end());
            if (std::find(rest.begin(), rest.end(), "--help") != rest.end()) {
                std::printf("%s\n", c.usage.c_str());
                return 0;
            }
            return c.run(rest);
        }
    }
    std::fprintf(stderr, "biaxial: unknown command '%s' (try biaxial help)\n", args[0].c_str());
    return 2;
}
