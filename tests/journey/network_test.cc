// The family network over real gRPC against a real `fgc serve`: members added to a conference
// the caller may see (checked by the scheduling service), listed, changed with etags, removed;
// their personal details sealed at rest.
#include <set>

#include "absl/strings/str_cat.h"
#include "fgc/v1/invitation_service.grpc.pb.h"
#include "tests/journey/journey_fixture.h"
#include "tests/support/grpc_error.h"

namespace fgc::journey {
namespace {

using testing::FieldsOf;
using testing::ReasonOf;

class Network : public JourneyTest {
 protected:
  void SetUp() override {
    invitations_ = v1::InvitationService::NewStub(
        grpc::CreateChannel(host_->address(), grpc::InsecureChannelCredentials()));
  }

  static v1::NetworkMember Member(const std::string& name, const std::string& relationship,
                                  v1::MemberRole role) {
    v1::NetworkMember m;
    m.set_display_name(name);
    m.set_relationship(relationship);
    m.add_roles(role);
    m.set_language_code("en");
    return m;
  }

  grpc::Status Add(const v1::Conference& c, const v1::NetworkMember& m, v1::NetworkMember* out,
                   const std::string& token = "") {
    v1::AddNetworkMemberRequest req;
    req.set_parent(c.name());
    *req.mutable_member() = m;
    v1::AddNetworkMemberResponse resp;
    grpc::Status s = invitations_->AddNetworkMember(
        As(token.empty() ? Coordinator("coord-net") : token).get(), req, &resp);
    if (out) *out = resp.member();
    return s;
  }

  std::unique_ptr<v1::InvitationService::Stub> invitations_;
};

TEST_F(Network, ACoordinatorBuildsANetworkOfEightAndListsItInPages) {
  const v1::Conference c = Prepared("coord-net", "net-agency");
  const std::vector<std::pair<std::string, v1::MemberRole>> people = {
      {"Sam", v1::MEMBER_ROLE_CHILD},
      {"Alex", v1::MEMBER_ROLE_PARENTAL_RESPONSIBILITY},
      {"Chris", v1::MEMBER_ROLE_PARENTAL_RESPONSIBILITY},
      {"Nain", v1::MEMBER_ROLE_CARER},
      {"Grażyna", v1::MEMBER_ROLE_SUPPORTER},
      {"Uncle Tom", v1::MEMBER_ROLE_SUPPORTER},
      {"Mrs Patel", v1::MEMBER_ROLE_SUPPORTER},
      {"Jo's advocate", v1::MEMBER_ROLE_ADVOCATE}};
  std::set<std::string> added;
  for (const auto& [name, role] : people) {
    v1::NetworkMember out;
    grpc::Status s = Add(c, Member(name, "family", role), &out);
    ASSERT_TRUE(s.ok()) << s.error_message();
    EXPECT_EQ(out.display_name(), name);
    added.insert(out.name());
  }
  v1::ListNetworkMembersRequest list;
  list.set_parent(c.name());
  list.set_page_size(3);
  std::set<std::string> seen;
  do {
    v1::ListNetworkMembersResponse page;
    grpc::Status s =
        invitations_->ListNetworkMembers(As(Coordinator("coord-net")).get(), list, &page);
    ASSERT_TRUE(s.ok()) << s.error_message();
    for (const auto& m : page.members()) seen.insert(m.name());
    list.set_page_token(page.next_page_token());
  } while (!list.page_token().empty());
  EXPECT_EQ(seen, added);
}

TEST_F(Network, AMemberIsChangedWithItsEtagAndRemoved) {
  const v1::Conference c = Prepared("coord-net", "net-agency");
  v1::NetworkMember aunt;
  ASSERT_TRUE(Add(c, Member("Grażyna", "Mum's sister", v1::MEMBER_ROLE_SUPPORTER), &aunt).ok());
  v1::UpdateNetworkMemberRequest update;
  *update.mutable_member() = aunt;
  update.mutable_member()->set_time_zone("Europe/Warsaw");
  update.mutable_update_mask()->add_paths("time_zone");
  v1::UpdateNetworkMemberResponse updated;
  ASSERT_TRUE(
      invitations_->UpdateNetworkMember(As(Coordinator("coord-net")).get(), update, &updated).ok());
  EXPECT_EQ(updated.member().time_zone(), "Europe/Warsaw");
  EXPECT_EQ(updated.member().display_name(), "Grażyna");
  grpc::Status stale =
      invitations_->UpdateNetworkMember(As(Coordinator("coord-net")).get(), update, &updated);
  EXPECT_EQ(stale.error_code(), grpc::StatusCode::ABORTED);

  v1::RemoveNetworkMemberRequest remove;
  remove.set_name(aunt.name());
  remove.set_reason("Added twice");
  v1::RemoveNetworkMemberResponse removed;
  ASSERT_TRUE(
      invitations_->RemoveNetworkMember(As(Coordinator("coord-net")).get(), remove, &removed).ok());
  v1::GetNetworkMemberRequest get;
  get.set_name(aunt.name());
  v1::GetNetworkMemberResponse got;
  EXPECT_EQ(
      invitations_->GetNetworkMember(As(Coordinator("coord-net")).get(), get, &got).error_code(),
      grpc::StatusCode::NOT_FOUND);
}

TEST_F(Network, AMemberOfAConferenceThatDoesNotExistIsNotFound) {
  v1::Conference ghost;
  ghost.set_name(absl::StrCat("tenants/", kTenant, "/conferences/no-such-conference"));
  grpc::Status s =
      Add(ghost, Member("Alex", "mother", v1::MEMBER_ROLE_PARENTAL_RESPONSIBILITY), nullptr);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND) << s.error_message();
}

TEST_F(Network, AMalformedMemberNamesTheFieldsAndARetryAddsOnce) {
  const v1::Conference c = Prepared("coord-net", "net-agency");
  v1::NetworkMember bad = Member("", "aunt", v1::MEMBER_ROLE_SUPPORTER);
  v1::ContactChannel* email = bad.add_contacts();
  email->set_kind(v1::CONTACT_KIND_EMAIL);
  email->set_value("not an address");
  grpc::Status s = Add(c, bad, nullptr);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(FieldsOf(s).count("member.display_name")) << s.error_message();
  EXPECT_TRUE(FieldsOf(s).count("member.contacts[0].value")) << s.error_message();

  v1::AddNetworkMemberRequest req;
  req.set_parent(c.name());
  *req.mutable_member() = Member("Nain", "grandmother", v1::MEMBER_ROLE_CARER);
  req.set_request_id("add-nain-once");
  v1::AddNetworkMemberResponse first, again;
  ASSERT_TRUE(invitations_->AddNetworkMember(As(Coordinator("coord-net")).get(), req, &first).ok());
  ASSERT_TRUE(invitations_->AddNetworkMember(As(Coordinator("coord-net")).get(), req, &again).ok());
  EXPECT_EQ(first.member().name(), again.member().name());
}

TEST_F(Network, AReferrerCannotReadTheNetwork) {
  const v1::Conference c = Prepared("coord-net", "net-agency");
  v1::ListNetworkMembersRequest list;
  list.set_parent(c.name());
  v1::ListNetworkMembersResponse page;
  grpc::Status s = invitations_->ListNetworkMembers(As(Referrer("net-agency")).get(), list, &page);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(ReasonOf(s), "ROLE_NOT_ALLOWED");
}

}  // namespace
}  // namespace fgc::journey
