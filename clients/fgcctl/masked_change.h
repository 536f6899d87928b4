// What an Update method is sent: the new values in a message and the update_mask paths they
// fill, from `--set path=value` for top-level scalar fields and from a protobuf JSON file with
// `--mask` for the rest. Shared by every `update` command, whatever the message.
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "google/protobuf/message.h"

namespace fgc::ctl {

// Adds `path` to the mask; INVALID_ARGUMENT when it is there already.
absl::Status AddMaskPath(const std::string& path, std::vector<std::string>* paths);

// Takes the fields named in `mask` (comma-separated paths) from `from` into `to` (same type),
// replacing repeated and message fields whole. INVALID_ARGUMENT for an empty mask, a path that
// is not a field of the message, or a path named twice.
absl::Status ApplyMaskedMessage(const google::protobuf::Message& from, const std::string& mask,
                                google::protobuf::Message* to, std::vector<std::string>* paths);

// Applies `path=value` (split at the first '=') to a top-level string, enum (by its word) or
// integer field named in `settable`. INVALID_ARGUMENT naming what --set takes otherwise.
absl::Status ApplyScalarSetting(const std::string& setting,
                                const std::vector<std::string>& settable,
                                google::protobuf::Message* to, std::vector<std::string>* paths);

}  // namespace fgc::ctl
