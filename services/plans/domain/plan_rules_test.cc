#include "services/plans/domain/plan_rules.h"

#include <optional>
#include <set>
#include <string>

#include "common/base/errors.h"
#include "common/base/field_violations.h"
#include "common/base/proto_time.h"
#include "gtest/gtest.h"

namespace fgc::plans {
namespace {

constexpr char kConference[] = "tenants/t1/conferences/c1";
constexpr char kPlan[] = "tenants/t1/conferences/c1/plans/p1";
constexpr char kVersion2[] = "tenants/t1/conferences/c1/plans/p1/versions/2";
constexpr char kNan[] = "tenants/t1/conferences/c1/members/nan";
constexpr char kMum[] = "tenants/t1/conferences/c1/members/mum";
constexpr char kEntry[] = "tenants/t1/ledger/entries/42";

// 2025-03-01T10:00:00Z: the tests' "now".
absl::Time Now() { return absl::FromUnixSeconds(1740823200); }

std::set<std::string> BadFields(const absl::Status& status) {
  std::set<std::string> fields;
  if (std::optional<ErrorDetails> details = DetailsOf(status)) {
    for (const FieldViolation& v : details->field_violations) fields.insert(v.field);
  }
  return fields;
}

std::string ReasonOf(const absl::Status& status) {
  std::optional<ErrorDetails> details = DetailsOf(status);
  return details ? details->reason : "";
}

v1::Actor Coordinator() {
  v1::Actor actor;
  actor.set_subject("coordinator-7");
  actor.set_role(v1::ACTOR_ROLE_COORDINATOR);
  return actor;
}

v1::Plan Drafting() {
  v1::Plan plan;
  plan.set_name(kPlan);
  plan.set_state(v1::PLAN_STATE_DRAFTING);
  v1::PlanItem* item = plan.mutable_draft()->add_items();
  item->set_what("Nan collects Sam from school");
  plan.mutable_draft()->set_family_words("Sam stays with Nan.");
  return plan;
}

// A plan whose version 2 awaits the referrer's decision, and that version.
struct Submitted {
  v1::Plan plan;
  v1::PlanVersion version;
};

Submitted SubmittedVersion2() {
  Submitted s{Drafting(), {}};
  s.version = *Submit(s.plan, 2, Coordinator(), Now() - absl::Hours(1));
  return s;
}

v1::LegalBasis ChildrenAct() {
  v1::LegalBasis basis;
  basis.set_statute("Children Act 1989");
  basis.set_section("s.47");
  basis.set_jurisdiction("GB-ENG");
  return basis;
}

v1::FamilyTold ToldInPerson() {
  v1::FamilyTold told;
  told.set_told(true);
  told.set_method(v1::TELL_METHOD_IN_PERSON);
  *told.mutable_tell_time() = ToTimestamp(Now() - absl::Minutes(30));
  return told;
}

v1::ReferrerDecision Decline() {
  v1::ReferrerDecision d;
  d.set_outcome(v1::REFERRER_OUTCOME_DECLINED);
  d.set_reasons("The plan leaves Sam alone with Jo at weekends.");
  d.set_remaining_risk("Jo's drinking when caring for Sam.");
  *d.mutable_legal_basis() = ChildrenAct();
  *d.mutable_family_told() = ToldInPerson();
  return d;
}

v1::ReferrerDecision Outcome(v1::ReferrerOutcome outcome) {
  v1::ReferrerDecision d;
  d.set_outcome(outcome);
  return d;
}

v1::Conference ConferenceWithFamily() {
  v1::Conference c;
  c.set_name(kConference);
  c.add_children()->set_name("tenants/t1/conferences/c1/children/sam");
  c.add_children()->set_name("tenants/t1/conferences/c1/children/kai");
  v1::ResponsiblePerson* mum = c.add_parental_responsibility();
  mum->set_display_name("Ana Silva");
  mum->set_relationship("mother");
  return c;
}

v1::MemberDecision Agrees(const std::string& member) {
  v1::MemberDecision d;
  d.set_member(member);
  d.set_agreement(v1::MEMBER_AGREEMENT_AGREE);
  return d;
}

v1::StaffMember Manager() {
  v1::StaffMember staff;
  staff.set_display_name("Pat Jones");
  staff.set_email("pat.jones@northshire.example");
  return staff;
}

v1::ResourceDecision ResourceOutcome(v1::ResourceOutcome outcome) {
  v1::ResourceDecision d;
  d.set_outcome(outcome);
  *d.mutable_decider() = Manager();
  d.set_authority_level("Resource panel");
  if (outcome != v1::RESOURCE_OUTCOME_AGREED) {
    d.set_reasons("Bus passes are for children over 11.");
    *d.mutable_legal_basis() = ChildrenAct();
    *d.mutable_family_told() = ToldInPerson();
  }
  if (outcome == v1::RESOURCE_OUTCOME_AGREED_IN_PART) d.set_agreed_details("Taxi on Mondays");
  return d;
}

v1::ResourceRequest Taxi() {
  v1::ResourceRequest r;
  r.set_name("tenants/t1/conferences/c1/plans/p1/resourceRequests/taxi");
  r.set_description("A taxi to school on weekdays");
  r.set_state(v1::RESOURCE_REQUEST_STATE_REQUESTED);
  return r;
}

// --- Draft and submission ---

TEST(PlanRules, DraftIsEditableUnlessASubmissionAwaitsDecision) {
  v1::Plan plan = Drafting();
  for (v1::PlanState state : {v1::PLAN_STATE_DRAFTING, v1::PLAN_STATE_REVISING,
                              v1::PLAN_STATE_AGREED, v1::PLAN_STATE_DECLINED}) {
    plan.set_state(state);
    EXPECT_TRUE(CheckDraftEditable(plan).ok()) << v1::PlanState_Name(state);
  }
}

TEST(PlanRules, SubmittedPlanIsNotEditable) {
  v1::Plan plan = Drafting();
  plan.set_state(v1::PLAN_STATE_SUBMITTED);
  const absl::Status status = CheckDraftEditable(plan);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReasonOf(status), "PLAN_NOT_EDITABLE");
}

TEST(PlanRules, SubmitFreezesTheDraftAsANumberedVersionAwaitingDecision) {
  v1::Plan plan = Drafting();
  auto version = Submit(plan, 2, Coordinator(), Now());
  ASSERT_TRUE(version.ok()) << version.status();
  EXPECT_EQ(version->name(), kVersion2);
  EXPECT_EQ(version->version_number(), 2);
  EXPECT_EQ(version->state(), v1::PLAN_VERSION_STATE_AWAITING_DECISION);
  EXPECT_EQ(ToAbslTime(version->submit_time()), Now());
  EXPECT_EQ(version->submitted_by().subject(), "coordinator-7");
  EXPECT_EQ(version->content().family_words(), "Sam stays with Nan.");
}

TEST(PlanRules, SubmitAssignsItemIdsToTheVersionAndTheDraft) {
  v1::Plan plan = Drafting();
  auto version = Submit(plan, 1, Coordinator(), Now());
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(version->content().items(0).item_id(), "item-1");
  EXPECT_EQ(plan.draft().items(0).item_id(), "item-1");
}

TEST(PlanRules, SubmitMarksThePlanSubmittedWithItsLatestVersion) {
  v1::Plan plan = Drafting();
  plan.set_state(v1::PLAN_STATE_REVISING);
  *plan.mutable_revision_deadline() = ToTimestamp(Now() + absl::Hours(48));
  plan.set_agreed_version("tenants/t1/conferences/c1/plans/p1/versions/1");
  ASSERT_TRUE(Submit(plan, 2, Coordinator(), Now()).ok());
  EXPECT_EQ(plan.state(), v1::PLAN_STATE_SUBMITTED);
  EXPECT_EQ(plan.latest_version(), kVersion2);
  EXPECT_FALSE(plan.has_revision_deadline());
  EXPECT_EQ(plan.agreed_version(), "tenants/t1/conferences/c1/plans/p1/versions/1");
}

TEST(PlanRules, SubmittingWhileAwaitingDecisionIsPlanNotEditable) {
  v1::Plan plan = Drafting();
  plan.set_state(v1::PLAN_STATE_SUBMITTED);
  const v1::Plan before = plan;
  auto version = Submit(plan, 2, Coordinator(), Now());
  EXPECT_EQ(ReasonOf(version.status()), "PLAN_NOT_EDITABLE");
  EXPECT_EQ(plan.SerializeAsString(), before.SerializeAsString());
}

TEST(PlanRules, SupersedeClosesOnlyOpenVersions) {
  v1::PlanVersion version;
  for (v1::PlanVersionState open :
       {v1::PLAN_VERSION_STATE_AWAITING_DECISION, v1::PLAN_VERSION_STATE_MORE_TIME}) {
    version.set_state(open);
    EXPECT_TRUE(Supersede(version));
    EXPECT_EQ(version.state(), v1::PLAN_VERSION_STATE_SUPERSEDED);
  }
  for (v1::PlanVersionState decided :
       {v1::PLAN_VERSION_STATE_ACCEPTED, v1::PLAN_VERSION_STATE_DECLINED,
        v1::PLAN_VERSION_STATE_SUPERSEDED}) {
    version.set_state(decided);
    EXPECT_FALSE(Supersede(version));
    EXPECT_EQ(version.state(), decided);
  }
}

// --- Decisions on a version ---

TEST(PlanRules, LatestVersionAwaitingDecisionIsOpen) {
  const Submitted s = SubmittedVersion2();
  EXPECT_TRUE(CheckOpenForDecision(s.plan, s.version).ok());
}

TEST(PlanRules, DecisionOnSupersededVersionIsFailedPrecondition) {
  Submitted s = SubmittedVersion2();
  s.plan.set_latest_version("tenants/t1/conferences/c1/plans/p1/versions/3");
  const absl::Status status = CheckOpenForDecision(s.plan, s.version);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReasonOf(status), "PLAN_VERSION_SUPERSEDED");
  s = SubmittedVersion2();
  s.version.set_state(v1::PLAN_VERSION_STATE_SUPERSEDED);
  EXPECT_EQ(ReasonOf(CheckOpenForDecision(s.plan, s.version)), "PLAN_VERSION_SUPERSEDED");
}

