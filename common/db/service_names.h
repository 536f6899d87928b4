// The PostgreSQL names that belong to one service: its schema and the role that owns it.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace fgc::db {

struct ServiceNames {
  std::string schema;  // the service name itself, e.g. "scheduling"
  std::string role;    // "fgc_" + the service name, e.g. "fgc_scheduling"
};

// Validates `service` (a lower-case identifier: [a-z][a-z0-9_]*, at most 40 characters, so
// the role name stays within PostgreSQL's 63) and derives its names.
absl::StatusOr<ServiceNames> NamesForService(std::string_view service);

}  // namespace fgc::db
