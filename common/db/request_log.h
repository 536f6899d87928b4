// AIP-155 idempotency for a service's mutations, inside the mutation's own transaction: the
// `request_log` table (each service's migration 001) keeps every request_id with a hash of the
// request and the response it gave, so a retry gets the first response and a reused id with
// another request is refused.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>

#include "absl/status/statusor.h"

namespace fgc::db {

// A mutation's AIP-155 identity; an empty request_id means the caller did not ask for it.
struct RequestKey {
  std::string request_id;
  std::string method;
  std::string request_hash;
};

// The response stored for `request_id`, if it was seen: nullopt when it is new, INVALID_ARGUMENT
// (REQUEST_ID_REUSED, field request_id) when it was used for another request or method. Locks
// nothing: a concurrent first use is caught by RecordRequest's unique key.
absl::StatusOr<std::optional<std::string>> ReplayedResponse(pqxx::work& tx,
                                                            const std::string& tenant,
                                                            const std::string& request_id,
                                                            const std::string& method,
                                                            const std::string& request_hash);

// Stores the response of a request done in `tx`. When another transaction recorded the same
// request_id first, the statement fails with a unique violation and `tx` rolls back: ABORTED,
// which the caller's retry turns into a replay.
void RecordRequest(pqxx::work& tx, const std::string& tenant, const std::string& request_id,
                   const std::string& method, const std::string& request_hash,
                   const std::string& response);

// The same, for a RequestKey.
void RecordRequest(pqxx::work& tx, const std::string& tenant, const RequestKey& request,
                   const std::string& response);

}  // namespace fgc::db
