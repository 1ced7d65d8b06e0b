#pragma once

#include <functional>
#include <string>
#include <vector>

namespace biaxial::cli {

// One sub-command of the `biaxial` tool. Each command lives in its own file and registers
// itself with a static CommandRegistration, so adding a command touches no other file.
struct Command {
    std::string name;
    std::string summary;                                           // one line for `biaxial help`
    std::string usage;                                             // the full usage text
    std::function<int(const std::vector<std::string>& args)> run;  // args after the name
};

std::vector<Command>& commandRegistry();

struct CommandRegistration {
    explicit CommandRegistration(Command command) { commandRegistry().push_back(std::move(command)); }
};

}  // namespace biaxial::cli
