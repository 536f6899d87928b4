#include "common/base/errors.h"

#include <utility>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"

namespace fgc {
namespace {

// Details travel inside absl::Status as a JSON payload under a type URL of our own: JSON keeps
// common/base free of generated protobuf code.
constexpr std::string_view kPayloadUrl = "type.googleapis.com/fgc.v1.internal.ErrorDetails";

nlohmann::json ToJson(const ErrorDetails& d) {
  nlohmann::json j;
  j["reason"] = d.reason;
  j["metadata"] = d.metadata;
  j["fields"] = nlohmann::json::array();
  for (const auto& v : d.field_violations) {
    j["fields"].push_back({{"field", v.field}, {"description", v.description}});
  }
  j["preconditions"] = nlohmann::json::array();
  for (const auto& v : d.precondition_violations) {
    j["preconditions"].push_back(
        {{"type", v.type}, {"subject", v.subject}, {"description", v.description}});
  }
  j["resource_type"] = d.resource_type;
  j["resource_name"] = d.resource_name;
  return j;
}

std::optional<ErrorDetails> FromJson(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  ErrorDetails d;
  d.reason = j.value("reason", "");
  if (j.contains("metadata") && j["metadata"].is_object()) {
    for (const auto& [k, v] : j["metadata"].items()) {
      if (v.is_string()) d.metadata[k] = v.get<std::string>();
    }
  }
  for (const auto& v : j.value("fields", nlohmann::json::array())) {
    d.field_violations.push_back({v.value("field", ""), v.value("description", "")});
  }
  for (const auto& v : j.value("preconditions", nlohmann::json::array())) {
    d.precondition_violations.push_back(
        {v.value("type", ""), v.value("subject", ""), v.value("description", "")});
  }
  d.resource_type = j.value("resource_type", "");
  d.resource_name = j.value("resource_name", "");
  return d;
}

}  // namespace

absl::Status WithDetails(absl::Status status, const ErrorDetails& details) {
  if (status.ok()) return status;
  status.SetPayload(std::string(kPayloadUrl), absl::Cord(ToJson(details).dump()));
  return status;
}

std::optional<ErrorDetails> DetailsOf(const absl::Status& status) {
  auto payload = status.GetPayload(std::string(kPayloadUrl));
  if (!payload.has_value()) return std::nullopt;
  return FromJson(std::string(*payload));
}

absl::Status InvalidArgument(std::string_view reason, std::string_view message,
                             std::vector<FieldViolation> violations) {
  ErrorDetails d;
  d.reason = std::string(reason);
  d.field_violations = std::move(violations);
  return WithDetails(absl::InvalidArgumentError(std::string(message)), d);
}

absl::Status FieldError(std::string_view field, std::string_view description) {
  return InvalidArgument("INVALID_FIELD",
                         absl::StrCat(std::string(field), ": ", std::string(description)),
                         {{std::string(field), std::string(description)}});
}

absl::Status FailedPrecondition(std::string_view reason, std::string_view message,
                                std::vector<PreconditionViolation> violations) {
  ErrorDetails d;
  d.reason = std::string(reason);
  d.precondition_violations = std::move(violations);
  return WithDetails(absl::FailedPreconditionError(std::string(message)), d);
}

absl::Status NotFound(std::string_view resource_type, std::string_view resource_name) {
  ErrorDetails d;
  d.reason = "RESOURCE_NOT_FOUND";
  d.resource_type = std::string(resource_type);
  d.resource_name = std::string(resource_name);
  return WithDetails(
      absl::NotFoundError(absl::StrCat(std::string(resource_name), " was not found")), d);
}

absl::Status AlreadyExists(std::string_view resource_type, std::string_view resource_name,
                           std::string_view message) {
  ErrorDetails d;
  d.reason = "RESOURCE_ALREADY_EXISTS";
  d.resource_type = std::string(resource_type);
  d.resource_name = std::string(resource_name);
  return WithDetails(absl::AlreadyExistsError(std::string(message)), d);
}

absl::Status PermissionDenied(std::string_view reason, std::string_view message) {
  ErrorDetails d;
  d.reason = std::string(reason);
  return WithDetails(absl::PermissionDeniedError(std::string(message)), d);
}

absl::Status Unauthenticated(std::string_view reason, std::string_view message) {
  ErrorDetails d;
  d.reason = std::string(reason);
  return WithDetails(absl::UnauthenticatedError(std::string(message)), d);
}

absl::Status Unimplemented(std::string_view method) {
  ErrorDetails d;
  d.reason = "METHOD_NOT_YET_AVAILABLE";
  d.metadata["method"] = std::string(method);
  return WithDetails(absl::UnimplementedError(absl::StrCat(
                         std::string(method), " is not available in this release yet")),
                     d);
}

std::string_view DefaultReason(absl::StatusCode code) {
  // Fallbacks for statuses that carry no specific reason; every one is a value of the
  // contract's fgc.v1.ErrorReason catalogue (proto/fgc/v1/error_reason.proto).
  switch (code) {
    case absl::StatusCode::kCancelled:
      return "CANCELLED";
    case absl::StatusCode::kInvalidArgument:
      return "MALFORMED_REQUEST";
    case absl::StatusCode::kDeadlineExceeded:
      return "DEADLINE_EXCEEDED";
    case absl::StatusCode::kNotFound:
      return "RESOURCE_NOT_FOUND";
    case absl::StatusCode::kAlreadyExists:
      return "RESOURCE_ALREADY_EXISTS";
    case absl::StatusCode::kPermissionDenied:
      return "RESOURCE_NOT_PERMITTED";
    case absl::StatusCode::kResourceExhausted:
      return "RATE_LIMITED";
    case absl::StatusCode::kFailedPrecondition:
      return "PRECONDITION_FAILED";
    case absl::StatusCode::kAborted:
      return "CONCURRENT_MODIFICATION";
    case absl::StatusCode::kOutOfRange:
      return "TREE_SIZE_OUT_OF_RANGE";
    case absl::StatusCode::kUnimplemented:
      return "METHOD_NOT_YET_AVAILABLE";
    case absl::StatusCode::kUnavailable:
      return "SERVICE_UNAVAILABLE";
    case absl::StatusCode::kUnauthenticated:
      return "INVALID_TOKEN";
    default:
      return "INTERNAL";  // kOk never reaches the wire; kUnknown, kInternal, kDataLoss
  }
}

}  // namespace fgc