TEST(PlanRules, DecisionOnDecidedVersionIsPlanAlreadyDecided) {
  Submitted s = SubmittedVersion2();
  for (v1::PlanVersionState decided :
       {v1::PLAN_VERSION_STATE_ACCEPTED, v1::PLAN_VERSION_STATE_DECLINED,
        v1::PLAN_VERSION_STATE_MORE_TIME}) {
    s.version.set_state(decided);
    const absl::Status status = CheckOpenForDecision(s.plan, s.version);
    EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_EQ(ReasonOf(status), "PLAN_ALREADY_DECIDED");
  }
}

TEST(PlanRules, MemberDecisionNeedsAMemberOfTheConferenceAndAnAgreement) {
  EXPECT_TRUE(ValidateMemberDecision(Agrees(kNan), kConference).ok());
  v1::MemberDecision d;
  d.set_member("tenants/t1/conferences/c2/members/nan");
  EXPECT_EQ(BadFields(ValidateMemberDecision(d, kConference)),
            (std::set<std::string>{"decision.member", "decision.agreement"}));
}

TEST(PlanRules, ReservationsAreRequiredWhenAgreeingWithReservations) {
  v1::MemberDecision d = Agrees(kNan);
  d.set_agreement(v1::MEMBER_AGREEMENT_AGREE_WITH_RESERVATIONS);
  d.set_reservations(" ");
  EXPECT_EQ(BadFields(ValidateMemberDecision(d, kConference)),
            std::set<std::string>{"decision.reservations"});
  d.set_reservations("Weekends will be hard for Nan.");
  EXPECT_TRUE(ValidateMemberDecision(d, kConference).ok());
  d.set_reservations(std::string(5001, 'x'));
  EXPECT_EQ(BadFields(ValidateMemberDecision(d, kConference)),
            std::set<std::string>{"decision.reservations"});
}

