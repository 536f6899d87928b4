// Whole files for tests: what a command wrote, and the inputs a test hands to one.
#pragma once

#include <string>

namespace fgc::testing {

// The file's bytes; empty when it cannot be read.
std::string ReadFile(const std::string& path);
// Replaces the file with `text`.
void WriteFile(const std::string& path, const std::string& text);

}  // namespace fgc::testing
