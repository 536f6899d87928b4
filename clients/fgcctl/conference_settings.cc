#include "clients/fgcctl/conference_settings.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/fgcctl/conference_text.h"
#include "clients/fgcctl/journey_arguments.h"
#include "clients/fgcctl/masked_change.h"
#include "google/protobuf/util/time_util.h"

namespace fgc::ctl {
namespace {

using google::protobuf::util::TimeUtil;

absl::Status Refuse(const std::string& path, const std::string& why) {
  return absl::InvalidArgumentError(absl::StrCat("--set ", path, ": ", why));
}

absl::Status AddPath(const std::string& path, ConferenceChange* change) {
  return AddMaskPath(path, &change->paths);
}

absl::Status SetTime(const std::string& value, absl::Time now, google::protobuf::Timestamp* t) {
  if (absl::AsciiStrToLower(value) == "now") {
    *t = TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(now));
    return absl::OkStatus();
  }
  if (!TimeUtil::FromString(value, t)) {
    return Refuse("acknowledge_time", "an RFC 3339 time, like 2025-03-03T09:30:00Z, or now");
  }
  return absl::OkStatus();
}

// `subject[,display name[,agency]]`: the subject is what bookings reserve, so it comes first.
absl::Status SetCoordinator(const std::string& value, v1::StaffMember* coordinator) {
  auto staff = ParseStaff(value);
  if (!staff.ok())
    return Refuse("coordinator", "subject[,display name[,agency]], the subject first");
  *coordinator = *std::move(staff);
  return absl::OkStatus();
}

absl::Status SetValue(const std::string& path, const std::string& value, absl::Time now,
                      v1::Conference* c) {
  v1::Referral* referral = c->mutable_referral();
  if (path == "urgency") {
    auto urgency = ParseUrgency(value);
    if (!urgency.ok()) return Refuse(path, std::string(urgency.status().message()));
    c->set_urgency(*urgency);
  } else if (path == "time_zone") {
    c->set_time_zone(value);
  } else if (path == "referral.concerns") {
    referral->set_concerns(value);
  } else if (path == "referral.agency_reference") {
    referral->set_agency_reference(value);
  } else if (path == "referral.urgency_reason") {
    referral->set_urgency_reason(value);
  } else if (path == "acknowledge_time") {
    return SetTime(value, now, c->mutable_acknowledge_time());
  } else if (path == "coordinator") {
    return SetCoordinator(value, c->mutable_coordinator());
  }
  return absl::OkStatus();
}

}  // namespace

const std::vector<std::string>& SettablePaths() {
  static const auto* paths = new std::vector<std::string>{
      "urgency",
      "time_zone",
      "referral.concerns",
      "referral.agency_reference",
      "referral.urgency_reason",
      "acknowledge_time",
      "coordinator",
  };
  return *paths;
}

absl::Status ApplySetting(const std::string& setting, absl::Time now, ConferenceChange* change) {
  const size_t equals = setting.find('=');
  if (equals == std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("--set ", setting, ": write path=value, for example urgency=urgent"));
  }
  const std::string path = setting.substr(0, equals);
  const std::string value = setting.substr(equals + 1);
  const auto& settable = SettablePaths();
  if (std::find(settable.begin(), settable.end(), path) == settable.end()) {
    return Refuse(path, absl::StrCat("--set takes ", absl::StrJoin(settable, ", "),
                                     "; give other fields with --from FILE --mask PATHS"));
  }
  if (absl::Status s = AddPath(path, change); !s.ok()) return s;
  return SetValue(path, value, now, &change->conference);
}

absl::Status ApplyMaskedFile(const v1::Conference& from, const std::string& mask,
                             ConferenceChange* change) {
  return ApplyMaskedMessage(from, mask, &change->conference, &change->paths);
}

}  // namespace fgc::ctl
