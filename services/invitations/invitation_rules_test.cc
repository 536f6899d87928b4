#include "services/invitations/invitation_rules.h"

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"

namespace fgc::invitations {
namespace {

using google::protobuf::util::TimeUtil;

const absl::Time kNow = absl::FromUnixSeconds(1'800'000'000);

v1::NetworkMember WithContacts(std::initializer_list<std::pair<v1::ContactKind, bool>> kinds) {
  v1::NetworkMember m;
  m.set_name("tenants/t/conferences/c/members/m-1");
  int n = 0;
  for (const auto& [kind, preferred] : kinds) {
    v1::ContactChannel* c = m.add_contacts();
    c->set_kind(kind);
    c->set_value(absl::StrCat("contact-", n++));
    c->set_preferred(preferred);
  }
  return m;
}

TEST(RouteTo, PrefersThePreferredContactThatCanCarryALink) {
  const auto m = WithContacts({{v1::CONTACT_KIND_PHONE, false},
                               {v1::CONTACT_KIND_EMAIL, false},
                               {v1::CONTACT_KIND_MOBILE, true}});
  auto route = RouteTo(m, v1::DELIVERY_CHANNEL_UNSPECIFIED);
  ASSERT_TRUE(route.ok());
  EXPECT_EQ(route->channel, v1::DELIVERY_CHANNEL_SMS);
  EXPECT_EQ(route->address, "contact-2");
}

TEST(RouteTo, FallsBackToEmailThenMobile) {
  auto route =
      RouteTo(WithContacts({{v1::CONTACT_KIND_MOBILE, false}, {v1::CONTACT_KIND_EMAIL, false}}),
              v1::DELIVERY_CHANNEL_UNSPECIFIED);
  ASSERT_TRUE(route.ok());
  EXPECT_EQ(route->channel, v1::DELIVERY_CHANNEL_EMAIL);
}

TEST(RouteTo, ALandlineOrLetterCannotCarryALink) {
  auto route =
      RouteTo(WithContacts({{v1::CONTACT_KIND_PHONE, true}, {v1::CONTACT_KIND_POST, false}}),
              v1::DELIVERY_CHANNEL_UNSPECIFIED);
  EXPECT_EQ(route.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(RouteTo(WithContacts({{v1::CONTACT_KIND_MOBILE, true}}), v1::DELIVERY_CHANNEL_EMAIL)
                .status()
                .code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST(RouteTo, ByHandNeedsNoContact) {
  auto route = RouteTo(WithContacts({}), v1::DELIVERY_CHANNEL_BY_HAND);
  ASSERT_TRUE(route.ok());
  EXPECT_EQ(route->channel, v1::DELIVERY_CHANNEL_BY_HAND);
}

v1::Invitation Pending() {
  v1::Invitation i;
  i.set_state(v1::INVITATION_STATE_PENDING);
  *i.mutable_expire_time() = TimeUtil::SecondsToTimestamp(absl::ToUnixSeconds(kNow) + 3600);
  return i;
}

TEST(WithStanding, FollowsTheDeliveryUntilOpened) {
  DeliveryReport sent{v1::NOTIFICATION_STATE_SENT, kNow, std::nullopt, ""};
  EXPECT_EQ(WithStanding(Pending(), sent, kNow).state(), v1::INVITATION_STATE_SENT);
  EXPECT_TRUE(WithStanding(Pending(), sent, kNow).has_send_time());
  DeliveryReport bounced{v1::NOTIFICATION_STATE_BOUNCED, kNow, std::nullopt, "550 no such user"};
  const v1::Invitation b = WithStanding(Pending(), bounced, kNow);
  EXPECT_EQ(b.state(), v1::INVITATION_STATE_BOUNCED);
  EXPECT_EQ(b.delivery_error(), "550 no such user");
  v1::Invitation opened = Pending();
  *opened.mutable_open_time() = TimeUtil::SecondsToTimestamp(absl::ToUnixSeconds(kNow));
  EXPECT_EQ(WithStanding(opened, sent, kNow).state(), v1::INVITATION_STATE_OPENED);
}

TEST(WithStanding, AnAnswerWinsOverExpiryAndRevocationOverAll) {
  v1::Invitation answered = Pending();
  answered.mutable_rsvp()->set_answer(v1::RSVP_ANSWER_REMOTE);
  EXPECT_EQ(WithStanding(answered, std::nullopt, kNow + absl::Hours(2)).state(),
            v1::INVITATION_STATE_ANSWERED);
  EXPECT_EQ(WithStanding(Pending(), std::nullopt, kNow + absl::Hours(2)).state(),
            v1::INVITATION_STATE_EXPIRED);
  answered.set_state(v1::INVITATION_STATE_REVOKED);
  EXPECT_EQ(WithStanding(answered, std::nullopt, kNow).state(), v1::INVITATION_STATE_REVOKED);
}

TEST(CheckMayAnswer, ViewsOnlyAndExcludedMembersMayNotSayTheyWillAttend) {
  v1::NetworkMember m;
  m.mutable_restriction()->set_kind(v1::RESTRICTION_KIND_VIEWS_ONLY);
  EXPECT_EQ(CheckMayAnswer(m, v1::RSVP_ANSWER_IN_PERSON).code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(CheckMayAnswer(m, v1::RSVP_ANSWER_VIEWS_ONLY).ok());
  m.mutable_restriction()->set_kind(v1::RESTRICTION_KIND_PART_ATTENDANCE);
  EXPECT_TRUE(CheckMayAnswer(m, v1::RSVP_ANSWER_IN_PERSON).ok());
  m.mutable_restriction()->set_kind(v1::RESTRICTION_KIND_EXCLUDED);
  EXPECT_EQ(CheckMayBeInvited(m).code(), absl::StatusCode::kFailedPrecondition);
}

TEST(ValidateRsvp, RefusesAnAnswerlessRsvpAndAnInterpreterWithoutALanguage) {
  v1::Rsvp rsvp;
  rsvp.add_needs()->set_kind(v1::NEED_KIND_INTERPRETER);
  const absl::Status s = ValidateRsvp(rsvp, "rsvp");
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  rsvp.set_answer(v1::RSVP_ANSWER_IN_PERSON);
  EXPECT_EQ(ValidateRsvp(rsvp, "rsvp").code(), absl::StatusCode::kInvalidArgument);
  rsvp.mutable_needs(0)->set_language_code("pl");
  EXPECT_TRUE(ValidateRsvp(rsvp, "rsvp").ok());
}

}  // namespace
}  // namespace fgc::invitations
