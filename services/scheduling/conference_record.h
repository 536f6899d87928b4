// How a conference is kept: the fgc.v1.Conference split into what may be stored in clear (its
// stage, transitions, coordinator, deadlines...) and its personal details (the referral's
// words, the children, those with parental responsibility), which are sealed under the
// conference's data key, so that erasing the key erases them everywhere, backups included.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "common/crypto/envelope.h"
#include "fgc/v1/conference.pb.h"

namespace fgc::scheduling {

struct ConferenceParts {
  v1::Conference record;    // no personal details
  v1::Conference personal;  // only personal details
};

ConferenceParts SplitConference(const v1::Conference& conference);

// The personal parts sealed (AES-256-GCM, bound to the conference's name) and back.
absl::StatusOr<std::string> SealPersonal(const v1::Conference& personal, const crypto::DataKey& key,
                                         const std::string& name);
// DATA_LOSS when the bytes were changed, or sealed for another conference or under another key.
absl::StatusOr<v1::Conference> OpenPersonal(const std::string& sealed, const crypto::DataKey& key,
                                            const std::string& name);

// A conference ID (the last segment of its name): 1-63 lower-case letters, digits and hyphens,
// starting with a letter.
bool IsValidConferenceId(std::string_view id);

// The whole conference again from its parts.
v1::Conference JoinConference(v1::Conference record, const v1::Conference& personal);

}  // namespace fgc::scheduling
