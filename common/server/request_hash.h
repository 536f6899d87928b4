// AIP-155: the SHA-256 of a request's deterministic serialisation, which decides whether a
// reused request_id is a retry of the same request or a different one.
#pragma once

#include <google/protobuf/message.h>

#include <string>

namespace fgc::server {

std::string RequestHash(const google::protobuf::Message& request);

}  // namespace fgc::server