TEST(PlanRules, MemberDecisionRecordsWhoAndWhen) {
  Submitted s = SubmittedVersion2();
  ApplyMemberDecision(s.version, Agrees(kNan), Coordinator(), Now());
  ASSERT_EQ(s.version.decisions_size(), 1);
  EXPECT_EQ(ToAbslTime(s.version.decisions(0).decide_time()), Now());
  EXPECT_EQ(s.version.decisions(0).recorded_by().subject(), "coordinator-7");
}

TEST(PlanRules, LaterMemberDecisionReplacesTheirEarlierOne) {
  Submitted s = SubmittedVersion2();
  ApplyMemberDecision(s.version, Agrees(kNan), Coordinator(), Now());
  ApplyMemberDecision(s.version, Agrees(kMum), Coordinator(), Now());
  v1::MemberDecision changed_mind = Agrees(kNan);
  changed_mind.set_agreement(v1::MEMBER_AGREEMENT_DISAGREE);
  ApplyMemberDecision(s.version, changed_mind, Coordinator(), Now() + absl::Minutes(5));
  ASSERT_EQ(s.version.decisions_size(), 2);
  EXPECT_EQ(s.version.decisions(0).member(), kNan);
  EXPECT_EQ(s.version.decisions(0).agreement(), v1::MEMBER_AGREEMENT_DISAGREE);
  EXPECT_EQ(s.version.decisions(1).member(), kMum);
}

