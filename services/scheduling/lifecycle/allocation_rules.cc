#include "services/scheduling/lifecycle/allocation_rules.h"

#include <map>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"

namespace fgc::scheduling {
namespace {

bool SameAgency(const std::string& a, const std::string& b) {
  return !a.empty() && !b.empty() && absl::EqualsIgnoreCase(a, b);
}

std::string RefusalDescription(const ConsentVerdict* verdict) {
  if (verdict == nullptr) return "no consent check answered for this child";
  if (AllowsProceeding(verdict->result)) return "the consent check named no ledger entry";
  switch (verdict->result) {
    case v1::CONSENT_CHECK_RESULT_NO_CONSENT:
      return "no consent to the referral has been recorded";
    case v1::CONSENT_CHECK_RESULT_REFUSED:
      return absl::StrCat("consent to the referral was refused (", verdict->entry, ")");
    case v1::CONSENT_CHECK_RESULT_WITHDRAWN:
      return absl::StrCat("consent to the referral was withdrawn (", verdict->entry, ")");
    case v1::CONSENT_CHECK_RESULT_EXPIRED:
      return absl::StrCat("consent to the referral has expired or is not yet in effect (",
                          verdict->entry, ")");
    default:
      return "the consent check gave no answer";
  }
}

}  // namespace

bool AllowsProceeding(v1::ConsentCheckResult result) {
  return result == v1::CONSENT_CHECK_RESULT_CONSENT_GIVEN ||
         result == v1::CONSENT_CHECK_RESULT_POWER_IN_FORCE;
}

absl::StatusOr<std::string> ConsentBasis(const v1::Conference& conference,
                                         const std::vector<ConsentVerdict>& verdicts) {
  std::map<std::string, const ConsentVerdict*> by_child;
  for (const ConsentVerdict& verdict : verdicts) by_child.emplace(verdict.child, &verdict);
  std::vector<PreconditionViolation> violations;
  std::string basis;
  for (const v1::Child& child : conference.children()) {
    const auto found = by_child.find(child.name());
    const ConsentVerdict* verdict = found == by_child.end() ? nullptr : found->second;
    if (verdict != nullptr && AllowsProceeding(verdict->result) && !verdict->entry.empty()) {
      if (basis.empty()) basis = verdict->entry;
      continue;
    }
    violations.push_back({"CONSENT_REQUIRED", child.name(), RefusalDescription(verdict)});
  }
  if (conference.children().empty()) {
    violations.push_back({"CONSENT_REQUIRED", conference.name(), "the conference names no child"});
  }
  if (!violations.empty()) {
    return FailedPrecondition(
        "CONSENT_REQUIRED",
        "the referral needs consent, or a power record in force, for every child before a "
        "coordinator is allocated",
        std::move(violations));
  }
  return basis;
}

absl::Status CheckCoordinatorIndependent(const v1::Referral& referral,
                                         const v1::StaffMember& coordinator,
                                         const v1::Actor& caller) {
  const std::string& subject = coordinator.subject();
  std::vector<PreconditionViolation> violations;
  if (!subject.empty() && subject == referral.referrer().subject()) {
    violations.push_back(
        {"COORDINATOR_NOT_INDEPENDENT", subject, "the coordinator is the referrer"});
  }
  std::vector<std::string> agencies = {coordinator.agency()};
  if (!subject.empty() && subject == caller.subject()) agencies.push_back(caller.agency());
  for (const std::string& agency : agencies) {
    if (SameAgency(agency, referral.referring_agency()) ||
        SameAgency(agency, referral.referrer().agency())) {
      violations.push_back({"COORDINATOR_NOT_INDEPENDENT", subject,
                            absl::StrCat("the coordinator is of the referring agency ", agency)});
      break;
    }
  }
  if (violations.empty()) return absl::OkStatus();
  return FailedPrecondition("COORDINATOR_NOT_INDEPENDENT",
                            "an FGC coordinator must be independent of the referral",
                            std::move(violations));
}

}  // namespace fgc::scheduling
