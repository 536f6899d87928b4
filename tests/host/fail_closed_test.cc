// Fail closed across real processes: the split deployment with the ledger unreachable. A use of
// power (RestrictParticipation) must not take effect without its ledger entry, and leaving
// referral must not happen without the ledger's word on consent.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "absl/time/clock.h"
#include "common/auth/dev_keys.h"
#include "common/auth/jwt_signer.h"
#include "common/db/test_postgres.h"
#include "fgc/v1/invitation_service.grpc.pb.h"
#include "fgc/v1/scheduling_service.grpc.pb.h"
#include "tests/support/grpc_error.h"
#include "tests/support/host_process.h"

namespace fgc {
namespace {

using testing::HostProcess;
using testing::ReasonOf;
using testing::TempDir;

// A loopback port nothing listens on: the ledger is "down".
constexpr char kNoLedger[] = "127.0.0.1:1";
constexpr char kTenant[] = "failclosed";

std::unique_ptr<grpc::ClientContext> As(const auth::JwtSigner& signer, auth::Role role,
                                        const std::string& sub, const std::string& agency) {
  auth::Claims claims;
  claims.sub = sub;
  claims.tenant = kTenant;
  claims.role = role;
  claims.agency = agency;
  claims.exp = absl::Now() + absl::Hours(1);
  claims.aud = {"fgc"};
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", "Bearer " + signer.Sign(claims).value());
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  return context;
}

TEST(FailClosed, WithTheLedgerDownNoRestrictionAndNoMoveOutOfReferralTakesEffect) {
  const std::string url = db::testing::AdminConninfo();
  TempDir dir;
  const std::string state = dir.path() + "/state";
  // Scheduling first: it writes the development keys that invitations then shares.
  HostProcess scheduling("fgc-scheduling",
                         {"--database-url", url, "--state-dir", state, "--listen", "127.0.0.1:0",
                          "--metrics-listen", "127.0.0.1:0", "--ledger-addr", kNoLedger});
  auto scheduling_addr = scheduling.WaitUntilServing();
  ASSERT_TRUE(scheduling_addr.has_value()) << scheduling.Output();
  HostProcess invitations(
      "fgc-invitations",
      {"--database-url", url, "--state-dir", state, "--listen", "127.0.0.1:0", "--metrics-listen",
       "127.0.0.1:0", "--scheduling-addr", *scheduling_addr, "--ledger-addr", kNoLedger});
  auto invitations_addr = invitations.WaitUntilServing();
  ASSERT_TRUE(invitations_addr.has_value()) << invitations.Output();
  auto signer = auth::LoadDevelopmentJwtSigner(state);
  ASSERT_TRUE(signer.ok()) << signer.status();
  auto schedule = v1::SchedulingService::NewStub(
      grpc::CreateChannel(*scheduling_addr, grpc::InsecureChannelCredentials()));
  auto invite = v1::InvitationService::NewStub(
      grpc::CreateChannel(*invitations_addr, grpc::InsecureChannelCredentials()));

  v1::CreateConferenceRequest create;
  create.set_parent(std::string("tenants/") + kTenant);
  create.set_conference_id("c-down");
  v1::Conference& c = *create.mutable_conference();
  c.set_urgency(v1::URGENCY_STANDARD);
  c.set_time_zone("Europe/London");
  c.mutable_referral()->mutable_referrer()->set_subject("ref-jo");
  c.mutable_referral()->mutable_referrer()->set_display_name("Jo");
  c.mutable_referral()->set_concerns("Sam is often alone at night.");
  c.add_children()->set_display_name("Sam");
  v1::CreateConferenceResponse created;
  grpc::Status s = schedule->CreateConference(
      As(*signer, auth::Role::kReferrer, "ref-jo", "north").get(), create, &created);
  ASSERT_TRUE(s.ok()) << s.error_message();
  const std::string conference = created.conference().name();

  // Leaving referral needs the ledger's CheckConsent: no answer is no consent.
  v1::TransitionConferenceRequest move;
  move.set_name(conference);
  move.set_stage(v1::STAGE_PREPARATION);
  move.mutable_coordinator()->set_subject("coord-kim");
  move.mutable_coordinator()->set_display_name("Kim");
  move.mutable_coordinator()->set_agency("fgc-service");
  v1::TransitionConferenceResponse moved;
  s = schedule->TransitionConference(
      As(*signer, auth::Role::kCoordinator, "coord-kim", "fgc-service").get(), move, &moved);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAVAILABLE) << s.error_message();
  EXPECT_EQ(ReasonOf(s), "LEDGER_UNAVAILABLE");

  v1::AddNetworkMemberRequest add;
  add.set_parent(conference);
  add.set_member_id("dad");
  add.mutable_member()->set_display_name("Dad");
  add.mutable_member()->set_relationship("father");
  add.mutable_member()->add_roles(v1::MEMBER_ROLE_PARENTAL_RESPONSIBILITY);
  v1::AddNetworkMemberResponse added;
  s = invite->AddNetworkMember(
      As(*signer, auth::Role::kCoordinator, "coord-kim", "fgc-service").get(), add, &added);
  ASSERT_TRUE(s.ok()) << s.error_message();

  v1::RestrictParticipationRequest restrict;
  restrict.set_name(added.member().name());
  v1::ParticipationRestriction& r = * restrict.mutable_restriction();
  r.set_kind(v1::RESTRICTION_KIND_EXCLUDED);
  r.set_reasons("A court order.");
  r.mutable_legal_basis()->set_statute("Children Act 1989");
  r.mutable_legal_basis()->set_section("s.8");
  r.mutable_review_date()->set_year(2030);
  r.mutable_review_date()->set_month(1);
  r.mutable_review_date()->set_day(1);
  r.set_alternative_contribution("Written views");
  r.mutable_family_told()->set_told(false);
  r.mutable_family_told()->set_not_told_reason("Safety");
  restrict.set_request_id("7d1c1f0e-0000-4000-8000-00000000fa11");
  v1::RestrictParticipationResponse restricted;
  s = invite->RestrictParticipation(
      As(*signer, auth::Role::kCoordinator, "coord-kim", "fgc-service").get(), restrict,
      &restricted);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAVAILABLE) << s.error_message();
  EXPECT_EQ(ReasonOf(s), "LEDGER_UNAVAILABLE");

  v1::GetNetworkMemberRequest get;
  get.set_name(added.member().name());
  v1::GetNetworkMemberResponse got;
  ASSERT_TRUE(
      invite
          ->GetNetworkMember(
              As(*signer, auth::Role::kCoordinator, "coord-kim", "fgc-service").get(), get, &got)
          .ok());
  EXPECT_FALSE(got.member().has_restriction());
  EXPECT_EQ(got.member().etag(), added.member().etag());
}

}  // namespace
}  // namespace fgc
