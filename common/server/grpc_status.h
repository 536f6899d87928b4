// The one place where domain errors become gRPC statuses (AIP-193): canonical code, exactly
// one google.rpc.ErrorInfo (domain "fgc.v1"), and BadRequest, PreconditionFailure or
// ResourceInfo details, carried in the grpc-status-details-bin trailer.
#pragma once

#include <grpcpp/support/status.h>

#include "absl/status/status.h"
#include "google/rpc/status.pb.h"

namespace fgc::server {

inline constexpr char kErrorDomain[] = "fgc.v1";

// Converts a domain status for the wire. INTERNAL and UNKNOWN messages are replaced with a
// generic sentence (the original is logged with the request id), so no SQL text, path or stack
// ever reaches a caller.
grpc::Status ToGrpcStatus(const absl::Status& status);

// Reads the google.rpc.Status details a server attached (for clients such as fgcctl). Returns
// a Status with only code and message when there are none or they do not parse.
google::rpc::Status RichStatusOf(const grpc::Status& status);

// The other way: a status another fgc service answered, as a domain status with its details
// (reason, field and precondition violations, resource), so a service can pass on a peer's
// verdict in the same words.
absl::Status FromGrpcStatus(const grpc::Status& status);

}  // namespace fgc::server
