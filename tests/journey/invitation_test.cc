// Invitations over real gRPC against a real `fgc serve`: one-time links handed over, opened
// and answered by token; resent (the old link stops), revoked; a restriction recorded in the
// ledger first; the network drawn as an ecomap for each role.
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "fgc/v1/invitation_service.grpc.pb.h"
#include "google/protobuf/util/time_util.h"
#include "tests/journey/journey_fixture.h"
#include "tests/support/grpc_error.h"

namespace fgc::journey {
namespace {

using testing::ReasonOf;

class Invitations : public JourneyTest {
 protected:
  void SetUp() override {
    invitations_ = v1::InvitationService::NewStub(
        grpc::CreateChannel(host_->address(), grpc::InsecureChannelCredentials()));
  }

  v1::NetworkMember AddMember(const v1::Conference& c, const std::string& name, v1::MemberRole role,
                              const std::string& language = "en", const std::string& email = "") {
    v1::AddNetworkMemberRequest req;
    req.set_parent(c.name());
    v1::NetworkMember& m = *req.mutable_member();
    m.set_display_name(name);
    m.set_relationship("family");
    m.add_roles(role);
    m.set_language_code(language);
    if (!email.empty()) {
      v1::ContactChannel* contact = m.add_contacts();
      contact->set_kind(v1::CONTACT_KIND_EMAIL);
      contact->set_value(email);
    }
    v1::AddNetworkMemberResponse resp;
    grpc::Status s =
        invitations_->AddNetworkMember(As(Coordinator(kCoordinator)).get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.member();
  }

  grpc::Status Send(const v1::Conference& c, const v1::NetworkMember& m,
                    v1::SendInvitationResponse* out, const std::string& request_id = "",
                    v1::DeliveryChannel channel = v1::DELIVERY_CHANNEL_BY_HAND) {
    v1::SendInvitationRequest req;
    req.set_parent(c.name());
    req.mutable_invitation()->set_member(m.name());
    req.mutable_invitation()->set_channel(channel);
    req.mutable_invitation()->set_message("We hope you can come.");
    req.set_request_id(request_id);
    return invitations_->SendInvitation(As(Coordinator(kCoordinator)).get(), req, out);
  }

  static std::string TokenOf(const std::string& url) { return url.substr(url.rfind('/') + 1); }

  static std::unique_ptr<grpc::ClientContext> WithToken(const std::string& token) {
    auto context = std::make_unique<grpc::ClientContext>();
    context->AddMetadata("x-fgc-invitation-token", token);
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
    return context;
  }

  grpc::Status Open(const std::string& token, v1::GetMyInvitationResponse* out) {
    return invitations_->GetMyInvitation(WithToken(token).get(), v1::GetMyInvitationRequest(), out);
  }

  static constexpr char kCoordinator[] = "coord-inv";
  std::unique_ptr<v1::InvitationService::Stub> invitations_;
};

TEST_F(Invitations, AHandedOverLinkOpensItsInvitationInTheMembersLanguage) {
  const v1::Conference c = Prepared(kCoordinator, "inv-agency");
  const v1::NetworkMember aunt = AddMember(c, "Grażyna", v1::MEMBER_ROLE_SUPPORTER, "pl");
  v1::SendInvitationResponse sent;
  ASSERT_TRUE(Send(c, aunt, &sent, "9a1b4a5e-0000-4000-8000-000000000001").ok());
  ASSERT_TRUE(absl::StartsWith(sent.invitation_url(), "https://"));
  EXPECT_EQ(sent.invitation().state(), v1::INVITATION_STATE_PENDING);
  EXPECT_EQ(sent.invitation().member(), aunt.name());

  // A retry with the same request_id gets the same link.
  v1::SendInvitationResponse again;
  ASSERT_TRUE(Send(c, aunt, &again, "9a1b4a5e-0000-4000-8000-000000000001").ok());
  EXPECT_EQ(again.invitation_url(), sent.invitation_url());
  EXPECT_EQ(again.invitation().name(), sent.invitation().name());

  v1::GetMyInvitationResponse mine;
  grpc::Status s = Open(TokenOf(sent.invitation_url()), &mine);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(mine.invitation().name(), sent.invitation().name());
  EXPECT_EQ(mine.invitation().state(), v1::INVITATION_STATE_OPENED);
  EXPECT_EQ(mine.member().display_name(), "Grażyna");
  EXPECT_EQ(mine.language_code(), "pl");
  EXPECT_NE(mine.about_conference().find("Rodzinna Konferencja"), std::string::npos);
  ASSERT_EQ(mine.child_display_names_size(), 1);
  EXPECT_EQ(mine.child_display_names(0), c.children(0).display_name());
  EXPECT_EQ(mine.stage(), v1::STAGE_PREPARATION);
  EXPECT_EQ(mine.invitation().message(), "We hope you can come.");

  v1::GetInvitationRequest get;
  get.set_name(sent.invitation().name());
  v1::GetInvitationResponse got;
  ASSERT_TRUE(invitations_->GetInvitation(As(Coordinator(kCoordinator)).get(), get, &got).ok());
  EXPECT_EQ(got.invitation().state(), v1::INVITATION_STATE_OPENED);
  EXPECT_TRUE(got.invitation().has_open_time());
}

TEST_F(Invitations, UnknownMalformedResentAndRevokedLinksAreAllTheSameUnauthenticated) {
  const v1::Conference c = Prepared(kCoordinator, "inv-agency");
  const v1::NetworkMember uncle = AddMember(c, "Uncle Tom", v1::MEMBER_ROLE_SUPPORTER);
  v1::SendInvitationResponse sent;
  ASSERT_TRUE(Send(c, uncle, &sent).ok());
  const std::string first = TokenOf(sent.invitation_url());

  v1::ResendInvitationRequest resend;
  resend.set_name(sent.invitation().name());
  v1::ResendInvitationResponse resent;
  ASSERT_TRUE(
      invitations_->ResendInvitation(As(Coordinator(kCoordinator)).get(), resend, &resent).ok());
  EXPECT_EQ(resent.invitation().resend_count(), 1);
  const std::string second = TokenOf(resent.invitation_url());
  ASSERT_NE(first, second);

  v1::GetMyInvitationResponse mine;
  EXPECT_TRUE(Open(second, &mine).ok());
  const std::string unknown(43, 'A');
  for (const std::string& bad : {first, unknown, std::string("not-a-token")}) {
    grpc::Status s = Open(bad, &mine);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED) << bad;
    EXPECT_EQ(ReasonOf(s), "INVITATION_TOKEN_INVALID");
  }

