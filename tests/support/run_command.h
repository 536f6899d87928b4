// Runs a program from $FGC_BIN_DIR to completion and captures what it printed, for
// end-to-end tests of command-line clients such as fgcctl.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace fgc::testing {

struct CommandResult {
  int exit_code = -1;  // -1 when it did not exit by itself before the timeout (then killed)
  std::string out;
  std::string err;
};

CommandResult RunCommand(const std::string& program, std::vector<std::string> args,
                         const std::map<std::string, std::string>& env = {},
                         std::chrono::milliseconds timeout = std::chrono::seconds(30));

}  // namespace fgc::testing
