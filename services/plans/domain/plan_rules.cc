#include "services/plans/domain/plan_rules.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/base/field_violations.h"
#include "common/base/proto_time.h"
#include "common/checks/common_messages.h"
#include "services/plans/domain/plan_content_rules.h"
#include "services/plans/domain/plan_diff.h"

namespace fgc::plans {
namespace {

using checks::CheckLegalBasis;
using checks::CheckMoney;
using checks::CheckStaffMember;
using checks::CheckTime;
using checks::Given;
using checks::RequiredEnum;

// The ledger accepts times a client's clock puts this far ahead of its own
// (services/ledger/entry/entry_validation.h); so does this check of when the family was told.
constexpr absl::Duration kClockSkew = absl::Minutes(5);
constexpr size_t kMaxPowerReasonsChars = 10000;  // PowerDetails.reasons
constexpr size_t kMaxDecisionChars = 2000;       // LedgerEntry.decision
constexpr int kMaxAffected = 20;                 // PowerDetails.affected
constexpr size_t kMaxPartyTextChars = 200;       // Party.display_name, relationship

// A family_told at `path`, where `given` says whether the request set it: the ledger's checks
// (common/checks), and present when `required`.
void CheckFamilyTold(FieldViolations& v, const std::string& path, bool given,
                     const v1::FamilyTold& told, bool required, absl::Time latest) {
  if (!given) {
    if (required) v.Add(path, "say whether and how the family was told");
    return;
  }
  checks::CheckFamilyTold(v, path, told, latest);
}

bool HasItem(const v1::PlanContent& content, const std::string& item_id) {
  return std::any_of(content.items().begin(), content.items().end(),
                     [&](const v1::PlanItem& item) { return item.item_id() == item_id; });
}

// A POWER_USED record about the conference's first child, occurring now.
v1::LedgerEntry PowerUsed(const v1::Conference& conference, v1::PowerKind kind,
                          std::string_view decision, const std::string& related, absl::Time now) {
  v1::LedgerEntry entry;
  entry.set_kind(v1::LEDGER_ENTRY_KIND_POWER_USED);
  entry.set_conference(conference.name());
  entry.set_subject(conference.children_size() > 0 ? conference.children(0).name() : "");
  entry.set_decision(Shortened(decision, kMaxDecisionChars));
  entry.set_related_resource(related);
  *entry.mutable_occur_time() = ToTimestamp(now);
  v1::PowerDetails& power = *entry.mutable_power();
  power.set_power(kind);
  // The family the power is used on: those with parental responsibility, as the referral names
  // them.
  for (const v1::ResponsiblePerson& person : conference.parental_responsibility()) {
    if (power.affected_size() == kMaxAffected) break;
    if (Given(person.display_name()).empty()) continue;
    v1::Party& party = *power.add_affected();
    party.set_display_name(Shortened(person.display_name(), kMaxPartyTextChars));
    party.set_relationship(Shortened(person.relationship(), kMaxPartyTextChars));
  }
  return entry;
}

// The record's reasons: the decision's, then more under a heading, within the ledger's limit.
std::string PowerReasons(absl::string_view reasons, absl::string_view heading,
                         absl::string_view more) {
  std::string text(reasons);
  if (!more.empty()) absl::StrAppend(&text, "\n\n", heading, ": ", more);
  return Shortened(text, kMaxPowerReasonsChars);
}

}  // namespace

absl::Status CheckDraftEditable(const v1::Plan& plan) {
  switch (plan.state()) {
    case v1::PLAN_STATE_DRAFTING:
    case v1::PLAN_STATE_REVISING:
    case v1::PLAN_STATE_AGREED:
    case v1::PLAN_STATE_DECLINED:
      return absl::OkStatus();
    case v1::PLAN_STATE_SUBMITTED:
      return FailedPrecondition(
          "PLAN_NOT_EDITABLE",
          "the plan awaits the referrer's decision; the draft can change once they decide",
          {{"PLAN_NOT_EDITABLE", plan.name(), "a submitted version awaits the referrer"}});
    default:
      return FailedPrecondition("PLAN_NOT_EDITABLE", "the plan's draft cannot be edited now",
                                {{"PLAN_NOT_EDITABLE", plan.name(),
                                  absl::StrCat("state ", v1::PlanState_Name(plan.state()))}});
  }
}

absl::Status CheckStageForSubmission(const v1::Conference& conference) {
  switch (conference.stage()) {
    case v1::STAGE_PRIVATE_FAMILY_TIME:
    case v1::STAGE_PLAN_AGREEMENT:
    case v1::STAGE_PLAN_REVISION:
    case v1::STAGE_FOLLOW_UP:
      return absl::OkStatus();
    case v1::STAGE_CLOSED:
      return FailedPrecondition("CONFERENCE_CLOSED", "the conference is closed",
                                {{"fgc.v1.Conference", conference.name(), "closed"}});
    default:
      return FailedPrecondition(
          "PRECONDITION_FAILED",
          "the family makes its plan in private family time: submit it once that has begun",
          {{"STAGE", conference.name(), v1::Stage_Name(conference.stage())}});
  }
}

absl::StatusOr<v1::PlanVersion> Submit(v1::Plan& plan, int number, const v1::Actor& by,
                                       absl::Time now) {
  if (absl::Status editable = CheckDraftEditable(plan); !editable.ok()) return editable;
  AssignItemIds(*plan.mutable_draft());
  v1::PlanVersion version;
  version.set_name(absl::StrCat(plan.name(), "/versions/", number));
  version.set_version_number(number);
  *version.mutable_content() = plan.draft();
  version.set_state(v1::PLAN_VERSION_STATE_AWAITING_DECISION);
  *version.mutable_submit_time() = ToTimestamp(now);
  *version.mutable_submitted_by() = by;
  plan.set_state(v1::PLAN_STATE_SUBMITTED);
  plan.set_latest_version(version.name());
  plan.clear_revision_deadline();
  *plan.mutable_update_time() = ToTimestamp(now);
  return version;
}

bool Supersede(v1::PlanVersion& earlier) {
  if (earlier.state() != v1::PLAN_VERSION_STATE_AWAITING_DECISION &&
      earlier.state() != v1::PLAN_VERSION_STATE_MORE_TIME) {
    return false;
  }
  earlier.set_state(v1::PLAN_VERSION_STATE_SUPERSEDED);
  return true;
}

absl::Status CheckOpenForDecision(const v1::Plan& plan, const v1::PlanVersion& version) {
  if (version.name() != plan.latest_version() ||
      version.state() == v1::PLAN_VERSION_STATE_SUPERSEDED) {
    return FailedPrecondition(
        "PLAN_VERSION_SUPERSEDED",
        "a later version of the plan has been submitted; decisions are taken on the latest",
        {{"PLAN_VERSION_SUPERSEDED", version.name(),
          absl::StrCat("the latest version is ", plan.latest_version())}});
  }
  switch (version.state()) {
    case v1::PLAN_VERSION_STATE_AWAITING_DECISION:
      return absl::OkStatus();
    case v1::PLAN_VERSION_STATE_ACCEPTED:
    case v1::PLAN_VERSION_STATE_DECLINED:
    case v1::PLAN_VERSION_STATE_MORE_TIME:
      return FailedPrecondition(
          "PLAN_ALREADY_DECIDED", "the referrer has already decided on this version",
          {{"PLAN_ALREADY_DECIDED", version.name(),
            absl::StrCat("state ", v1::PlanVersionState_Name(version.state()))}});
    default:
      return FailedPrecondition(
          "PRECONDITION_FAILED", "this version is not open for decisions",
          {{"PRECONDITION_FAILED", version.name(),
            absl::StrCat("state ", v1::PlanVersionState_Name(version.state()))}});
  }
}

absl::Status ValidateMemberDecision(const v1::MemberDecision& decision,
                                    const std::string& conference) {
  FieldViolations v;
  if (decision.member().empty()) {
    v.Add("decision.member", "required");
  } else if (!IsMemberName(decision.member(), conference)) {
    v.Add("decision.member",
          "must be a member of this conference, " + conference + "/members/{member}");
  }
  RequiredEnum(v, "decision.agreement", decision.agreement(), v1::MemberAgreement_IsValid);
  const bool reserved = decision.agreement() == v1::MEMBER_AGREEMENT_AGREE_WITH_RESERVATIONS;
  v.Text("decision.reservations",
         reserved ? Given(decision.reservations()) : decision.reservations(), 5000, reserved,
         TextShape::kMultiLine);
  return v.ToStatus("the decision has fields to correct");
}

void ApplyMemberDecision(v1::PlanVersion& version, v1::MemberDecision decision, const v1::Actor& by,
                         absl::Time now) {
  *decision.mutable_decide_time() = ToTimestamp(now);
  *decision.mutable_recorded_by() = by;
  for (v1::MemberDecision& earlier : *version.mutable_decisions()) {
    if (earlier.member() == decision.member()) {
      earlier = std::move(decision);
      return;
    }
  }
  *version.add_decisions() = std::move(decision);
}

absl::Status ValidateReferrerDecision(const v1::ReferrerDecision& decision, absl::Time now) {
  FieldViolations v;
  RequiredEnum(v, "decision.outcome", decision.outcome(), v1::ReferrerOutcome_IsValid);
  const bool declining = decision.outcome() == v1::REFERRER_OUTCOME_DECLINED;
  const auto text = [&](absl::string_view field, const std::string& value, size_t max_chars,
                        bool required) {
    v.Text(absl::StrCat("decision.", field), required ? Given(value) : value, max_chars, required,
           TextShape::kMultiLine);
  };
  text("reasons", decision.reasons(), 10000, declining);
  text("remaining_risk", decision.remaining_risk(), 10000, declining);
  text("comments", decision.comments(), 5000, false);
  if (declining || decision.has_legal_basis()) {
    CheckLegalBasis(v, "decision.legal_basis", decision.legal_basis(), declining);
  }
  CheckFamilyTold(v, "decision.family_told", decision.has_family_told(), decision.family_told(),
                  declining, now + kClockSkew);
  if (decision.outcome() == v1::REFERRER_OUTCOME_MORE_TIME) {
    if (!decision.has_revision_deadline()) {
      v.Add("decision.revision_deadline", "say until when the family may revise the plan");
    } else if (CheckTime(v, "decision.revision_deadline", decision.revision_deadline()) &&
               ToAbslTime(decision.revision_deadline()) <= now) {
      v.Add("decision.revision_deadline", "must be in the future");
    }
  }
  if (decision.has_authorising_officer()) {
    CheckStaffMember(v, "decision.authorising_officer", decision.authorising_officer());
  }
  return v.ToStatus("the referrer's decision has fields to correct");
}

absl::Status CheckReviewDate(const v1::PlanVersion& version, const v1::ReferrerDecision& decision) {
  if (decision.outcome() != v1::REFERRER_OUTCOME_ACCEPTED ||
      !DateText(version.content().review_date()).empty()) {
    return absl::OkStatus();
  }
  return FailedPrecondition(
      "REVIEW_DATE_REQUIRED", "a plan can be accepted only with a review date in it",
      {{"REVIEW_DATE_REQUIRED", version.name(), "the version's content has no review_date"}});
}

void ApplyReferrerDecision(v1::Plan& plan, v1::PlanVersion& version, v1::ReferrerDecision decision,
                           const v1::Actor& by, absl::Time now, const std::string& ledger_entry) {
  *decision.mutable_decided_by() = by;
  *decision.mutable_decide_time() = ToTimestamp(now);
  decision.set_ledger_entry(ledger_entry);
  switch (decision.outcome()) {
    case v1::REFERRER_OUTCOME_ACCEPTED:
      version.set_state(v1::PLAN_VERSION_STATE_ACCEPTED);
      plan.set_state(v1::PLAN_STATE_AGREED);
      plan.set_agreed_version(version.name());
      plan.clear_revision_deadline();
      break;
    case v1::REFERRER_OUTCOME_DECLINED:
      // An earlier agreed version, if any, stays the one in force.
      version.set_state(v1::PLAN_VERSION_STATE_DECLINED);
      plan.set_state(v1::PLAN_STATE_DECLINED);
      plan.clear_revision_deadline();
      break;
    case v1::REFERRER_OUTCOME_MORE_TIME:
      version.set_state(v1::PLAN_VERSION_STATE_MORE_TIME);
      plan.set_state(v1::PLAN_STATE_REVISING);
      *plan.mutable_revision_deadline() = decision.revision_deadline();
      break;
    default:
      break;
  }
  *version.mutable_referrer_decision() = std::move(decision);
  *plan.mutable_update_time() = ToTimestamp(now);
}

v1::Stage StageAfter(v1::ReferrerOutcome outcome) {
  switch (outcome) {
    case v1::REFERRER_OUTCOME_ACCEPTED:
      return v1::STAGE_FOLLOW_UP;
    case v1::REFERRER_OUTCOME_MORE_TIME:
      return v1::STAGE_PLAN_REVISION;
    default:
      return v1::STAGE_UNSPECIFIED;
  }
}

v1::LedgerEntry PlanDeclineEntry(const v1::Conference& conference, const v1::PlanVersion& version,
                                 const v1::ReferrerDecision& decision, absl::Time now) {
  v1::LedgerEntry entry = PowerUsed(
      conference, v1::POWER_KIND_DECLINE_PLAN,
      absl::StrCat("The referrer declined version ", version.version_number(),
                   " of the family's plan: it leaves the child at risk of significant harm"),
      version.name(), now);
  v1::PowerDetails& power = *entry.mutable_power();
  power.set_reasons(PowerReasons(decision.reasons(), "Risk remaining", decision.remaining_risk()));
  *power.mutable_legal_basis() = decision.legal_basis();
  *power.mutable_family_told() = decision.family_told();
  if (decision.has_authorising_officer()) {
    *power.mutable_authorising_officer() = decision.authorising_officer();
  }
  return entry;
}

absl::Status ValidateResourceRequest(const v1::ResourceRequest& request,
                                     const v1::PlanContent& content) {
  FieldViolations v;
  v.Text("resource_request.description", Given(request.description()), 2000, true,
         TextShape::kMultiLine);
  v.Text("resource_request.provider", request.provider(), 200, false);
  if (request.has_estimated_cost()) {
    CheckMoney(v, "resource_request.estimated_cost", request.estimated_cost());
  }
  if (!request.item_id().empty() && !HasItem(content, request.item_id())) {
    v.Add("resource_request.item_id", "not an item of the plan");
  }
  return v.ToStatus("the resource request has fields to correct");
}

absl::Status ValidateResourceDecision(const v1::ResourceDecision& decision) {
  FieldViolations v;
  RequiredEnum(v, "decision.outcome", decision.outcome(), v1::ResourceOutcome_IsValid);
  const bool in_part = decision.outcome() == v1::RESOURCE_OUTCOME_AGREED_IN_PART;
  const bool declines = DeclinesResource(decision);
  CheckStaffMember(v, "decision.decider", decision.decider());
  v.Text("decision.authority_level", Given(decision.authority_level()), 200, true);
  v.Text("decision.agreed_details",
         in_part ? Given(decision.agreed_details()) : decision.agreed_details(), 2000, in_part,
         TextShape::kMultiLine);
  if (decision.has_agreed_cost()) CheckMoney(v, "decision.agreed_cost", decision.agreed_cost());
  v.Text("decision.reasons", declines ? Given(decision.reasons()) : decision.reasons(), 5000,
         declines, TextShape::kMultiLine);
  if (declines || decision.has_legal_basis()) {
    CheckLegalBasis(v, "decision.legal_basis", decision.legal_basis(), declines);
  }
  CheckFamilyTold(v, "decision.family_told", decision.has_family_told(), decision.family_told(),
                  declines, absl::InfiniteFuture());
  return v.ToStatus("the resource decision has fields to correct");
}

absl::Status CheckUndecided(const v1::ResourceRequest& request) {
  const bool requested = request.state() == v1::RESOURCE_REQUEST_STATE_REQUESTED ||
                         request.state() == v1::RESOURCE_REQUEST_STATE_UNSPECIFIED;
  if (requested && !request.has_decision()) return absl::OkStatus();
  return FailedPrecondition(
      "RESOURCE_REQUEST_DECIDED", "this resource request has already been decided",
      {{"RESOURCE_REQUEST_DECIDED", request.name(),
        absl::StrCat("state ", v1::ResourceRequestState_Name(request.state()))}});
}

bool DeclinesResource(const v1::ResourceDecision& decision) {
  return decision.outcome() == v1::RESOURCE_OUTCOME_AGREED_IN_PART ||
         decision.outcome() == v1::RESOURCE_OUTCOME_DECLINED;
}

void ApplyResourceDecision(v1::ResourceRequest& request, v1::ResourceDecision decision,
                           const v1::Actor& by, absl::Time now, const std::string& ledger_entry) {
  *decision.mutable_decided_by() = by;
  *decision.mutable_decide_time() = ToTimestamp(now);
  decision.set_ledger_entry(ledger_entry);
  switch (decision.outcome()) {
    case v1::RESOURCE_OUTCOME_AGREED:
      request.set_state(v1::RESOURCE_REQUEST_STATE_AGREED);
      break;
    case v1::RESOURCE_OUTCOME_AGREED_IN_PART:
      request.set_state(v1::RESOURCE_REQUEST_STATE_AGREED_IN_PART);
      break;
    case v1::RESOURCE_OUTCOME_DECLINED:
      request.set_state(v1::RESOURCE_REQUEST_STATE_DECLINED);
      break;
    default:
      break;
  }
  *request.mutable_decision() = std::move(decision);
}

v1::LedgerEntry ResourceDeclineEntry(const v1::Conference& conference,
                                     const v1::ResourceRequest& request,
                                     const v1::ResourceDecision& decision, absl::Time now) {
  const bool in_part = decision.outcome() == v1::RESOURCE_OUTCOME_AGREED_IN_PART;
  v1::LedgerEntry entry =
      PowerUsed(conference, v1::POWER_KIND_DECLINE_RESOURCE,
                absl::StrCat(in_part ? "A resource the family asked for was agreed only in part: "
                                     : "A resource the family asked for was declined: ",
                             Shortened(request.description(), 200)),
                request.name(), now);
  v1::PowerDetails& power = *entry.mutable_power();
  power.set_reasons(
      PowerReasons(decision.reasons(), "Agreed", in_part ? decision.agreed_details() : ""));
  *power.mutable_legal_basis() = decision.legal_basis();
  *power.mutable_family_told() = decision.family_told();
  // The decider authorised it, at their level of authority.
  v1::StaffMember& officer = *power.mutable_authorising_officer();
  officer = decision.decider();
  if (officer.job_title().empty()) officer.set_job_title(decision.authority_level());
  return entry;
}

absl::Status ValidateProgress(const v1::ProgressReport& report, const v1::PlanVersion* agreed,
                              absl::Time now) {
  if (agreed == nullptr) {
    return FailedPrecondition("PLAN_NOT_AGREED",
                              "progress is recorded on an agreed plan, and this plan has none yet",
                              {{"PLAN_NOT_AGREED", "", "the plan has no agreed version"}});
  }
  FieldViolations v;
  if (report.item_id().empty()) {
    v.Add("report.item_id", "required");
  } else if (!HasItem(agreed->content(), report.item_id())) {
    v.Add("report.item_id",
          absl::StrCat("not an item of the agreed plan (version ", agreed->version_number(), ")"));
  }
  RequiredEnum(v, "report.status", report.status(), v1::ProgressStatus_IsValid);
  v.Text("report.reported_by", Given(report.reported_by()), 200, true);
  v.Text("report.note", report.note(), 5000, false, TextShape::kMultiLine);
  if (report.has_observe_time() && CheckTime(v, "report.observe_time", report.observe_time()) &&
      ToAbslTime(report.observe_time()) > now) {
    v.Add("report.observe_time", "must not be in the future");
  }
  return v.ToStatus("the progress report has fields to correct");
}

}  // namespace fgc::plans
