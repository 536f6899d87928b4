// How fgcctl reports a failed call: the gRPC code, message and every google.rpc detail
// (ErrorInfo, BadRequest, PreconditionFailure, ResourceInfo) on stderr, as text or JSON.
#pragma once

#include <grpcpp/support/status.h>

#include <string>

namespace fgc::ctl {

std::string DescribeStatus(const grpc::Status& status, bool json);

// Prints DescribeStatus to stderr and returns the exit code for it (never 0).
int ReportFailure(const grpc::Status& status, bool json);

// True for the failures that may have been passing (the server unreachable, the call cut
// short, a conflict): the same write, retried under its request id, may then succeed.
bool MayHaveBeenTransient(grpc::StatusCode code);

}  // namespace fgc::ctl
