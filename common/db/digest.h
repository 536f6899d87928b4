// SHA-256 in hex, for migration checksums and the name of a relocated cluster directory.
#pragma once

#include <string>
#include <string_view>

namespace fgc::db {

// Lower-case hex SHA-256 of `bytes` (64 characters).
std::string Sha256Hex(std::string_view bytes);

}  // namespace fgc::db
