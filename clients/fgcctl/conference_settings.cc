#include "clients/fgcctl/conference_settings.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "clients/fgcctl/conference_text.h"
#include "google/protobuf/field_mask.pb.h"
#include "google/protobuf/util/field_mask_util.h"
#include "google/protobuf/util/time_util.h"

namespace fgc::ctl {
namespace {

using google::protobuf::util::FieldMaskUtil;
using google::protobuf::util::TimeUtil;

absl::Status Refuse(const std::string& path, const std::string& why) {
  return absl::InvalidArgumentError(absl::StrCat("--set ", path, ": ", why));
}

absl::Status AddPath(const std::string& path, ConferenceChange* change) {
  if (std::find(change->paths.begin(), change->paths.end(), path) != change->paths.end()) {
    return absl::InvalidArgumentError(absl::StrCat(path, " is named twice"));
  }
  change->paths.push_back(path);
  return absl::OkStatus();
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
  std::vector<std::string> parts = absl::StrSplit(value, absl::MaxSplits(',', 2));
  for (std::string& part : parts) absl::StripAsciiWhitespace(&part);
  if (parts.empty() || parts[0].empty()) {
    return Refuse("coordinator", "subject[,display name[,agency]], the subject first");
  }
  coordinator->Clear();
  coordinator->set_subject(parts[0]);
  if (parts.size() > 1) coordinator->set_display_name(parts[1]);
  if (parts.size() > 2) coordinator->set_agency(parts[2]);
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
  google::protobuf::FieldMask field_mask;
  for (absl::string_view part : absl::StrSplit(mask, ',', absl::SkipWhitespace())) {
    std::string path(absl::StripAsciiWhitespace(part));
    if (!FieldMaskUtil::IsValidPath<v1::Conference>(path)) {
      return absl::InvalidArgumentError(
          absl::StrCat("--mask: ", path, " is not a field of a Conference"));
    }
    if (absl::Status s = AddPath(path, change); !s.ok()) return s;
    field_mask.add_paths(path);
  }
  if (field_mask.paths().empty()) {
    return absl::InvalidArgumentError("--mask: name the fields to take from the file");
  }
  FieldMaskUtil::MergeOptions options;
  options.set_replace_message_fields(true);
  options.set_replace_repeated_fields(true);
  FieldMaskUtil::MergeMessageTo(from, field_mask, options, &change->conference);
  return absl::OkStatus();
}

}  // namespace fgc::ctl
