// How fgcctl reports the outcome of a call it made: a write with the request id to retry it
// under, a failed write with what to do next, and a document (an SVG, a calendar) written to a
// file or to stdout.
#pragma once

#include <grpcpp/support/status.h>

#include <string>

#include "absl/status/status.h"
#include "google/protobuf/message.h"

namespace fgc::ctl {

// Unusable input (a flag or file that cannot be read): the status's message on stderr; exit 2.
int ReportUnusableInput(const absl::Status& status, bool json);

// `text` then the request id, or with `json` the response as protobuf JSON with "request_id"
// first. Returns 0.
int PrintWritten(const google::protobuf::Message& response, const std::string& text,
                 const std::string& request_id, bool json);

// ReportFailure, and then the advice: for ABORTED, to read again before deciding; for a failure
// that may have been passing, the flags (`retry_flags`, the request id at least) that repeat
// the request exactly.
int ReportWriteFailure(const grpc::Status& status, const std::string& retry_flags, bool json);

// A document a response carries (`payload`, the bytes of its field `payload_field`), written to
// the file `out`, or to stdout when `out` is empty or "-". With `json`: to stdout, the whole
// response; to a file, the response without the payload and "out" naming the file. Human, to a
// file: "wrote <what> to <out>". 0, or 1 when the file cannot be written.
int PrintDocument(const google::protobuf::Message& response, const std::string& payload,
                  const std::string& payload_field, const std::string& out, const std::string& what,
                  bool json);

}  // namespace fgc::ctl
