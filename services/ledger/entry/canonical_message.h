// Any protobuf message as canonical JSON by the rules of leaf_data.h (proto field names, set
// fields only, int64 as strings, enums by name, RFC 3339 timestamps, RFC 8785 ordering and
// escaping), and back. Written with protobuf reflection rather than protobuf's JSON printer,
// whose output is not promised to stay the same. Internal to the entry model.
#pragma once

#include <map>
#include <string>

#include "absl/status/status.h"
#include "google/protobuf/message.h"
#include "nlohmann/json.hpp"

namespace fgc::ledger {

// Appends `message` as one JSON object. `extra` adds members that are not fields (name -> the
// member's value as canonical JSON text), sorted in among the fields; their names must not be
// field names. INVALID_ARGUMENT for a string that is not UTF-8, a timestamp out of range, or a
// field type the format does not define (float, double, map).
absl::Status AppendCanonicalObject(const google::protobuf::Message& message,
                                   const std::map<std::string, std::string>& extra,
                                   std::string* out);

// Sets the fields of `message` from a JSON object written by AppendCanonicalObject.
// INVALID_ARGUMENT, naming the member, for an unknown member or a value of the wrong shape.
// Acceptance here does not prove the text canonical; callers compare a re-serialisation.
absl::Status ReadCanonicalObject(const nlohmann::json& object, google::protobuf::Message* message);

}  // namespace fgc::ledger
