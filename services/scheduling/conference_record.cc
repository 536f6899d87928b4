#include "services/scheduling/conference_record.h"

namespace fgc::scheduling {
namespace {

constexpr char kPersonalField[] = "personal";

}  // namespace

ConferenceParts SplitConference(const v1::Conference& conference) {
  ConferenceParts parts;
  parts.record = conference;
  v1::Referral* referral = parts.record.mutable_referral();
  v1::Referral* personal_referral = parts.personal.mutable_referral();
  personal_referral->set_concerns(referral->concerns());
  *personal_referral->mutable_bottom_lines() = referral->bottom_lines();
  personal_referral->set_urgency_reason(referral->urgency_reason());
  personal_referral->set_safety_information(referral->safety_information());
  referral->clear_concerns();
  referral->clear_bottom_lines();
  referral->clear_urgency_reason();
  referral->clear_safety_information();
  *parts.personal.mutable_children() = conference.children();
  *parts.personal.mutable_parental_responsibility() = conference.parental_responsibility();
  parts.record.clear_children();
  parts.record.clear_parental_responsibility();
  return parts;
}

absl::StatusOr<std::string> SealPersonal(const v1::Conference& personal, const crypto::DataKey& key,
                                         const std::string& name) {
  std::string bytes;
  if (!personal.SerializeToString(&bytes)) {
    return absl::InternalError("cannot serialise a conference's personal details");
  }
  return crypto::SealField(key, bytes, name, kPersonalField);
}

absl::StatusOr<v1::Conference> OpenPersonal(const std::string& sealed, const crypto::DataKey& key,
                                            const std::string& name) {
  auto bytes = crypto::OpenField(key, sealed, name, kPersonalField);
  if (!bytes.ok()) return bytes.status();
  v1::Conference personal;
  if (!personal.ParseFromString(*bytes)) {
    return absl::DataLossError("a conference's personal details do not parse");
  }
  return personal;
}

bool IsValidConferenceId(std::string_view id) {
  if (id.empty() || id.size() > 63 || id[0] < 'a' || id[0] > 'z') return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

v1::Conference JoinConference(v1::Conference record, const v1::Conference& personal) {
  // The record holds none of the personal fields, so merging fills exactly those.
  record.MergeFrom(personal);
  return record;
}

}  // namespace fgc::scheduling
