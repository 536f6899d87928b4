#include "tests/journey/journey_fixture.h"

#include "absl/strings/str_cat.h"
#include "common/auth/dev_keys.h"
#include "google/protobuf/util/time_util.h"

namespace fgc::journey {

using google::protobuf::util::TimeUtil;

testing::ServingHost* JourneyTest::host_ = nullptr;
auth::JwtSigner* JourneyTest::signer_ = nullptr;
v1::SchedulingService::Stub* JourneyTest::scheduling_ = nullptr;
v1::LedgerService::Stub* JourneyTest::ledger_ = nullptr;

v1::Conference Referral() {
  v1::Conference c;
  c.set_urgency(v1::URGENCY_STANDARD);
  c.set_time_zone("Europe/London");
  v1::Referral* r = c.mutable_referral();
  r->mutable_referrer()->set_subject("ref-jo");
  r->mutable_referrer()->set_display_name("Jo Social Worker");
  r->set_concerns("Sam has missed school for six weeks and is often alone at night.");
  r->add_bottom_lines()->set_text("Sam is not left alone overnight");
  v1::Child* child = c.add_children();
  child->set_display_name("Sam");
  v1::ResponsiblePerson* mum = c.add_parental_responsibility();
  mum->set_display_name("Alex Jones");
  mum->set_relationship("mother");
  return c;
}

void JourneyTest::SetUpTestSuite() {
  host_ = new testing::ServingHost();
  ASSERT_TRUE(host_->serving()) << host_->process().Output();
  auto signer = auth::LoadDevelopmentJwtSigner(host_->state_dir());
  ASSERT_TRUE(signer.ok()) << signer.status();
  signer_ = new auth::JwtSigner(*std::move(signer));
  auto channel = grpc::CreateChannel(host_->address(), grpc::InsecureChannelCredentials());
  scheduling_ = v1::SchedulingService::NewStub(channel).release();
  ledger_ = v1::LedgerService::NewStub(channel).release();
}

void JourneyTest::TearDownTestSuite() {
  delete scheduling_;
  delete ledger_;
  delete signer_;
  delete host_;
}

std::string JourneyTest::Token(auth::Role role, const std::string& sub, const std::string& agency) {
  auth::Claims claims;
  claims.sub = sub;
  claims.tenant = kTenant;
  claims.role = role;
  claims.agency = agency;
  claims.exp = absl::Now() + absl::Hours(1);
  claims.aud = {"fgc"};
  return signer_->Sign(claims).value();
}

std::string JourneyTest::Referrer(const std::string& agency) {
  return Token(auth::Role::kReferrer, "ref-jo", agency);
}

std::string JourneyTest::Coordinator(const std::string& subject) {
  return Token(auth::Role::kCoordinator, subject, "fgc-service");
}

std::unique_ptr<grpc::ClientContext> JourneyTest::As(const std::string& token) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", "Bearer " + token);
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  return context;
}

v1::Conference JourneyTest::Create(const std::string& token, const std::string& request_id) {
  v1::CreateConferenceRequest req;
  req.set_parent(absl::StrCat("tenants/", kTenant));
  *req.mutable_conference() = Referral();
  req.set_request_id(request_id);
  v1::CreateConferenceResponse resp;
  grpc::Status s = scheduling_->CreateConference(As(token).get(), req, &resp);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return resp.conference();
}

grpc::Status JourneyTest::Transition(const std::string& token, const v1::Conference& c,
                                     v1::Stage stage, const std::string& coordinator,
                                     v1::Conference* out) {
  v1::TransitionConferenceRequest req;
  req.set_name(c.name());
  req.set_stage(stage);
  if (!coordinator.empty()) {
    req.mutable_coordinator()->set_subject(coordinator);
    req.mutable_coordinator()->set_display_name("Kim Coordinator");
    req.mutable_coordinator()->set_agency(coordinator == "ref-other" ? "north-council"
                                                                     : "fgc-service");
  }
  v1::TransitionConferenceResponse resp;
  grpc::Status s = scheduling_->TransitionConference(As(token).get(), req, &resp);
  if (out) *out = resp.conference();
  return s;
}