// --- The referrer's decision ---

TEST(PlanRules, AcceptanceNeedsOnlyTheOutcome) {
  EXPECT_TRUE(ValidateReferrerDecision(Outcome(v1::REFERRER_OUTCOME_ACCEPTED), Now()).ok());
  EXPECT_TRUE(ValidateReferrerDecision(Decline(), Now()).ok())
      << ValidateReferrerDecision(Decline(), Now());
}

TEST(PlanRules, ReferrerDecisionNeedsAnOutcome) {
  EXPECT_EQ(BadFields(ValidateReferrerDecision(v1::ReferrerDecision(), Now())),
            std::set<std::string>{"decision.outcome"});
}

TEST(PlanRules, DeclineNeedsReasonsRiskLegalBasisAndWhetherTheFamilyWasTold) {
  const absl::Status status =
      ValidateReferrerDecision(Outcome(v1::REFERRER_OUTCOME_DECLINED), Now());
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(BadFields(status),
            (std::set<std::string>{"decision.reasons", "decision.remaining_risk",
                                   "decision.legal_basis.statute", "decision.legal_basis.section",
                                   "decision.family_told"}));
}

TEST(PlanRules, FamilyToldNeedsHowAndWhenOrWhyNot) {
  v1::ReferrerDecision d = Decline();
  d.mutable_family_told()->clear_method();
  d.mutable_family_told()->clear_tell_time();
  EXPECT_EQ(
      BadFields(ValidateReferrerDecision(d, Now())),
      (std::set<std::string>{"decision.family_told.method", "decision.family_told.tell_time"}));
  d.mutable_family_told()->set_told(false);
  EXPECT_EQ(BadFields(ValidateReferrerDecision(d, Now())),
            std::set<std::string>{"decision.family_told.not_told_reason"});
  d.mutable_family_told()->set_not_told_reason("Mum is in hospital; told on Friday.");
  EXPECT_TRUE(ValidateReferrerDecision(d, Now()).ok());
}

TEST(PlanRules, FamilyCannotHaveBeenToldInTheFuture) {
  v1::ReferrerDecision d = Decline();
  *d.mutable_family_told()->mutable_tell_time() = ToTimestamp(Now() + absl::Hours(1));
  EXPECT_EQ(BadFields(ValidateReferrerDecision(d, Now())),
            std::set<std::string>{"decision.family_told.tell_time"});
}

TEST(PlanRules, MoreTimeNeedsADeadlineInTheFuture) {
  v1::ReferrerDecision d = Outcome(v1::REFERRER_OUTCOME_MORE_TIME);
  EXPECT_EQ(BadFields(ValidateReferrerDecision(d, Now())),
            std::set<std::string>{"decision.revision_deadline"});
  *d.mutable_revision_deadline() = ToTimestamp(Now());
  EXPECT_EQ(BadFields(ValidateReferrerDecision(d, Now())),
            std::set<std::string>{"decision.revision_deadline"});
  *d.mutable_revision_deadline() = ToTimestamp(Now() + absl::Hours(24 * 14));
  EXPECT_TRUE(ValidateReferrerDecision(d, Now()).ok());
}

