// Domain errors as values: absl::Status with structured details (AIP-193) attached as a
// payload, so domain code can say *why* without knowing gRPC; the server edge turns them into
// google.rpc.Status details (common/server/grpc_status.h).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace fgc {

// One bad field of a request (google.rpc.BadRequest.FieldViolation). `field` is a path such
// as "conference.time_zone" or "members[2].name".
struct FieldViolation {
  std::string field;
  std::string description;
};

// One unmet state rule (google.rpc.PreconditionFailure.Violation). `type` is a short
// UPPER_SNAKE_CASE category, `subject` names what failed (often a resource name).
struct PreconditionViolation {
  std::string type;
  std::string subject;
  std::string description;
};

// Everything AIP-193 lets fgc say about an error. `reason` is UPPER_SNAKE_CASE and becomes the
// one google.rpc.ErrorInfo of the response (domain "fgc.v1").
struct ErrorDetails {
  std::string reason;
  std::map<std::string, std::string> metadata;
  std::vector<FieldViolation> field_violations;
  std::vector<PreconditionViolation> precondition_violations;
  std::string resource_type;  // google.rpc.ResourceInfo, for NOT_FOUND and ALREADY_EXISTS
  std::string resource_name;
};

// Attaches details to a status (replacing any earlier details). An OK status stays OK.
absl::Status WithDetails(absl::Status status, const ErrorDetails& details);

// The details attached to `status`, if any.
std::optional<ErrorDetails> DetailsOf(const absl::Status& status);

// Constructors for the errors fgc returns most. Messages are for people: plain, no SQL, no
// stack, no secrets.
absl::Status InvalidArgument(std::string_view reason, std::string_view message,
                             std::vector<FieldViolation> violations);
absl::Status FieldError(std::string_view field, std::string_view description);
absl::Status FailedPrecondition(std::string_view reason, std::string_view message,
                                std::vector<PreconditionViolation> violations = {});
absl::Status NotFound(std::string_view resource_type, std::string_view resource_name);
absl::Status AlreadyExists(std::string_view resource_type, std::string_view resource_name,
                           std::string_view message);
absl::Status PermissionDenied(std::string_view reason, std::string_view message);
absl::Status Unauthenticated(std::string_view reason, std::string_view message);
absl::Status Unimplemented(std::string_view method);

// The default ErrorInfo reason for a code, used when a status carries no details.
std::string_view DefaultReason(absl::StatusCode code);

}  // namespace fgc
