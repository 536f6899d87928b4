// What `fgcctl conference update` sends: the new values and the update_mask paths they fill,
// built from `--set path=value` for the scalar fields and from a protobuf JSON file with
// `--mask` for the rest (bottom lines, children, parental responsibility, safety information).
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "fgc/v1/conference.pb.h"

namespace fgc::ctl {

// The paths `--set` accepts, in the order the help lists them.
const std::vector<std::string>& SettablePaths();

struct ConferenceChange {
  v1::Conference conference;       // the new values; only `paths` are read by the service
  std::vector<std::string> paths;  // the update_mask, each path once
};

// Applies one `path=value` (split at the first '='). Values: urgency `standard` or `urgent`;
// acknowledge_time an RFC 3339 time or `now`; coordinator `subject[,display name[,agency]]`;
// the text fields as given. INVALID_ARGUMENT naming the path and what it accepts, or a path
// already in the change.
absl::Status ApplySetting(const std::string& setting, absl::Time now, ConferenceChange* change);

// Takes the fields named in `mask` (comma-separated update_mask paths) from `from`, which a
// file gave. INVALID_ARGUMENT for an empty mask or a path named twice; the service judges
// whether each path may be updated.
absl::Status ApplyMaskedFile(const v1::Conference& from, const std::string& mask,
                             ConferenceChange* change);

}  // namespace fgc::ctl