TEST(PlanRules, ReferrerDecisionTextsAndOfficerAreChecked) {
  v1::ReferrerDecision d = Decline();
  d.set_comments(std::string(5001, 'x'));
  d.set_remaining_risk(std::string(10001, 'x'));
  d.mutable_legal_basis()->set_jurisdiction("England");
  d.mutable_authorising_officer()->set_job_title("Team manager");
  EXPECT_EQ(BadFields(ValidateReferrerDecision(d, Now())),
            (std::set<std::string>{"decision.comments", "decision.remaining_risk",
                                   "decision.legal_basis.jurisdiction",
                                   "decision.authorising_officer.display_name"}));
}

TEST(PlanRules, AcceptingWithoutAReviewDateIsFailedPrecondition) {
  Submitted s = SubmittedVersion2();
  const absl::Status status = CheckReviewDate(s.version, Outcome(v1::REFERRER_OUTCOME_ACCEPTED));
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReasonOf(status), "REVIEW_DATE_REQUIRED");
  EXPECT_TRUE(CheckReviewDate(s.version, Decline()).ok());
  google::type::Date& date = *s.version.mutable_content()->mutable_review_date();
  date.set_year(2025);
  date.set_month(6);
  date.set_day(2);
  EXPECT_TRUE(CheckReviewDate(s.version, Outcome(v1::REFERRER_OUTCOME_ACCEPTED)).ok());
}

TEST(PlanRules, AcceptanceAgreesThePlan) {
  Submitted s = SubmittedVersion2();
  v1::Actor referrer;
  referrer.set_subject("referrer-3");
  ApplyReferrerDecision(s.plan, s.version, Outcome(v1::REFERRER_OUTCOME_ACCEPTED), referrer, Now(),
                        "");
  EXPECT_EQ(s.version.state(), v1::PLAN_VERSION_STATE_ACCEPTED);
  EXPECT_EQ(s.plan.state(), v1::PLAN_STATE_AGREED);
  EXPECT_EQ(s.plan.agreed_version(), kVersion2);
  EXPECT_EQ(s.version.referrer_decision().decided_by().subject(), "referrer-3");
  EXPECT_EQ(ToAbslTime(s.version.referrer_decision().decide_time()), Now());
}

TEST(PlanRules, DeclineDeclinesVersionAndPlanWithItsLedgerEntry) {
  Submitted s = SubmittedVersion2();
  ApplyReferrerDecision(s.plan, s.version, Decline(), Coordinator(), Now(), kEntry);
  EXPECT_EQ(s.version.state(), v1::PLAN_VERSION_STATE_DECLINED);
  EXPECT_EQ(s.plan.state(), v1::PLAN_STATE_DECLINED);
  EXPECT_EQ(s.version.referrer_decision().ledger_entry(), kEntry);
  EXPECT_EQ(s.version.referrer_decision().reasons(), Decline().reasons());
}

TEST(PlanRules, MoreTimeOpensARevisionUntilTheDeadline) {
  Submitted s = SubmittedVersion2();
  v1::ReferrerDecision d = Outcome(v1::REFERRER_OUTCOME_MORE_TIME);
  *d.mutable_revision_deadline() = ToTimestamp(Now() + absl::Hours(48));
  ApplyReferrerDecision(s.plan, s.version, d, Coordinator(), Now(), "");
  EXPECT_EQ(s.version.state(), v1::PLAN_VERSION_STATE_MORE_TIME);
  EXPECT_EQ(s.plan.state(), v1::PLAN_STATE_REVISING);
  EXPECT_EQ(ToAbslTime(s.plan.revision_deadline()), Now() + absl::Hours(48));
  EXPECT_TRUE(CheckDraftEditable(s.plan).ok());
}

TEST(PlanRules, StageFollowsTheReferrersDecision) {
  EXPECT_EQ(StageAfter(v1::REFERRER_OUTCOME_ACCEPTED), v1::STAGE_FOLLOW_UP);
  EXPECT_EQ(StageAfter(v1::REFERRER_OUTCOME_MORE_TIME), v1::STAGE_PLAN_REVISION);
  EXPECT_EQ(StageAfter(v1::REFERRER_OUTCOME_DECLINED), v1::STAGE_UNSPECIFIED);
}

