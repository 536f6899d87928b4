// The family's plan over real gRPC against a real `fgc serve`: drafted, submitted as immutable
// versions, decided by members and the referrer (the conference's stage follows), resources
// decided (a decline is a ledger power record), progress recorded, distributed to those
// entitled once consent stands, and read by a family member with their own token.
#include "absl/strings/str_cat.h"
#include "fgc/v1/invitation_service.grpc.pb.h"
#include "fgc/v1/plan_service.grpc.pb.h"
#include "google/protobuf/util/time_util.h"
#include "tests/journey/journey_fixture.h"
#include "tests/support/grpc_error.h"

namespace fgc::journey {
namespace {

using google::protobuf::util::TimeUtil;
using testing::FieldsOf;
using testing::ReasonOf;

google::type::Date DateIn(int days) {
  const absl::CivilDay day = absl::ToCivilDay(absl::Now(), absl::UTCTimeZone()) + days;
  google::type::Date date;
  date.set_year(static_cast<int>(day.year()));
  date.set_month(day.month());
  date.set_day(day.day());
  return date;
}

class Plans : public JourneyTest {
 protected:
  static void SetUpTestSuite() {
    JourneyTest::SetUpTestSuite();
    auto channel = grpc::CreateChannel(host_->address(), grpc::InsecureChannelCredentials());
    plans_ = v1::PlanService::NewStub(channel).release();
    invitations_ = v1::InvitationService::NewStub(channel).release();
  }
  static void TearDownTestSuite() {
    delete plans_;
    delete invitations_;
    JourneyTest::TearDownTestSuite();
  }

  // A conference of `coordinator`'s, booked and held up to the family presenting its plan.
  v1::Conference AtPlanAgreement(const std::string& coordinator, const std::string& agency) {
    v1::Conference c = Prepared(coordinator, agency);
    v1::CreateVenueRequest venue;
    venue.set_parent(absl::StrCat("tenants/", kTenant));
    venue.set_venue_id(absl::StrCat("hall-", coordinator));
    venue.mutable_venue()->set_display_name("Riverside Family Centre");
    venue.mutable_venue()->mutable_address()->add_address_lines("1 River Street");
    venue.mutable_venue()->mutable_address()->set_locality("Northtown");
    venue.mutable_venue()->mutable_address()->set_region_code("GB");
    venue.mutable_venue()->set_time_zone("Europe/London");
    venue.mutable_venue()->set_capacity(30);
    v1::CreateVenueResponse created;
    EXPECT_TRUE(scheduling_->CreateVenue(As(Coordinator(coordinator)).get(), venue, &created).ok());
    v1::BookConferenceRequest book;
    book.set_name(c.name());
    const absl::Time start = absl::Now() + absl::Hours(24 * 3);
    *book.mutable_booking()->mutable_start_time() =
        TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(start));
    *book.mutable_booking()->mutable_end_time() =
        TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(start + absl::Hours(3)));
    book.mutable_booking()->set_venue(created.venue().name());
    v1::BookConferenceResponse booked;
    grpc::Status s = scheduling_->BookConference(As(Coordinator(coordinator)).get(), book, &booked);
    EXPECT_TRUE(s.ok()) << s.error_message();
    for (v1::Stage stage :
         {v1::STAGE_INFORMATION_SHARING, v1::STAGE_PRIVATE_FAMILY_TIME, v1::STAGE_PLAN_AGREEMENT}) {
      s = Transition(Coordinator(coordinator), c, stage, "", &c);
      EXPECT_TRUE(s.ok()) << v1::Stage_Name(stage) << ": " << s.error_message();
    }
    return c;
  }