void JourneyTest::RecordReferralConsent(const v1::Conference& c) {
  v1::RecordConsentRequest req;
  req.set_parent(absl::StrCat("tenants/", kTenant, "/ledger"));
  req.set_request_id(absl::StrCat("consent-", c.name()));
  v1::LedgerEntry* e = req.mutable_entry();
  e->set_kind(v1::LEDGER_ENTRY_KIND_CONSENT_GIVEN);
  e->set_conference(c.name());
  e->set_subject(c.children(0).name());
  e->set_decision("Alex agreed to the referral for a family group conference");
  *e->mutable_occur_time() = TimeUtil::GetCurrentTime();
  v1::ConsentDetails* consent = e->mutable_consent();
  consent->mutable_grantor()->set_member(absl::StrCat(c.name(), "/members/alex"));
  consent->mutable_grantor()->set_display_name("Alex Jones");
  consent->mutable_grantor()->set_relationship("mother");
  consent->add_grantees()->set_agency("fgc-service");
  consent->set_purpose(v1::CONSENT_PURPOSE_REFERRAL);
  consent->set_collection_method(v1::COLLECTION_METHOD_WRITTEN);
  consent->set_language_code("en");
  consent->set_notice_version("referral-consent/en/2026-01");
  v1::RecordConsentResponse resp;
  grpc::Status s = ledger_->RecordConsent(As(Referrer()).get(), req, &resp);
  ASSERT_TRUE(s.ok()) << s.error_message();
}

v1::Conference JourneyTest::Prepared(const std::string& coordinator, const std::string& agency) {
  const v1::Conference c = Create(Referrer(agency));
  RecordReferralConsent(c);
  v1::Conference moved;
  grpc::Status s =
      Transition(Coordinator(coordinator), c, v1::STAGE_PREPARATION, coordinator, &moved);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return moved;
}

v1::NetworkMember JourneyTest::NetworkMemberOf(const std::string& coordinator,
                                               const v1::Conference& c,
                                               const std::string& display_name, v1::MemberRole role,
                                               const std::string& email) {
  v1::AddNetworkMemberRequest req;
  req.set_parent(c.name());
  v1::NetworkMember* m = req.mutable_member();
  m->set_display_name(display_name);
  m->set_relationship("family");
  m->add_roles(role);
  m->set_language_code("en");
  if (!email.empty()) {
    v1::ContactChannel* contact = m->add_contacts();
    contact->set_kind(v1::CONTACT_KIND_EMAIL);
    contact->set_value(email);
  }
  auto stub = v1::InvitationService::NewStub(
      grpc::CreateChannel(host_->address(), grpc::InsecureChannelCredentials()));
  v1::AddNetworkMemberResponse resp;
  grpc::Status s = stub->AddNetworkMember(As(Coordinator(coordinator)).get(), req, &resp);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return resp.member();
}

std::string JourneyTest::HandOverInvitation(const std::string& coordinator, const v1::Conference& c,
                                            const v1::NetworkMember& member, v1::Invitation* out) {
  v1::SendInvitationRequest req;
  req.set_parent(c.name());
  req.mutable_invitation()->set_member(member.name());
  req.mutable_invitation()->set_channel(v1::DELIVERY_CHANNEL_BY_HAND);
  auto stub = v1::InvitationService::NewStub(
      grpc::CreateChannel(host_->address(), grpc::InsecureChannelCredentials()));
  v1::SendInvitationResponse resp;
  grpc::Status s = stub->SendInvitation(As(Coordinator(coordinator)).get(), req, &resp);
  EXPECT_TRUE(s.ok()) << s.error_message();
  if (out) *out = resp.invitation();
  const std::string& url = resp.invitation_url();
  EXPECT_NE(url.find("/i/"), std::string::npos) << url;
  return url.substr(url.rfind('/') + 1);
}

std::unique_ptr<grpc::ClientContext> JourneyTest::WithInvitationToken(const std::string& token) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("x-fgc-invitation-token", token);
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  return context;
}

}  // namespace fgc::journey