TEST(PlanRules, PlanDeclineEntryIsAPowerRecordAboutTheFirstChild) {
  const Submitted s = SubmittedVersion2();
  const v1::LedgerEntry entry =
      PlanDeclineEntry(ConferenceWithFamily(), s.version, Decline(), Now());
  EXPECT_EQ(entry.kind(), v1::LEDGER_ENTRY_KIND_POWER_USED);
  EXPECT_EQ(entry.conference(), kConference);
  EXPECT_EQ(entry.subject(), "tenants/t1/conferences/c1/children/sam");
  EXPECT_EQ(entry.related_resource(), kVersion2);
  EXPECT_EQ(ToAbslTime(entry.occur_time()), Now());
  EXPECT_FALSE(entry.decision().empty());
  ASSERT_TRUE(entry.has_power());
  EXPECT_EQ(entry.power().power(), v1::POWER_KIND_DECLINE_PLAN);
  EXPECT_EQ(entry.power().legal_basis().statute(), "Children Act 1989");
  EXPECT_EQ(entry.power().family_told().method(), v1::TELL_METHOD_IN_PERSON);
  EXPECT_FALSE(entry.power().has_authorising_officer());
  ASSERT_EQ(entry.power().affected_size(), 1);
  EXPECT_EQ(entry.power().affected(0).display_name(), "Ana Silva");
  EXPECT_EQ(entry.power().affected(0).relationship(), "mother");
}

TEST(PlanRules, PlanDeclineEntryReasonsCarryTheRemainingRisk) {
  const Submitted s = SubmittedVersion2();
  v1::ReferrerDecision d = Decline();
  *d.mutable_authorising_officer() = Manager();
  const v1::LedgerEntry entry = PlanDeclineEntry(ConferenceWithFamily(), s.version, d, Now());
  EXPECT_EQ(entry.power().reasons(),
            "The plan leaves Sam alone with Jo at weekends.\n\nRisk remaining: Jo's drinking "
            "when caring for Sam.");
  EXPECT_EQ(entry.power().authorising_officer().display_name(), "Pat Jones");
}

TEST(PlanRules, PlanDeclineEntryReasonsStayWithinTheLedgersLimit) {
  const Submitted s = SubmittedVersion2();
  v1::ReferrerDecision d = Decline();
  d.set_reasons(std::string(10000, 'r'));
  d.set_remaining_risk(std::string(10000, 'k'));
  const v1::LedgerEntry entry = PlanDeclineEntry(ConferenceWithFamily(), s.version, d, Now());
  EXPECT_EQ(CountCodePoints(entry.power().reasons()), 10000u);
  EXPECT_TRUE(entry.power().reasons().starts_with(d.reasons().substr(0, 9999)));
}

// --- Resources ---

TEST(PlanRules, WellFormedResourceRequestIsAccepted) {
  v1::ResourceRequest r = Taxi();
  r.set_item_id("item-1");
  r.set_provider("Northshire Transport");
  r.mutable_estimated_cost()->set_currency_code("GBP");
  r.mutable_estimated_cost()->set_minor_units(12000);
  EXPECT_TRUE(ValidateResourceRequest(r, SubmittedVersion2().version.content()).ok());
}

TEST(PlanRules, ResourceRequestReportsEveryBadField) {
  v1::ResourceRequest r;
  r.set_item_id("item-9");
  r.set_provider(std::string(201, 'p'));
  r.mutable_estimated_cost()->set_currency_code("gbp");
  r.mutable_estimated_cost()->set_minor_units(-1);
  EXPECT_EQ(BadFields(ValidateResourceRequest(r, SubmittedVersion2().version.content())),
            (std::set<std::string>{"resource_request.description", "resource_request.provider",
                                   "resource_request.item_id",
                                   "resource_request.estimated_cost.currency_code",
                                   "resource_request.estimated_cost.minor_units"}));
}

