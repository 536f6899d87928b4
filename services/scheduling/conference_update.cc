#include "services/scheduling/conference_update.h"

#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "google/protobuf/util/time_util.h"
#include "services/scheduling/lifecycle/allocation_rules.h"
#include "services/scheduling/lifecycle/move_record.h"
#include "services/scheduling/lifecycle/referral_validation.h"

namespace fgc::scheduling {
namespace {

using google::protobuf::util::TimeUtil;

const std::set<std::string>& UpdatablePaths() {
  static const auto* paths = new std::set<std::string>{"urgency",
                                                       "time_zone",
                                                       "referral.agency_reference",
                                                       "referral.concerns",
                                                       "referral.bottom_lines",
                                                       "referral.urgency_reason",
                                                       "referral.safety_information",
                                                       "children",
                                                       "parental_responsibility",
                                                       "coordinator",
                                                       "acknowledge_time"};
  return *paths;
}

absl::Status CheckMask(const v1::UpdateConferenceRequest& req, bool agency_caller) {
  if (req.update_mask().paths().empty()) {
    return FieldError("update_mask", "name the fields to change");
  }
  for (const std::string& path : req.update_mask().paths()) {
    if (!UpdatablePaths().contains(path)) {
      return FieldError("update_mask", absl::StrCat(path, " cannot be updated ('*' is refused)"));
    }
    if (agency_caller && (path == "coordinator" || path == "acknowledge_time")) {
      return PermissionDenied("RESOURCE_NOT_PERMITTED",
                              absl::StrCat("only the FGC service changes ", path));
    }
  }
  return absl::OkStatus();
}

// Children keep their names (the subjects of ledger entries); a new child has none yet.
absl::Status CheckChildNames(const v1::Conference& current, const v1::Conference& requested) {
  std::set<std::string> known;
  for (const auto& child : current.children()) known.insert(child.name());
  for (int i = 0; i < requested.children_size(); ++i) {
    const std::string& name = requested.children(i).name();
    if (!name.empty() && !known.contains(name)) {
      return FieldError(absl::StrCat("conference.children[", i, "].name"),
                        "must be empty (a new child) or the name of one of this conference's");
    }
  }
  return absl::OkStatus();
}

void CopyPath(const std::string& path, const v1::Conference& from, v1::Conference& to) {
  v1::Referral& referral = *to.mutable_referral();
  if (path == "urgency") to.set_urgency(from.urgency());
  if (path == "time_zone") to.set_time_zone(from.time_zone());
  if (path == "referral.agency_reference") {
    referral.set_agency_reference(from.referral().agency_reference());
  }
  if (path == "referral.concerns") referral.set_concerns(from.referral().concerns());
  if (path == "referral.bottom_lines") {
    *referral.mutable_bottom_lines() = from.referral().bottom_lines();
  }
  if (path == "referral.urgency_reason") {
    referral.set_urgency_reason(from.referral().urgency_reason());
  }
  if (path == "referral.safety_information") {
    referral.set_safety_information(from.referral().safety_information());
  }
  if (path == "children") *to.mutable_children() = from.children();
  if (path == "parental_responsibility") {
    *to.mutable_parental_responsibility() = from.parental_responsibility();
  }
  if (path == "coordinator") *to.mutable_coordinator() = from.coordinator();
  if (path == "acknowledge_time") *to.mutable_acknowledge_time() = from.acknowledge_time();
}

absl::Status CheckAcknowledgement(const v1::Conference& current, const v1::Conference& updated,
                                  absl::Time now) {
  if (!updated.has_acknowledge_time()) {
    return FieldError("conference.acknowledge_time", "cannot be cleared");
  }
  if (current.has_acknowledge_time() &&
      !(current.acknowledge_time() == updated.acknowledge_time())) {
    return FieldError("conference.acknowledge_time", "is set once and was set already");
  }
  const absl::Time at =
      absl::FromUnixMicros(TimeUtil::TimestampToMicroseconds(updated.acknowledge_time()));
  if (at > now ||
      at < absl::FromUnixMicros(TimeUtil::TimestampToMicroseconds(current.create_time()))) {
    return FieldError("conference.acknowledge_time", "must lie between the referral and now");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::Conference> ApplyConferenceUpdate(const v1::Conference& current,
                                                     const v1::UpdateConferenceRequest& req,
                                                     const v1::Actor& actor, bool agency_caller,
                                                     absl::Time now) {
  if (absl::Status s = CheckMask(req, agency_caller); !s.ok()) return s;
  if (!req.conference().etag().empty() && req.conference().etag() != current.etag()) {
    return WithDetails(absl::AbortedError("the conference changed since you read it"),
                       {.reason = "ETAG_MISMATCH"});
  }
  if (current.stage() == v1::STAGE_CLOSED) return ConferenceClosed(current);
  if (absl::Status s = CheckChildNames(current, req.conference()); !s.ok()) return s;
  v1::Conference updated = current;
  for (const std::string& path : req.update_mask().paths()) {
    CopyPath(path, req.conference(), updated);
    if (path == "acknowledge_time") {
      if (absl::Status s = CheckAcknowledgement(current, updated, now); !s.ok()) return s;
    }
  }
  if (absl::Status s = ValidateNewConference(updated, now); !s.ok()) return s;
  if (updated.has_coordinator() &&
      updated.coordinator().subject() != current.coordinator().subject()) {
    if (updated.coordinator().subject().empty()) {
      return FieldError("conference.coordinator.subject", "is required");
    }
    absl::Status independent =
        CheckCoordinatorIndependent(updated.referral(), updated.coordinator(), actor);
    if (!independent.ok()) return independent;
  }
  *updated.mutable_update_time() = TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(now));
  return updated;
}

}  // namespace fgc::scheduling