  // The family's first draft: two items, the bottom line addressed, a review date.
  static v1::PlanContent Draft(const v1::Conference& c) {
    v1::PlanContent draft;
    draft.set_family_words("We will make sure Sam is never alone at night and gets to school.");
    v1::PlanItem* nights = draft.add_items();
    nights->set_item_id("nights");
    nights->set_what("Nan stays with Sam on the nights Alex works");
    nights->set_who("Nan");
    *nights->mutable_due_date() = DateIn(14);
    nights->set_how_we_will_know("Nan texts Alex at 9pm each night");
    nights->add_bottom_line_ids(c.referral().bottom_lines(0).bottom_line_id());
    v1::PlanItem* school = draft.add_items();
    school->set_item_id("school");
    school->set_what("Uncle Dev walks Sam to school");
    school->set_timing("every weekday");
    draft.set_contingency("If Nan is ill, Aunt Pat stays instead.");
    draft.set_monitoring("Alex and the coordinator talk every two weeks.");
    v1::BottomLineResponse* line = draft.add_bottom_line_responses();
    line->set_bottom_line_id(c.referral().bottom_lines(0).bottom_line_id());
    line->set_response("Someone from the family is always with Sam overnight.");
    line->add_item_ids("nights");
    *draft.mutable_review_date() = DateIn(90);
    draft.set_language_code("en");
    return draft;
  }

