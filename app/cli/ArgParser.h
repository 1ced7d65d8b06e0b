#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace biaxial::cli {

// Minimal `--name value` / `--flag` parser for the sub-commands. Unknown options are an
// error naming the option, so a typo never silently falls back to a default.
class ArgParser {
public:
    // `valued`: options that take a value; `flags`: options that do not.
    ArgParser(std::set<std::string> valued, std::set<std::string> flags);
    // Returns false and fills error() on a bad command line.
    bool parse(const std::vector<std::string>& args);

    bool has(const std::string& name) const;
    std::string get(const std::string& name, const std::string& fallback = "") const;
    // Parses a number; on a malformed value records an error and returns the fallback.
    // "a,b,,c" -> {"a", "b", "c"}: the value split at `separator`, empty items dropped; empty
    // when the option is absent.
    std::vector<std::string> getList(const std::string& name, char separator) const;
    int getInt(const std::string& name, int fallback);
    double getDouble(const std::string& name, double fallback);
    const std::vector<std::string>& positional() const { return positional_; }
    const std::string& error() const { return error_; }

private:
    std::set<std::string> valued_, flags_;
    std::map<std::string, std::string> values_;
    std::vector<std::string> positional_;
    std::string error_;
};

}  // namespace biaxial::cli
