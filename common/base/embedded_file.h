// A text file compiled into the binary by cmake/EmbedFiles.cmake (migrations, data tables).
#pragma once

#include <string_view>

namespace fgc {

struct EmbeddedFile {
  std::string_view name;      // file name without directory, e.g. "001_init.sql"
  std::string_view contents;  // the file's bytes
};

}  // namespace fgc
