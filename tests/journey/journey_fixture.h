// The fixture of the journey tests: one real `fgc serve` per suite, tokens minted with its
// development key, stubs for its services, and the steps most tests need (a referral, a
// referral consent in the ledger, a move between stages).
#pragma once

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "common/auth/jwt_signer.h"
#include "fgc/v1/invitation_service.grpc.pb.h"
#include "fgc/v1/ledger_service.grpc.pb.h"
#include "fgc/v1/scheduling_service.grpc.pb.h"
#include "tests/support/serving_host.h"

namespace fgc::journey {

inline constexpr char kTenant[] = "journey";

// A referral of one child, Sam, by the referrer ref-jo.
v1::Conference Referral();

class JourneyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite();
  static void TearDownTestSuite();

  static std::string Token(auth::Role role, const std::string& sub, const std::string& agency);
  static std::string Referrer(const std::string& agency = "north-council");
  static std::string Coordinator(const std::string& subject = "coord-kim");
  // A context carrying `token`, with a deadline.
  static std::unique_ptr<grpc::ClientContext> As(const std::string& token);

  // CreateConference of Referral() (expects success).
  v1::Conference Create(const std::string& token, const std::string& request_id = "");
  // TransitionConference to `stage`, allocating `coordinator` when not empty (of the FGC
  // service, or of the referring agency for "ref-other").
  grpc::Status Transition(const std::string& token, const v1::Conference& c, v1::Stage stage,
                          const std::string& coordinator, v1::Conference* out);
  // The ledger's referral consent for the conference's first child, by the referrer.
  void RecordReferralConsent(const v1::Conference& c);
  // A referral, its consent, and the move to PREPARATION with `coordinator` allocated.
  v1::Conference Prepared(const std::string& coordinator, const std::string& agency);

  // The family's side. A network member of `c`, added by `coordinator` (expects success);
  // `email` becomes their one contact when not empty.
  v1::NetworkMember NetworkMemberOf(const std::string& coordinator, const v1::Conference& c,
                                    const std::string& display_name, v1::MemberRole role,
                                    const std::string& email = "");
  // A by-hand invitation of `member` sent by `coordinator`; returns the token of the link handed
  // over (`https://<host>/i/<token>`), and the invitation in `out` (expects success).
  std::string HandOverInvitation(const std::string& coordinator, const v1::Conference& c,
                                 const v1::NetworkMember& member, v1::Invitation* out = nullptr);
  // A context carrying only a family member's invitation token, with a deadline.
  static std::unique_ptr<grpc::ClientContext> WithInvitationToken(const std::string& token);

  static testing::ServingHost* host_;
  static auth::JwtSigner* signer_;
  static v1::SchedulingService::Stub* scheduling_;
  static v1::LedgerService::Stub* ledger_;
};

}  // namespace fgc::journey
