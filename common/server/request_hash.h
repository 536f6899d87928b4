// AIP-155: the SHA-256 of a request's deterministic serialisation, which decides whether a
// reused request_id is a retry of the same request or a different one.
#pragma once

#include <google/protobuf/message.h>

#include <string>

#include "absl/status/statusor.h"
#include "common/db/request_log.h"

namespace fgc::server {

std::string RequestHash(const google::protobuf::Message& request);

// The key of `request` under `method` (its hash only when a request_id was given):
// INVALID_ARGUMENT (field request_id) when the id is longer than 128 characters.
absl::StatusOr<db::RequestKey> RequestKeyOf(const std::string& request_id, const char* method,
                                            const google::protobuf::Message& request);

}  // namespace fgc::server