TEST(PlanRules, AgreedResourceNeedsADeciderAndAuthority) {
  EXPECT_TRUE(ValidateResourceDecision(ResourceOutcome(v1::RESOURCE_OUTCOME_AGREED)).ok());
  v1::ResourceDecision d;
  d.set_outcome(v1::RESOURCE_OUTCOME_AGREED);
  EXPECT_EQ(BadFields(ValidateResourceDecision(d)),
            (std::set<std::string>{"decision.decider.display_name", "decision.authority_level"}));
}

TEST(PlanRules, ResourceDecisionNeedsAnOutcome) {
  v1::ResourceDecision d = ResourceOutcome(v1::RESOURCE_OUTCOME_AGREED);
  d.clear_outcome();
  EXPECT_EQ(BadFields(ValidateResourceDecision(d)), std::set<std::string>{"decision.outcome"});
}

TEST(PlanRules, PartialAgreementNeedsDetailsReasonsLegalBasisAndFamilyTold) {
  EXPECT_TRUE(ValidateResourceDecision(ResourceOutcome(v1::RESOURCE_OUTCOME_AGREED_IN_PART)).ok());
  v1::ResourceDecision d = ResourceOutcome(v1::RESOURCE_OUTCOME_AGREED);
  d.set_outcome(v1::RESOURCE_OUTCOME_AGREED_IN_PART);
  EXPECT_EQ(BadFields(ValidateResourceDecision(d)),
            (std::set<std::string>{"decision.agreed_details", "decision.reasons",
                                   "decision.legal_basis.statute", "decision.legal_basis.section",
                                   "decision.family_told"}));
}

TEST(PlanRules, ResourceDeclineNeedsReasonsLegalBasisAndFamilyTold) {
  EXPECT_TRUE(ValidateResourceDecision(ResourceOutcome(v1::RESOURCE_OUTCOME_DECLINED)).ok());
  v1::ResourceDecision d = ResourceOutcome(v1::RESOURCE_OUTCOME_AGREED);
  d.set_outcome(v1::RESOURCE_OUTCOME_DECLINED);
  d.mutable_agreed_cost()->set_currency_code("POUNDS");
  EXPECT_EQ(BadFields(ValidateResourceDecision(d)),
            (std::set<std::string>{"decision.reasons", "decision.legal_basis.statute",
                                   "decision.legal_basis.section", "decision.family_told",
                                   "decision.agreed_cost.currency_code"}));
}

TEST(PlanRules, DecidingADecidedRequestIsFailedPrecondition) {
  EXPECT_TRUE(CheckUndecided(Taxi()).ok());
  v1::ResourceRequest r = Taxi();
  ApplyResourceDecision(r, ResourceOutcome(v1::RESOURCE_OUTCOME_AGREED), Coordinator(), Now(), "");
  const absl::Status status = CheckUndecided(r);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReasonOf(status), "RESOURCE_REQUEST_DECIDED");
}

TEST(PlanRules, DecliningInPartOrInFullIsAUseOfPower) {
  EXPECT_FALSE(DeclinesResource(ResourceOutcome(v1::RESOURCE_OUTCOME_AGREED)));
  EXPECT_TRUE(DeclinesResource(ResourceOutcome(v1::RESOURCE_OUTCOME_AGREED_IN_PART)));
  EXPECT_TRUE(DeclinesResource(ResourceOutcome(v1::RESOURCE_OUTCOME_DECLINED)));
}

TEST(PlanRules, ResourceDecisionSetsTheRequestsState) {
  v1::ResourceRequest r = Taxi();
  ApplyResourceDecision(r, ResourceOutcome(v1::RESOURCE_OUTCOME_AGREED_IN_PART), Coordinator(),
                        Now(), kEntry);
  EXPECT_EQ(r.state(), v1::RESOURCE_REQUEST_STATE_AGREED_IN_PART);
  EXPECT_EQ(r.decision().ledger_entry(), kEntry);
  EXPECT_EQ(r.decision().decided_by().subject(), "coordinator-7");
  EXPECT_EQ(ToAbslTime(r.decision().decide_time()), Now());
  r = Taxi();
  ApplyResourceDecision(r, ResourceOutcome(v1::RESOURCE_OUTCOME_DECLINED), Coordinator(), Now(),
                        kEntry);
  EXPECT_EQ(r.state(), v1::RESOURCE_REQUEST_STATE_DECLINED);
}