  v1::Plan CreatePlan(const std::string& coordinator, const v1::Conference& c) {
    v1::CreatePlanRequest req;
    req.set_parent(c.name());
    *req.mutable_plan()->mutable_draft() = Draft(c);
    v1::CreatePlanResponse resp;
    grpc::Status s = plans_->CreatePlan(As(Coordinator(coordinator)).get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.plan();
  }

  v1::PlanVersion Submit(const std::string& coordinator, const v1::Plan& plan,
                         const std::string& request_id = "") {
    v1::SubmitPlanRequest req;
    req.set_name(plan.name());
    req.set_request_id(request_id);
    v1::SubmitPlanResponse resp;
    grpc::Status s = plans_->SubmitPlan(As(Coordinator(coordinator)).get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.plan_version();
  }

  grpc::Status Decide(const v1::PlanVersion& version, const v1::ReferrerDecision& decision,
                      v1::RecordReferrerDecisionResponse* out = nullptr,
                      const std::string& agency = "north-council") {
    v1::RecordReferrerDecisionRequest req;
    req.set_name(version.name());
    *req.mutable_decision() = decision;
    v1::RecordReferrerDecisionResponse resp;
    grpc::Status s = plans_->RecordReferrerDecision(As(Referrer(agency)).get(), req, &resp);
    if (out) *out = resp;
    return s;
  }

  static v1::ReferrerDecision Decline() {
    v1::ReferrerDecision d;
    d.set_outcome(v1::REFERRER_OUTCOME_DECLINED);
    d.set_reasons("Nobody is named for the nights Nan cannot do.");
    d.set_remaining_risk("Sam could be alone overnight twice a week.");
    d.mutable_legal_basis()->set_statute("Children Act 1989");
    d.mutable_legal_basis()->set_section("s.47");
    d.mutable_family_told()->set_told(true);
    d.mutable_family_told()->set_method(v1::TELL_METHOD_AT_CONFERENCE);
    *d.mutable_family_told()->mutable_tell_time() = TimeUtil::GetCurrentTime();
    return d;
  }

  v1::Conference ConferenceNow(const v1::Conference& c) {
    v1::GetConferenceRequest req;
    req.set_name(c.name());
    v1::GetConferenceResponse resp;
    EXPECT_TRUE(scheduling_->GetConference(As(Referrer()).get(), req, &resp).ok());
    return resp.conference();
  }

  static v1::PlanService::Stub* plans_;
  static v1::InvitationService::Stub* invitations_;
};

v1::PlanService::Stub* Plans::plans_ = nullptr;
v1::InvitationService::Stub* Plans::invitations_ = nullptr;

TEST_F(Plans, MoreTimeThenARevisedVersionSupersedesTheFirstAndTheDiffSaysWhatChanged) {
  const v1::Conference c = AtPlanAgreement("coord-revise", "north-council");
  const v1::NetworkMember nan =
      NetworkMemberOf("coord-revise", c, "Nan", v1::MEMBER_ROLE_SUPPORTER);
  v1::Plan plan = CreatePlan("coord-revise", c);
  EXPECT_EQ(plan.state(), v1::PLAN_STATE_DRAFTING);
  const v1::PlanVersion first = Submit("coord-revise", plan, "submit-revise-1");
  EXPECT_EQ(first.version_number(), 1);
  EXPECT_EQ(first.state(), v1::PLAN_VERSION_STATE_AWAITING_DECISION);

  // While the referrer decides, the draft is locked.
  v1::UpdatePlanDraftRequest locked;
  locked.set_name(plan.name());
  locked.mutable_draft()->set_contingency("changed");
  locked.mutable_update_mask()->add_paths("contingency");
  v1::UpdatePlanDraftResponse updated;
  grpc::Status s = plans_->UpdatePlanDraft(As(Coordinator("coord-revise")).get(), locked, &updated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(s), "PLAN_NOT_EDITABLE");

  v1::ReferrerDecision more_time;
  more_time.set_outcome(v1::REFERRER_OUTCOME_MORE_TIME);
  *more_time.mutable_revision_deadline() =
      TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(absl::Now() + absl::Hours(72)));
  v1::RecordReferrerDecisionResponse decided;
  s = Decide(first, more_time, &decided);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(decided.plan().state(), v1::PLAN_STATE_REVISING);
  EXPECT_EQ(ConferenceNow(c).stage(), v1::STAGE_PLAN_REVISION);

  // The family moves the school run and adds a new item.
  v1::UpdatePlanDraftRequest revise;
  revise.set_name(plan.name());
  *revise.mutable_draft() = Draft(c);
  revise.mutable_draft()->mutable_items(1)->set_timing("Monday to Thursday");
  v1::PlanItem* weekend = revise.mutable_draft()->add_items();
  weekend->set_what("Aunt Pat has Sam every other weekend");
  revise.mutable_update_mask()->add_paths("items");
  revise.set_etag(decided.plan().etag());
  s = plans_->UpdatePlanDraft(As(Coordinator("coord-revise")).get(), revise, &updated);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_FALSE(updated.plan().draft().items(2).item_id().empty()) << "an id is assigned";
  const v1::PlanVersion second = Submit("coord-revise", updated.plan());
  EXPECT_EQ(second.version_number(), 2);
  EXPECT_EQ(ConferenceNow(c).stage(), v1::STAGE_PLAN_AGREEMENT) << "back before the referrer";

  // A decision on the first version now comes too late.
  v1::RecordDecisionRequest late;
  late.set_name(first.name());
  late.mutable_decision()->set_member(nan.name());
  late.mutable_decision()->set_agreement(v1::MEMBER_AGREEMENT_AGREE);
  v1::RecordDecisionResponse member_decided;
  s = plans_->RecordDecision(As(Coordinator("coord-revise")).get(), late, &member_decided);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_TRUE(ReasonOf(s) == "PLAN_VERSION_SUPERSEDED" || ReasonOf(s) == "PLAN_ALREADY_DECIDED")
      << ReasonOf(s);

  // The first version never changed.
  v1::GetPlanVersionRequest get;
  get.set_name(first.name());
  v1::GetPlanVersionResponse got;
  ASSERT_TRUE(plans_->GetPlanVersion(As(Referrer()).get(), get, &got).ok());
  EXPECT_EQ(got.plan_version().content().SerializeAsString(), first.content().SerializeAsString());

  v1::DiffPlanVersionsRequest diff;
  diff.set_name(second.name());
  diff.set_base_version(first.name());
  v1::DiffPlanVersionsResponse changes;
  s = plans_->DiffPlanVersions(As(Referrer()).get(), diff, &changes);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_EQ(changes.changes_size(), 2) << changes.summary();
  EXPECT_EQ(changes.changes(0).kind(), v1::PLAN_CHANGE_KIND_CHANGED);
  EXPECT_EQ(changes.changes(0).item_id(), "school");
  EXPECT_EQ(changes.changes(0).field(), "timing");
  EXPECT_EQ(changes.changes(1).kind(), v1::PLAN_CHANGE_KIND_ADDED);
  EXPECT_NE(changes.summary().find("Monday to Thursday"), std::string::npos) << changes.summary();

  v1::ListPlanVersionsRequest list;
  list.set_parent(plan.name());
  v1::ListPlanVersionsResponse listed;
  ASSERT_TRUE(plans_->ListPlanVersions(As(Coordinator("coord-revise")).get(), list, &listed).ok());
  ASSERT_EQ(listed.plan_versions_size(), 2);
  EXPECT_EQ(listed.plan_versions(0).version_number(), 2) << "newest first";
  EXPECT_EQ(listed.plan_versions(1).state(), v1::PLAN_VERSION_STATE_SUPERSEDED);
}

TEST_F(Plans, AcceptedPlanMovesToFollowUpSchedulesTheReviewAndIsDistributedToTheEntitled) {
  const v1::Conference c = AtPlanAgreement("coord-accept", "north-council");
  const v1::NetworkMember nan =
      NetworkMemberOf("coord-accept", c, "Nan", v1::MEMBER_ROLE_SUPPORTER);
  const v1::NetworkMember dev =
      NetworkMemberOf("coord-accept", c, "Dev", v1::MEMBER_ROLE_SUPPORTER);
  const std::string nan_token = HandOverInvitation("coord-accept", c, nan);
  const std::string dev_token = HandOverInvitation("coord-accept", c, dev);
  // Dev is excluded from the conference: he receives no plan.
  v1::RestrictParticipationRequest restrict;
  restrict.set_name(dev.name());
  v1::ParticipationRestriction* r = restrict.mutable_restriction();
  r->set_kind(v1::RESTRICTION_KIND_EXCLUDED);
  r->set_reasons("A court order forbids contact with Sam.");
  r->mutable_legal_basis()->set_statute("Children Act 1989");
  r->mutable_legal_basis()->set_section("s.8");
  *r->mutable_review_date() = DateIn(60);
  r->set_alternative_contribution("Written views through the coordinator");
  r->mutable_family_told()->set_told(false);
  r->mutable_family_told()->set_not_told_reason("Told at the next supervised meeting.");
  v1::RestrictParticipationResponse restricted;
  grpc::Status s = invitations_->RestrictParticipation(As(Coordinator("coord-accept")).get(),
                                                       restrict, &restricted);
  ASSERT_TRUE(s.ok()) << s.error_message();

  const v1::Plan plan = CreatePlan("coord-accept", c);
  const v1::PlanVersion version = Submit("coord-accept", plan);
  v1::RecordDecisionRequest agree;
  agree.set_name(version.name());
  agree.mutable_decision()->set_member(nan.name());
  agree.mutable_decision()->set_agreement(v1::MEMBER_AGREEMENT_AGREE_WITH_RESERVATIONS);
  agree.mutable_decision()->set_reservations("I can only do three nights a week.");
  v1::RecordDecisionResponse agreed_by_nan;
  s = plans_->RecordDecision(As(Coordinator("coord-accept")).get(), agree, &agreed_by_nan);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_EQ(agreed_by_nan.plan_version().decisions_size(), 1);

  v1::ReferrerDecision accept;
  accept.set_outcome(v1::REFERRER_OUTCOME_ACCEPTED);
  v1::RecordReferrerDecisionResponse decided;
  s = Decide(version, accept, &decided);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(decided.plan().state(), v1::PLAN_STATE_AGREED);
  EXPECT_EQ(decided.plan().agreed_version(), version.name());
  const v1::Conference after = ConferenceNow(c);
  EXPECT_EQ(after.stage(), v1::STAGE_FOLLOW_UP);
  ASSERT_EQ(after.reviews_size(), 1);
  EXPECT_EQ(after.reviews(0).plan_version(), version.name());
  EXPECT_EQ(after.reviews(0).review_date().SerializeAsString(),
            version.content().review_date().SerializeAsString());

  // Progress on an agreed item; an item not in the plan is refused.
  v1::RecordProgressRequest progress;
  progress.set_name(plan.name());
  progress.mutable_report()->set_item_id("nights");
  progress.mutable_report()->set_status(v1::PROGRESS_STATUS_IN_PROGRESS);
  progress.mutable_report()->set_reported_by("Alex (mother)");
  progress.mutable_report()->set_note("Nan has stayed four nights so far.");
  v1::RecordProgressResponse reported;
  s = plans_->RecordProgress(As(Referrer()).get(), progress, &reported);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(reported.report().plan_version(), version.name());
  progress.mutable_report()->set_item_id("no-such-item");
  s = plans_->RecordProgress(As(Referrer()).get(), progress, &reported);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  // Not distributed before consent to distribute the plan stands.
  v1::DistributePlanRequest distribute;
  distribute.set_name(version.name());
  v1::StaffMember* teacher = distribute.add_professionals();
  teacher->set_display_name("Ms Patel");
  teacher->set_email("patel@school.example");
  v1::DistributePlanResponse distributed;
  s = plans_->DistributePlan(As(Coordinator("coord-accept")).get(), distribute, &distributed);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(s), "CONSENT_REQUIRED");

