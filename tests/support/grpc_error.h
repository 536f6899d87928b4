// What a test reads from a gRPC error's google.rpc details (AIP-193): the ErrorInfo reason and
// the BadRequest field violations.
#pragma once

#include <grpcpp/grpcpp.h>

#include <set>
#include <string>

namespace fgc::testing {

// The ErrorInfo reason, or "" when the status carries none.
std::string ReasonOf(const grpc::Status& status);

// The fields named by BadRequest violations.
std::set<std::string> FieldsOf(const grpc::Status& status);

}  // namespace fgc::testing
