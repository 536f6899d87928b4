#include "common/db/service_names.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace fgc::db {

absl::StatusOr<ServiceNames> NamesForService(std::string_view service_view) {
  const std::string service(service_view);
  bool valid = !service.empty() && service.size() <= 40 && absl::ascii_islower(service[0]);
  for (char c : service) {
    valid = valid && (absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '_');
  }
  if (!valid) {
    return absl::InvalidArgumentError(absl::StrCat(
        "service name '", service, "' must be a lower-case identifier of at most 40 characters"));
  }
  // Schemas PostgreSQL has or reserves.
  if (service == "public" || service == "information_schema" || absl::StartsWith(service, "pg_")) {
    return absl::InvalidArgumentError(absl::StrCat("service name '", service, "' is reserved"));
  }
  return ServiceNames{service, absl::StrCat("fgc_", service)};
}

}  // namespace fgc::db