TEST(PlanRules, ResourceDeclineEntryIsAPowerRecordAuthorisedByTheDecider) {
  const v1::ResourceDecision d = ResourceOutcome(v1::RESOURCE_OUTCOME_AGREED_IN_PART);
  const v1::LedgerEntry entry = ResourceDeclineEntry(ConferenceWithFamily(), Taxi(), d, Now());
  EXPECT_EQ(entry.kind(), v1::LEDGER_ENTRY_KIND_POWER_USED);
  EXPECT_EQ(entry.conference(), kConference);
  EXPECT_EQ(entry.subject(), "tenants/t1/conferences/c1/children/sam");
  EXPECT_EQ(entry.related_resource(), Taxi().name());
  EXPECT_EQ(ToAbslTime(entry.occur_time()), Now());
  EXPECT_FALSE(entry.decision().empty());
  EXPECT_EQ(entry.power().power(), v1::POWER_KIND_DECLINE_RESOURCE);
  EXPECT_EQ(entry.power().reasons(),
            "Bus passes are for children over 11.\n\nAgreed: Taxi on Mondays");
  EXPECT_EQ(entry.power().legal_basis().section(), "s.47");
  EXPECT_TRUE(entry.power().family_told().told());
  EXPECT_EQ(entry.power().authorising_officer().display_name(), "Pat Jones");
  EXPECT_EQ(entry.power().authorising_officer().job_title(), "Resource panel");
}

// --- Progress ---

TEST(PlanRules, ProgressNeedsAnAgreedPlan) {
  v1::ProgressReport report;
  report.set_item_id("item-1");
  const absl::Status status = ValidateProgress(report, nullptr, Now());
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReasonOf(status), "PLAN_NOT_AGREED");
}

TEST(PlanRules, ProgressOnAnAgreedItemIsAccepted) {
  const Submitted s = SubmittedVersion2();
  v1::ProgressReport report;
  report.set_item_id("item-1");
  report.set_status(v1::PROGRESS_STATUS_DONE);
  report.set_reported_by("Sam's school");
  report.set_note("Collected every day this week.");
  *report.mutable_observe_time() = ToTimestamp(Now());
  EXPECT_TRUE(ValidateProgress(report, &s.version, Now()).ok());
}

TEST(PlanRules, ProgressReportsEveryBadField) {
  const Submitted s = SubmittedVersion2();
  v1::ProgressReport report;
  report.set_item_id("item-9");
  report.set_reported_by(std::string(201, 'x'));
  report.set_note(std::string(5001, 'x'));
  *report.mutable_observe_time() = ToTimestamp(Now() + absl::Seconds(1));
  EXPECT_EQ(BadFields(ValidateProgress(report, &s.version, Now())),
            (std::set<std::string>{"report.item_id", "report.status", "report.reported_by",
                                   "report.note", "report.observe_time"}));
}

TEST(PlanRules, APlanIsSubmittedOnlyOnceTheConferenceIsHeldAndNotAfterItCloses) {
  v1::Conference conference;
  conference.set_name("tenants/t/conferences/c");
  for (v1::Stage stage : {v1::STAGE_REFERRAL, v1::STAGE_PREPARATION, v1::STAGE_BOOKED,
                          v1::STAGE_INFORMATION_SHARING}) {
    conference.set_stage(stage);
    const absl::Status s = CheckStageForSubmission(conference);
    EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition) << v1::Stage_Name(stage);
  }
  for (v1::Stage stage : {v1::STAGE_PRIVATE_FAMILY_TIME, v1::STAGE_PLAN_AGREEMENT,
                          v1::STAGE_PLAN_REVISION, v1::STAGE_FOLLOW_UP}) {
    conference.set_stage(stage);
    EXPECT_TRUE(CheckStageForSubmission(conference).ok()) << v1::Stage_Name(stage);
  }
  conference.set_stage(v1::STAGE_CLOSED);
  EXPECT_EQ(DetailsOf(CheckStageForSubmission(conference))->reason, "CONFERENCE_CLOSED");
}

}  // namespace
}  // namespace fgc::plans