  v1::RevokeInvitationRequest revoke;
  revoke.set_name(sent.invitation().name());
  revoke.set_reason("Sent to the wrong person");
  v1::RevokeInvitationResponse revoked;
  ASSERT_TRUE(
      invitations_->RevokeInvitation(As(Coordinator(kCoordinator)).get(), revoke, &revoked).ok());
  EXPECT_EQ(revoked.invitation().state(), v1::INVITATION_STATE_REVOKED);
  EXPECT_EQ(Open(second, &mine).error_code(), grpc::StatusCode::UNAUTHENTICATED);

  // A revoked invitation is not resent, and the member may be invited afresh.
  EXPECT_EQ(ReasonOf(invitations_->ResendInvitation(As(Coordinator(kCoordinator)).get(), resend,
                                                    &resent)),
            "INVITATION_REVOKED");
  v1::SendInvitationResponse fresh;
  EXPECT_TRUE(Send(c, uncle, &fresh).ok());
}

TEST_F(Invitations, AMemberAnswersByTokenAndTheirNeedsReachTheirRecord) {
  const v1::Conference c = Prepared(kCoordinator, "inv-agency");
  const v1::NetworkMember nain = AddMember(c, "Nain", v1::MEMBER_ROLE_CARER, "cy");
  v1::SendInvitationResponse sent;
  ASSERT_TRUE(Send(c, nain, &sent).ok());
  v1::SendInvitationResponse twice;
  EXPECT_EQ(ReasonOf(Send(c, nain, &twice)), "RESOURCE_ALREADY_EXISTS");

  v1::RespondToInvitationRequest answer;
  answer.mutable_rsvp()->set_answer(v1::RSVP_ANSWER_REMOTE);
  answer.mutable_rsvp()->set_views("Sam should stay with me at weekends.");
  v1::Need* need = answer.mutable_rsvp()->add_needs();
  need->set_kind(v1::NEED_KIND_INTERPRETER);
  need->set_language_code("cy");
  need->set_details("Welsh, please");
  answer.set_request_id("9a1b4a5e-0000-4000-8000-000000000002");
  v1::RespondToInvitationResponse answered;
  grpc::Status s = invitations_->RespondToInvitation(
      WithToken(TokenOf(sent.invitation_url())).get(), answer, &answered);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(answered.invitation().state(), v1::INVITATION_STATE_ANSWERED);
  EXPECT_EQ(answered.invitation().rsvp().views(), "Sam should stay with me at weekends.");
  EXPECT_EQ(answered.invitation().rsvp().answered_by().subject(), nain.name());

  v1::GetNetworkMemberRequest get;
  get.set_name(nain.name());
  v1::GetNetworkMemberResponse member;
  ASSERT_TRUE(
      invitations_->GetNetworkMember(As(Coordinator(kCoordinator)).get(), get, &member).ok());
  ASSERT_EQ(member.member().needs_size(), 1);
  EXPECT_EQ(member.member().needs(0).details(), "Welsh, please");

  v1::ListInvitationsRequest list;
  list.set_parent(c.name());
  list.set_filter("rsvp.answer = RSVP_ANSWER_REMOTE");
  v1::ListInvitationsResponse listed;
  ASSERT_TRUE(
      invitations_->ListInvitations(As(Coordinator(kCoordinator)).get(), list, &listed).ok());
  ASSERT_EQ(listed.invitations_size(), 1);
  EXPECT_EQ(listed.invitations(0).name(), sent.invitation().name());

  // Staff never reach the family's methods, and an answer needs an answer.
  v1::GetMyInvitationResponse mine;
  EXPECT_EQ(invitations_
                ->GetMyInvitation(As(Coordinator(kCoordinator)).get(), v1::GetMyInvitationRequest(),
                                  &mine)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::RespondToInvitationRequest empty;
  EXPECT_EQ(
      invitations_
          ->RespondToInvitation(WithToken(TokenOf(sent.invitation_url())).get(), empty, &answered)
          .error_code(),
      grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(Invitations, AnEmailInvitationWaitsInTheOutboxAndAMemberWithoutEmailCannotGetOne) {
  const v1::Conference c = Prepared(kCoordinator, "inv-agency");
  const v1::NetworkMember with_email =
      AddMember(c, "Alex", v1::MEMBER_ROLE_PARENTAL_RESPONSIBILITY, "en", "alex@example.org");
  const v1::NetworkMember without = AddMember(c, "Chris", v1::MEMBER_ROLE_PARENTAL_RESPONSIBILITY);
  v1::SendInvitationResponse sent;
  ASSERT_TRUE(Send(c, with_email, &sent, "", v1::DELIVERY_CHANNEL_UNSPECIFIED).ok());
  EXPECT_EQ(sent.invitation().channel(), v1::DELIVERY_CHANNEL_EMAIL);
  EXPECT_TRUE(sent.invitation_url().empty());  // the link goes only into the message
  EXPECT_EQ(sent.invitation().state(), v1::INVITATION_STATE_PENDING);
  EXPECT_EQ(ReasonOf(Send(c, without, &sent, "", v1::DELIVERY_CHANNEL_EMAIL)),
            "NO_CONTACT_CHANNEL");
}

TEST_F(Invitations, ARestrictionIsInTheLedgerBeforeItTakesEffect) {
  const v1::Conference c = Prepared(kCoordinator, "inv-agency");
  const v1::NetworkMember dad = AddMember(c, "Dad", v1::MEMBER_ROLE_PARENTAL_RESPONSIBILITY);
  v1::SendInvitationResponse sent;
  ASSERT_TRUE(Send(c, dad, &sent).ok());

  v1::RestrictParticipationRequest req;
  req.set_name(dad.name());
  v1::ParticipationRestriction& r = *req.mutable_restriction();
  r.set_kind(v1::RESTRICTION_KIND_VIEWS_ONLY);
  r.set_reasons("A court order forbids contact with Sam's mother.");
  r.mutable_legal_basis()->set_statute("Children Act 1989");
  r.mutable_legal_basis()->set_section("s.8");
  r.mutable_review_date()->set_year(2027);
  r.mutable_review_date()->set_month(3);
  r.mutable_review_date()->set_day(1);
  r.set_alternative_contribution("Written views, read out by his advocate");
  r.mutable_family_told()->set_told(true);
  r.mutable_family_told()->set_method(v1::TELL_METHOD_IN_PERSON);
  *r.mutable_family_told()->mutable_tell_time() =
      google::protobuf::util::TimeUtil::GetCurrentTime() -
      google::protobuf::util::TimeUtil::HoursToDuration(1);
  r.set_member_notice("You can send your views in writing.");
  req.set_request_id("9a1b4a5e-0000-4000-8000-000000000003");
  v1::RestrictParticipationResponse restricted;
  grpc::Status s =
      invitations_->RestrictParticipation(As(Coordinator(kCoordinator)).get(), req, &restricted);
  ASSERT_TRUE(s.ok()) << s.error_message();
  const std::string entry = restricted.member().restriction().ledger_entry();
  ASSERT_FALSE(entry.empty());
  v1::RestrictParticipationResponse replayed;
  ASSERT_TRUE(
      invitations_->RestrictParticipation(As(Coordinator(kCoordinator)).get(), req, &replayed)
          .ok());
  EXPECT_EQ(replayed.member().restriction().ledger_entry(), entry);

  v1::GetEntryRequest get;
  get.set_name(entry);
  v1::GetEntryResponse got;
  ASSERT_TRUE(ledger_->GetEntry(As(Coordinator(kCoordinator)).get(), get, &got).ok());
  EXPECT_EQ(got.entry().kind(), v1::LEDGER_ENTRY_KIND_POWER_USED);
  EXPECT_EQ(got.entry().power().power(), v1::POWER_KIND_RESTRICT_PARTICIPATION);
  EXPECT_EQ(got.entry().related_resource(), dad.name());

  // They may send views but not say they will come; they read the notice, not the reasons.
  v1::RespondToInvitationRequest answer;
  answer.mutable_rsvp()->set_answer(v1::RSVP_ANSWER_IN_PERSON);
  v1::RespondToInvitationResponse answered;
  EXPECT_EQ(ReasonOf(invitations_->RespondToInvitation(
                WithToken(TokenOf(sent.invitation_url())).get(), answer, &answered)),
            "MEMBER_RESTRICTED");
  v1::GetMyInvitationResponse mine;
  ASSERT_TRUE(Open(TokenOf(sent.invitation_url()), &mine).ok());
  EXPECT_EQ(mine.member().restriction().member_notice(), "You can send your views in writing.");
  EXPECT_TRUE(mine.member().restriction().reasons().empty());

  // A restriction without its legal basis is refused before anything is written.
  req.mutable_restriction()->clear_legal_basis();
  req.set_request_id("");
  EXPECT_EQ(
      invitations_->RestrictParticipation(As(Coordinator(kCoordinator)).get(), req, &restricted)
          .error_code(),
      grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(Invitations, TheEcomapNamesPeopleOnlyForThoseWhoRunTheNetwork) {
  const v1::Conference c = Prepared(kCoordinator, "map-agency");
  AddMember(c, "Sam", v1::MEMBER_ROLE_CHILD);
  AddMember(c, "Grandma Rose", v1::MEMBER_ROLE_CARER);
  v1::RenderNetworkMapRequest req;
  req.set_parent(c.name());
  v1::RenderNetworkMapResponse full;
  ASSERT_TRUE(invitations_->RenderNetworkMap(As(Coordinator(kCoordinator)).get(), req, &full).ok());
  EXPECT_FALSE(full.redacted());
  EXPECT_NE(full.svg().find("Grandma Rose"), std::string::npos);
  v1::RenderNetworkMapResponse redacted;
  grpc::Status s = invitations_->RenderNetworkMap(As(Referrer("map-agency")).get(), req, &redacted);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_TRUE(redacted.redacted());
  EXPECT_EQ(redacted.svg().find("Grandma Rose"), std::string::npos);
  EXPECT_NE(redacted.svg().find("<svg"), std::string::npos);
}

}  // namespace
}  // namespace fgc::journey