  v1::RecordConsentRequest consent;
  consent.set_parent(absl::StrCat("tenants/", kTenant, "/ledger"));
  consent.set_request_id(absl::StrCat("plan-consent-", c.name()));
  v1::LedgerEntry* e = consent.mutable_entry();
  e->set_kind(v1::LEDGER_ENTRY_KIND_CONSENT_GIVEN);
  e->set_conference(c.name());
  e->set_subject(c.children(0).name());
  e->set_decision("Alex agreed the plan may go to the family and Sam's school");
  *e->mutable_occur_time() = TimeUtil::GetCurrentTime();
  e->mutable_consent()->mutable_grantor()->set_display_name("Alex Jones");
  e->mutable_consent()->add_grantees()->set_agency("fgc-service");
  e->mutable_consent()->set_purpose(v1::CONSENT_PURPOSE_DISTRIBUTE_PLAN);
  e->mutable_consent()->set_collection_method(v1::COLLECTION_METHOD_WRITTEN);
  e->mutable_consent()->set_language_code("en");
  e->mutable_consent()->set_notice_version("plan-consent/en/2026-01");
  v1::RecordConsentResponse consented;
  s = ledger_->RecordConsent(As(Coordinator("coord-accept")).get(), consent, &consented);
  ASSERT_TRUE(s.ok()) << s.error_message();

