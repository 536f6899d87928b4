// Fail closed across real processes for the plan: the split deployment with the ledger reachable
// from scheduling (so a conference can reach plan agreement) but not from plans. A referrer's
// decline is a use of power: without its ledger record it must not take effect, and the plan
// must read exactly as before.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "absl/time/clock.h"
#include "common/auth/dev_keys.h"
#include "common/auth/jwt_signer.h"
#include "common/db/test_postgres.h"
#include "fgc/v1/ledger_service.grpc.pb.h"
#include "fgc/v1/plan_service.grpc.pb.h"
#include "fgc/v1/scheduling_service.grpc.pb.h"
#include "google/protobuf/util/time_util.h"
#include "tests/support/grpc_error.h"
#include "tests/support/host_process.h"

namespace fgc {
namespace {

using google::protobuf::util::TimeUtil;
using testing::HostProcess;
using testing::ReasonOf;
using testing::TempDir;

constexpr char kNoLedger[] = "127.0.0.1:1";
constexpr char kTenant[] = "planclosed";

class Caller {
 public:
  explicit Caller(const auth::JwtSigner& signer) : signer_(signer) {}
  std::unique_ptr<grpc::ClientContext> As(auth::Role role, const std::string& sub,
                                          const std::string& agency) const {
    auth::Claims claims;
    claims.sub = sub;
    claims.tenant = kTenant;
    claims.role = role;
    claims.agency = agency;
    claims.exp = absl::Now() + absl::Hours(1);
    claims.aud = {"fgc"};
    auto context = std::make_unique<grpc::ClientContext>();
    context->AddMetadata("authorization", "Bearer " + signer_.Sign(claims).value());
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
    return context;
  }
  std::unique_ptr<grpc::ClientContext> Referrer() const {
    return As(auth::Role::kReferrer, "ref-jo", "north");
  }
  std::unique_ptr<grpc::ClientContext> Coordinator() const {
    return As(auth::Role::kCoordinator, "coord-kim", "fgc-service");
  }

 private:
  const auth::JwtSigner& signer_;
};

std::vector<std::string> HostArgs(const std::string& url, const std::string& state,
                                  std::vector<std::string> peers) {
  std::vector<std::string> args = {
      "--database-url", url,           "--state-dir",      state,
      "--listen",       "127.0.0.1:0", "--metrics-listen", "127.0.0.1:0"};
  args.insert(args.end(), peers.begin(), peers.end());
  return args;
}

TEST(PlanFailClosed, WithTheLedgerDownADeclineChangesNothing) {
  const std::string url = db::testing::AdminConninfo();
  TempDir dir;
  const std::string state = dir.path() + "/state";
  HostProcess ledger("fgc-ledger", HostArgs(url, state, {}));
  auto ledger_addr = ledger.WaitUntilServing();
  ASSERT_TRUE(ledger_addr.has_value()) << ledger.Output();
  HostProcess scheduling("fgc-scheduling", HostArgs(url, state, {"--ledger-addr", *ledger_addr}));
  auto scheduling_addr = scheduling.WaitUntilServing();
  ASSERT_TRUE(scheduling_addr.has_value()) << scheduling.Output();
  HostProcess plans(
      "fgc-plans",
      HostArgs(url, state, {"--scheduling-addr", *scheduling_addr, "--ledger-addr", kNoLedger}));
  auto plans_addr = plans.WaitUntilServing();
  ASSERT_TRUE(plans_addr.has_value()) << plans.Output();
  auto signer = auth::LoadDevelopmentJwtSigner(state);
  ASSERT_TRUE(signer.ok()) << signer.status();
  const Caller as(*signer);
  auto schedule = v1::SchedulingService::NewStub(
      grpc::CreateChannel(*scheduling_addr, grpc::InsecureChannelCredentials()));
  auto record = v1::LedgerService::NewStub(
      grpc::CreateChannel(*ledger_addr, grpc::InsecureChannelCredentials()));
  auto plan_service = v1::PlanService::NewStub(
      grpc::CreateChannel(*plans_addr, grpc::InsecureChannelCredentials()));

  // A conference up to plan agreement, with its referral consent in the (reachable) ledger.
  v1::CreateConferenceRequest create;
  create.set_parent(std::string("tenants/") + kTenant);
  create.set_conference_id("c-plan");
  v1::Conference& c = *create.mutable_conference();
  c.set_urgency(v1::URGENCY_STANDARD);
  c.set_time_zone("Europe/London");
  c.mutable_referral()->mutable_referrer()->set_subject("ref-jo");
  c.mutable_referral()->mutable_referrer()->set_display_name("Jo");
  c.mutable_referral()->set_concerns("Sam is often alone at night.");
  c.add_children()->set_display_name("Sam");
  v1::CreateConferenceResponse created;
  grpc::Status s = schedule->CreateConference(as.Referrer().get(), create, &created);
  ASSERT_TRUE(s.ok()) << s.error_message();
  const v1::Conference conference = created.conference();

  v1::RecordConsentRequest consent;
  consent.set_parent(std::string("tenants/") + kTenant + "/ledger");
  consent.set_request_id("5b0c7d0e-0000-4000-8000-00000000c0c0");
  v1::LedgerEntry* e = consent.mutable_entry();
  e->set_kind(v1::LEDGER_ENTRY_KIND_CONSENT_GIVEN);
  e->set_conference(conference.name());
  e->set_subject(conference.children(0).name());
  e->set_decision("Alex agreed to the referral");
  *e->mutable_occur_time() = TimeUtil::GetCurrentTime();
  e->mutable_consent()->mutable_grantor()->set_display_name("Alex");
  e->mutable_consent()->add_grantees()->set_agency("fgc-service");
  e->mutable_consent()->set_purpose(v1::CONSENT_PURPOSE_REFERRAL);
  e->mutable_consent()->set_collection_method(v1::COLLECTION_METHOD_WRITTEN);
  e->mutable_consent()->set_language_code("en");
  e->mutable_consent()->set_notice_version("referral/en/1");
  v1::RecordConsentResponse consented;
  s = record->RecordConsent(as.Referrer().get(), consent, &consented);
  ASSERT_TRUE(s.ok()) << s.error_message();

  v1::TransitionConferenceRequest move;
  move.set_name(conference.name());
  move.set_stage(v1::STAGE_PREPARATION);
  move.mutable_coordinator()->set_subject("coord-kim");
  move.mutable_coordinator()->set_display_name("Kim");
  move.mutable_coordinator()->set_agency("fgc-service");
  v1::TransitionConferenceResponse moved;
  s = schedule->TransitionConference(as.Coordinator().get(), move, &moved);
  ASSERT_TRUE(s.ok()) << s.error_message();
  v1::CreateVenueRequest venue;
  venue.set_parent(std::string("tenants/") + kTenant);
  venue.set_venue_id("hall");
  venue.mutable_venue()->set_display_name("Hall");
  venue.mutable_venue()->mutable_address()->add_address_lines("1 River Street");
  venue.mutable_venue()->mutable_address()->set_locality("Northtown");
  venue.mutable_venue()->mutable_address()->set_region_code("GB");
  venue.mutable_venue()->set_time_zone("Europe/London");
  venue.mutable_venue()->set_capacity(20);
  v1::CreateVenueResponse hall;
  ASSERT_TRUE(schedule->CreateVenue(as.Coordinator().get(), venue, &hall).ok());
  v1::BookConferenceRequest book;
  book.set_name(conference.name());
  const absl::Time start = absl::Now() + absl::Hours(72);
  *book.mutable_booking()->mutable_start_time() =
      TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(start));
  *book.mutable_booking()->mutable_end_time() =
      TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(start + absl::Hours(2)));
  book.mutable_booking()->set_venue(hall.venue().name());
  v1::BookConferenceResponse booked;
  s = schedule->BookConference(as.Coordinator().get(), book, &booked);
  // No invitations service runs here to tell the family: the booking stands all the same.
  ASSERT_TRUE(s.ok() || s.error_code() == grpc::StatusCode::UNAVAILABLE) << s.error_message();
  for (v1::Stage stage :
       {v1::STAGE_INFORMATION_SHARING, v1::STAGE_PRIVATE_FAMILY_TIME, v1::STAGE_PLAN_AGREEMENT}) {
    move.Clear();
    move.set_name(conference.name());
    move.set_stage(stage);
    s = schedule->TransitionConference(as.Coordinator().get(), move, &moved);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }

  v1::CreatePlanRequest plan;
  plan.set_parent(conference.name());
  plan.mutable_plan()->mutable_draft()->set_family_words("Nan stays with Sam every night.");
  v1::CreatePlanResponse plan_created;
  s = plan_service->CreatePlan(as.Coordinator().get(), plan, &plan_created);
  ASSERT_TRUE(s.ok()) << s.error_message();
  v1::SubmitPlanRequest submit;
  submit.set_name(plan_created.plan().name());
  v1::SubmitPlanResponse submitted;
  s = plan_service->SubmitPlan(as.Coordinator().get(), submit, &submitted);
  ASSERT_TRUE(s.ok()) << s.error_message();
  v1::GetPlanRequest get;
  get.set_name(plan_created.plan().name());
  v1::GetPlanResponse before;
  ASSERT_TRUE(plan_service->GetPlan(as.Referrer().get(), get, &before).ok());

  v1::RecordReferrerDecisionRequest decline;
  decline.set_name(submitted.plan_version().name());
  decline.set_request_id("5b0c7d0e-0000-4000-8000-0000000dec11");
  v1::ReferrerDecision* d = decline.mutable_decision();
  d->set_outcome(v1::REFERRER_OUTCOME_DECLINED);
  d->set_reasons("Nobody is named for the nights Nan cannot do.");
  d->set_remaining_risk("Sam could be alone overnight.");
  d->mutable_legal_basis()->set_statute("Children Act 1989");
  d->mutable_legal_basis()->set_section("s.47");
  d->mutable_family_told()->set_told(false);
  d->mutable_family_told()->set_not_told_reason("The family is told tomorrow.");
  v1::RecordReferrerDecisionResponse declined;
  s = plan_service->RecordReferrerDecision(as.Referrer().get(), decline, &declined);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAVAILABLE) << s.error_message();
  EXPECT_EQ(ReasonOf(s), "LEDGER_UNAVAILABLE");

  v1::GetPlanResponse after;
  ASSERT_TRUE(plan_service->GetPlan(as.Referrer().get(), get, &after).ok());
  EXPECT_EQ(after.plan().state(), v1::PLAN_STATE_SUBMITTED);
  EXPECT_EQ(after.plan().etag(), before.plan().etag());
  v1::GetPlanVersionRequest version;
  version.set_name(submitted.plan_version().name());
  v1::GetPlanVersionResponse still;
  ASSERT_TRUE(plan_service->GetPlanVersion(as.Referrer().get(), version, &still).ok());
  EXPECT_EQ(still.plan_version().state(), v1::PLAN_VERSION_STATE_AWAITING_DECISION);
  EXPECT_FALSE(still.plan_version().has_referrer_decision());
}

}  // namespace
}  // namespace fgc
