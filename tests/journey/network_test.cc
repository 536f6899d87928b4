// The family network over real gRPC against a real `fgc serve`: members added to a conference
// the caller may see (checked by the scheduling service), listed, changed with etags, removed;
// their personal details sealed at rest.
#include <set>

#include "absl/strings/str_cat.h"
#include "fgc/v1/invitation_service.grpc.pb.h"
#include "google/protobuf/util/time_util.h"
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

TEST_F(Network, SuggestSlotsPrefersTheSlotThatKeepsEveryKeyParticipant) {
  const v1::Conference c = Prepared("coord-suggest", "net-agency");
  v1::NetworkMember sam, mum, aunt;
  const std::string coordinator = Coordinator("coord-suggest");
  ASSERT_TRUE(Add(c, Member("Sam", "the child", v1::MEMBER_ROLE_CHILD), &sam, coordinator).ok());
  ASSERT_TRUE(
      Add(c, Member("Alex", "mum", v1::MEMBER_ROLE_PARENTAL_RESPONSIBILITY), &mum, coordinator)
          .ok());
  ASSERT_TRUE(
      Add(c, Member("Grażyna", "aunt", v1::MEMBER_ROLE_SUPPORTER), &aunt, coordinator).ok());
  v1::ProposeSlotsRequest propose;
  propose.set_parent(c.name());
  for (int days : {8, 9}) {
    v1::Slot* slot = propose.add_slots();
    const absl::Time start = absl::Now() + absl::Hours(24 * days);
    *slot->mutable_start_time() =
        google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(start));
    *slot->mutable_end_time() = google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(
        absl::ToUnixMicros(start + absl::Hours(3)));
    slot->set_remote_available(true);
  }
  v1::ProposeSlotsResponse proposed;
  ASSERT_TRUE(scheduling_->ProposeSlots(As(coordinator).get(), propose, &proposed).ok());
  const std::string early = proposed.slots(0).name(), late = proposed.slots(1).name();
  // The early slot has everyone but mum; the late one loses only the aunt.
  auto answer = [&](const v1::NetworkMember& who, v1::AvailabilityAnswer at_early,
                    v1::AvailabilityAnswer at_late) {
    v1::RecordAvailabilityRequest req;
    req.set_name(who.name());
    v1::Availability* a = req.add_availability();
    a->set_slot(early);
    a->set_answer(at_early);
    a = req.add_availability();
    a->set_slot(late);
    a->set_answer(at_late);
    v1::RecordAvailabilityResponse resp;
    ASSERT_TRUE(scheduling_->RecordAvailability(As(coordinator).get(), req, &resp).ok());
  };
  answer(sam, v1::AVAILABILITY_ANSWER_YES, v1::AVAILABILITY_ANSWER_YES);
  answer(mum, v1::AVAILABILITY_ANSWER_NO, v1::AVAILABILITY_ANSWER_YES);
  answer(aunt, v1::AVAILABILITY_ANSWER_YES, v1::AVAILABILITY_ANSWER_NO);

  v1::SuggestSlotsRequest req;
  req.set_parent(c.name());
  v1::SuggestSlotsResponse suggested;
  grpc::Status s = scheduling_->SuggestSlots(As(coordinator).get(), req, &suggested);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(suggested.participant_count(), 3);
  ASSERT_EQ(suggested.suggestions_size(), 2);
  EXPECT_EQ(suggested.suggestions(0).slot().name(), late);
  EXPECT_EQ(suggested.suggestions(0).key_participants_missing(), 0);
  EXPECT_EQ(suggested.suggestions(1).key_participants_missing(), 1);
  EXPECT_NE(suggested.suggestions(0).explanation().find("Grażyna"), std::string::npos)
      << suggested.suggestions(0).explanation();
}

}  // namespace
}  // namespace fgc::journey