  s = plans_->DistributePlan(As(Coordinator("coord-accept")).get(), distribute, &distributed);
  ASSERT_TRUE(s.ok()) << s.error_message();
  std::set<std::string> members;
  std::set<std::string> staff;
  for (const v1::Distribution& d : distributed.plan_version().distributions()) {
    if (!d.member().empty()) members.insert(d.member());
    if (d.has_staff_recipient()) staff.insert(d.staff_recipient().display_name());
  }
  EXPECT_EQ(members, std::set<std::string>{nan.name()}) << "Dev is excluded";
  EXPECT_TRUE(staff.contains("Ms Patel"));
  // Nan's link was handed over by hand: the outbox cannot reach her, so she gets the plan
  // another way and is listed for that.
  EXPECT_EQ(std::set<std::string>(distributed.unreachable_members().begin(),
                                  distributed.unreachable_members().end()),
            std::set<std::string>{nan.name()});

  // Nan reads the plan with her own link; others' decisions are not shown to her.
  v1::GetMyPlanResponse mine;
  s = plans_->GetMyPlan(WithInvitationToken(nan_token).get(), v1::GetMyPlanRequest(), &mine);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(mine.plan_version().name(), version.name());
  EXPECT_EQ(mine.plan_version().decisions_size(), 0);
  EXPECT_EQ(mine.plan_version().content().family_words(), version.content().family_words());
  ASSERT_EQ(mine.progress_size(), 1);
  EXPECT_EQ(mine.progress(0).status(), v1::PROGRESS_STATUS_IN_PROGRESS);
  v1::GetMyInvitationResponse invitation;
  ASSERT_TRUE(invitations_
                  ->GetMyInvitation(WithInvitationToken(nan_token).get(),
                                    v1::GetMyInvitationRequest(), &invitation)
                  .ok());
  EXPECT_TRUE(invitation.plan_available());
  ASSERT_TRUE(invitations_
                  ->GetMyInvitation(WithInvitationToken(dev_token).get(),
                                    v1::GetMyInvitationRequest(), &invitation)
                  .ok());
  EXPECT_FALSE(invitation.plan_available());
  // Dev's link opens no plan.
  s = plans_->GetMyPlan(WithInvitationToken(dev_token).get(), v1::GetMyPlanRequest(), &mine);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(ReasonOf(s), "PLAN_NOT_DISTRIBUTED");
}

TEST_F(Plans, ADeclineNeedsReasonsAndIsRecordedInTheLedgerBeforeThePlanChanges) {
  const v1::Conference c = AtPlanAgreement("coord-decline", "north-council");
  const v1::Plan plan = CreatePlan("coord-decline", c);
  const v1::PlanVersion version = Submit("coord-decline", plan);

  v1::ReferrerDecision bare;
  bare.set_outcome(v1::REFERRER_OUTCOME_DECLINED);
  grpc::Status s = Decide(version, bare);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(FieldsOf(s).contains("decision.reasons")) << s.error_message();

  v1::RecordReferrerDecisionResponse decided;
  s = Decide(version, Decline(), &decided);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(decided.plan().state(), v1::PLAN_STATE_DECLINED);
  const std::string entry = decided.plan_version().referrer_decision().ledger_entry();
  ASSERT_FALSE(entry.empty());
  v1::GetEntryRequest get;
  get.set_name(entry);
  v1::GetEntryResponse got;
  s = ledger_->GetEntry(As(Referrer()).get(), get, &got);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(got.entry().power().power(), v1::POWER_KIND_DECLINE_PLAN);
  EXPECT_EQ(got.entry().related_resource(), version.name());
  EXPECT_EQ(ConferenceNow(c).stage(), v1::STAGE_PLAN_AGREEMENT) << "the coordinator decides next";

  // Decided once: a second decision is refused.
  s = Decide(version, Decline());
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(s), "PLAN_ALREADY_DECIDED");
}

TEST_F(Plans, AResourceDeclineIsAUseOfPowerInTheLedger) {
  const v1::Conference c = AtPlanAgreement("coord-resource", "north-council");
  const v1::Plan plan = CreatePlan("coord-resource", c);
  v1::RequestResourceRequest ask;
  ask.set_parent(plan.name());
  ask.mutable_resource_request()->set_item_id("school");
  ask.mutable_resource_request()->set_description("Bus pass for Uncle Dev");
  ask.mutable_resource_request()->mutable_estimated_cost()->set_currency_code("GBP");
  ask.mutable_resource_request()->mutable_estimated_cost()->set_minor_units(12050);
  v1::RequestResourceResponse asked;
  grpc::Status s = plans_->RequestResource(As(Coordinator("coord-resource")).get(), ask, &asked);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(asked.resource_request().state(), v1::RESOURCE_REQUEST_STATE_REQUESTED);

  v1::DecideResourceRequest decide;
  decide.set_name(asked.resource_request().name());
  decide.set_etag(asked.resource_request().etag());
  v1::ResourceDecision* d = decide.mutable_decision();
  d->set_outcome(v1::RESOURCE_OUTCOME_DECLINED);
  d->mutable_decider()->set_display_name("Sue Manager");
  d->set_authority_level("Team manager");
  v1::DecideResourceResponse decided;
  s = plans_->DecideResource(As(Referrer()).get(), decide, &decided);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << "a decline needs its reasons";

  d->set_reasons("The school bus already covers this route.");
  d->mutable_legal_basis()->set_statute("Children Act 1989");
  d->mutable_legal_basis()->set_section("s.17");
  d->mutable_family_told()->set_told(true);
  d->mutable_family_told()->set_method(v1::TELL_METHOD_AT_CONFERENCE);
  *d->mutable_family_told()->mutable_tell_time() = TimeUtil::GetCurrentTime();
  decide.set_request_id("decide-resource-1");
  s = plans_->DecideResource(As(Referrer()).get(), decide, &decided);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(decided.resource_request().state(), v1::RESOURCE_REQUEST_STATE_DECLINED);
  EXPECT_FALSE(decided.resource_request().decision().ledger_entry().empty());

  // A retry under the same request_id gets the first answer; a new decision is refused.
  v1::DecideResourceResponse again;
  s = plans_->DecideResource(As(Referrer()).get(), decide, &again);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(again.resource_request().decision().ledger_entry(),
            decided.resource_request().decision().ledger_entry());
  decide.set_request_id("decide-resource-2");
  decide.clear_etag();
  s = plans_->DecideResource(As(Referrer()).get(), decide, &again);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(s), "RESOURCE_REQUEST_DECIDED");
}

TEST_F(Plans, ARetriedSubmissionGetsTheFirstVersionAndAReusedIdIsRefused) {
  const v1::Conference c = AtPlanAgreement("coord-retry", "north-council");
  const v1::Plan plan = CreatePlan("coord-retry", c);
  const v1::PlanVersion first = Submit("coord-retry", plan, "submit-retry");
  const v1::PlanVersion again = Submit("coord-retry", plan, "submit-retry");
  EXPECT_EQ(again.name(), first.name());

  v1::UpdatePlanDraftRequest other;
  other.set_name(plan.name());
  other.mutable_draft()->set_contingency("x");
  other.mutable_update_mask()->add_paths("contingency");
  other.set_request_id("submit-retry");
  v1::UpdatePlanDraftResponse resp;
  grpc::Status s = plans_->UpdatePlanDraft(As(Coordinator("coord-retry")).get(), other, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ReasonOf(s), "REQUEST_ID_REUSED");

  // One plan per conference.
  v1::CreatePlanRequest twice;
  twice.set_parent(c.name());
  twice.set_plan_id("second");
  v1::CreatePlanResponse created;
  s = plans_->CreatePlan(As(Coordinator("coord-retry")).get(), twice, &created);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
}

TEST_F(Plans, ARefererMayDecideButNotEditAndAnotherAgencySeesNothing) {
  const v1::Conference c = AtPlanAgreement("coord-roles", "north-council");
  const v1::Plan plan = CreatePlan("coord-roles", c);
  v1::UpdatePlanDraftRequest edit;
  edit.set_name(plan.name());
  edit.mutable_draft()->set_contingency("The referrer's own words");
  edit.mutable_update_mask()->add_paths("contingency");
  v1::UpdatePlanDraftResponse edited;
  grpc::Status s = plans_->UpdatePlanDraft(As(Referrer()).get(), edit, &edited);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);

  v1::GetPlanRequest get;
  get.set_name(plan.name());
  v1::GetPlanResponse got;
  s = plans_->GetPlan(As(Referrer("south-council")).get(), get, &got);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  s = plans_->GetPlan(As(Referrer()).get(), get, &got);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(got.plan().draft().family_words(), Draft(c).family_words());

  // A family token reads no plan before it is distributed to them.
  const v1::NetworkMember nan = NetworkMemberOf("coord-roles", c, "Nan", v1::MEMBER_ROLE_SUPPORTER);
  const std::string token = HandOverInvitation("coord-roles", c, nan);
  v1::GetMyPlanResponse mine;
  s = plans_->GetMyPlan(WithInvitationToken(token).get(), v1::GetMyPlanRequest(), &mine);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(ReasonOf(s), "PLAN_NOT_DISTRIBUTED");
}

}  // namespace
}  // namespace fgc::journey
