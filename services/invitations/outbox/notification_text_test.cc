// Every kind renders in every catalogue language, with each placeholder filled, the link only
// where it belongs, Arabic intact as UTF-8, and English for languages without a catalogue.
#include "services/invitations/outbox/notification_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/base/errors.h"
#include "common/base/field_violations.h"

namespace fgc::invitations::outbox {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kLink[] = "https://family.example/i/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";

NotificationContext Context(v1::NotificationKind kind, const std::string& language) {
  NotificationContext c;
  c.kind = kind;
  c.language_code = language;
  c.recipient_name = "Mair Jones";
  c.child_names = {"Sam", "Lili"};
  c.coordinator_name = "Jo Evans";
  c.coordinator_contact = "+441632960000";
  c.time_zone = absl::FixedTimeZone(0);
  // Tuesday 3 March 2026, 10:00-12:00 UTC.
  c.start_time = absl::FromCivil(absl::CivilSecond(2026, 3, 3, 10, 0, 0), c.time_zone);
  c.end_time = absl::FromCivil(absl::CivilSecond(2026, 3, 3, 12, 0, 0), c.time_zone);
  c.respond_by = absl::FromCivil(absl::CivilSecond(2026, 2, 20, 17, 0, 0), c.time_zone);
  c.venue_name = "Riverside Family Centre";
  c.venue_address = "1 Mill Lane, Cardiff";
  c.link = kLink;
  c.personal_message = "Bring photos if you like.";
  return c;
}

bool LinkBelongsIn(v1::NotificationKind kind) {
  return kind == v1::NOTIFICATION_KIND_INVITATION ||
         kind == v1::NOTIFICATION_KIND_AVAILABILITY_REMINDER;
}

class EveryKindAndLanguage
    : public ::testing::TestWithParam<std::tuple<v1::NotificationKind, std::string>> {};

TEST_P(EveryKindAndLanguage, RendersWithEveryPlaceholderFilled) {
  const auto& [kind, language] = GetParam();
  auto rendered = RenderNotification(Context(kind, language));
  ASSERT_TRUE(rendered.ok()) << rendered.status();
  EXPECT_EQ(rendered->language_code, language);
  for (const std::string* text : {&rendered->subject, &rendered->body, &rendered->sms_text}) {
    EXPECT_FALSE(text->empty());
    EXPECT_TRUE(IsValidUtf8(*text));
    EXPECT_THAT(*text, Not(HasSubstr("{"))) << *text;
    EXPECT_THAT(*text, Not(HasSubstr("}"))) << *text;
  }
  EXPECT_THAT(rendered->subject, Not(HasSubstr("\n")));
  EXPECT_THAT(rendered->body, HasSubstr("Mair Jones"));
  EXPECT_THAT(rendered->body, HasSubstr("Jo Evans"));
  EXPECT_THAT(rendered->body, HasSubstr("Sam"));
  EXPECT_THAT(rendered->body, HasSubstr("Lili"));
  EXPECT_THAT(rendered->body, HasSubstr("Bring photos if you like."));
  if (LinkBelongsIn(kind)) {
    EXPECT_THAT(rendered->body, HasSubstr(std::string("\n") + kLink + "\n"));
    EXPECT_THAT(rendered->sms_text, HasSubstr(kLink));
  } else {
    EXPECT_THAT(rendered->body, Not(HasSubstr(kLink)));
    EXPECT_THAT(rendered->sms_text, Not(HasSubstr(kLink)));
  }
  EXPECT_THAT(rendered->subject, Not(HasSubstr(kLink)));
}

INSTANTIATE_TEST_SUITE_P(
    Catalogues, EveryKindAndLanguage,
    ::testing::Combine(::testing::Values(v1::NOTIFICATION_KIND_INVITATION,
                                         v1::NOTIFICATION_KIND_AVAILABILITY_REMINDER,
                                         v1::NOTIFICATION_KIND_CONFERENCE_BOOKED,
                                         v1::NOTIFICATION_KIND_CONFERENCE_RESCHEDULED,
                                         v1::NOTIFICATION_KIND_CONFERENCE_CANCELLED,
                                         v1::NOTIFICATION_KIND_REVIEW_SCHEDULED,
                                         v1::NOTIFICATION_KIND_PLAN_DISTRIBUTED),
                       ::testing::Values("en", "cy", "pl", "ar")));

TEST(NotificationText, EnglishStatesTheTimePlainlyInTheRecipientsZone) {
  NotificationContext c = Context(v1::NOTIFICATION_KIND_CONFERENCE_BOOKED, "en-GB");
  ASSERT_TRUE(absl::LoadTimeZone("Europe/Warsaw", &c.time_zone));
  auto rendered = RenderNotification(c);
  ASSERT_TRUE(rendered.ok());
  EXPECT_THAT(rendered->body,
              HasSubstr("When: Tuesday 3 March 2026, 11:00 to 13:00 (Europe/Warsaw time)"));
  EXPECT_THAT(rendered->body, HasSubstr("Where: Riverside Family Centre, 1 Mill Lane, Cardiff"));
}

TEST(NotificationText, WelshUsesWelshMonthsAndDays) {
  auto rendered = RenderNotification(Context(v1::NOTIFICATION_KIND_CONFERENCE_BOOKED, "cy"));
  ASSERT_TRUE(rendered.ok());
  EXPECT_THAT(rendered->body, HasSubstr("Dydd Mawrth 3 Mawrth 2026, 10:00 tan 12:00"));
  EXPECT_THAT(rendered->subject, HasSubstr("Sam a Lili"));
}

TEST(NotificationText, PolishUsesGenitiveMonths) {
  auto rendered = RenderNotification(Context(v1::NOTIFICATION_KIND_CONFERENCE_BOOKED, "pl-PL"));
  ASSERT_TRUE(rendered.ok());
  EXPECT_THAT(rendered->body, HasSubstr("wtorek, 3 marca 2026, od 10:00 do 12:00"));
}

TEST(NotificationText, ArabicIsRightToLeftAndIntactUtf8) {
  auto rendered = RenderNotification(Context(v1::NOTIFICATION_KIND_INVITATION, "ar"));
  ASSERT_TRUE(rendered.ok());
  EXPECT_TRUE(rendered->right_to_left);
  EXPECT_THAT(rendered->subject, HasSubstr("دعوة إلى اجتماع عائلي من أجل Sam وLili"));
  EXPECT_THAT(rendered->body, HasSubstr("الثلاثاء 3 مارس 2026"));
  EXPECT_TRUE(IsValidUtf8(rendered->body));
}

TEST(NotificationText, LanguagesWithoutACatalogueFallBackToEnglish) {
  auto rendered = RenderNotification(Context(v1::NOTIFICATION_KIND_INVITATION, "fr-CA"));
  ASSERT_TRUE(rendered.ok());
  EXPECT_EQ(rendered->language_code, "en");
  EXPECT_THAT(rendered->subject, HasSubstr("You are invited"));
  EXPECT_EQ(CatalogueLanguage(""), "en");
  EXPECT_EQ(CatalogueLanguage("CY-gb"), "cy");
}

TEST(NotificationText, RemoteMeetingsSayHowToJoin) {
  NotificationContext c = Context(v1::NOTIFICATION_KIND_CONFERENCE_BOOKED, "en");
  c.remote = true;
  auto rendered = RenderNotification(c);
  ASSERT_TRUE(rendered.ok());
  EXPECT_THAT(rendered->body, HasSubstr("Where: online, by video or phone."));
  EXPECT_THAT(rendered->body, Not(HasSubstr("Riverside")));
}

TEST(NotificationText, MissingPartsAreLeftOutNotBlank) {
  NotificationContext c = Context(v1::NOTIFICATION_KIND_INVITATION, "en");
  c.recipient_name.clear();
  c.child_names.clear();
  c.coordinator_contact.clear();
  c.personal_message.clear();
  c.start_time.reset();
  c.venue_name.clear();
  c.venue_address.clear();
  auto rendered = RenderNotification(c);
  ASSERT_TRUE(rendered.ok());
  EXPECT_THAT(rendered->body, HasSubstr("Hello,\n"));
  EXPECT_THAT(rendered->body, HasSubstr("for the child"));
  EXPECT_THAT(rendered->body, Not(HasSubstr("When:")));
  EXPECT_THAT(rendered->body, Not(HasSubstr("Where:")));
  EXPECT_THAT(rendered->body, HasSubstr("please ask Jo Evans."));
  EXPECT_THAT(rendered->body, Not(HasSubstr("\n\n\n")));
}

TEST(NotificationText, AValueIsNeverReadAsAPlaceholder) {
  NotificationContext c = Context(v1::NOTIFICATION_KIND_CONFERENCE_BOOKED, "en");
  c.recipient_name = "{link}";
  auto rendered = RenderNotification(c);
  ASSERT_TRUE(rendered.ok());
  EXPECT_THAT(rendered->body, HasSubstr("Hello {link},"));
  EXPECT_THAT(rendered->body, Not(HasSubstr(kLink)));
}

TEST(NotificationText, AnInvitationWithoutItsLinkIsRefusedWithoutEchoingInput) {
  NotificationContext c = Context(v1::NOTIFICATION_KIND_INVITATION, "en");
  c.link.clear();
  c.child_names = {"Sam\nBcc: x@example.org"};
  auto rendered = RenderNotification(c);
  ASSERT_EQ(rendered.status().code(), absl::StatusCode::kInvalidArgument);
  const auto details = DetailsOf(rendered.status());
  ASSERT_TRUE(details.has_value());
  ASSERT_EQ(details->field_violations.size(), 2u);
  EXPECT_EQ(details->field_violations[0].field, "link");
  EXPECT_EQ(details->field_violations[1].field, "child_names[0]");
  EXPECT_THAT(rendered.status().ToString(), Not(HasSubstr("Bcc")));
}

TEST(NotificationText, ABookingNoticeNeedsItsTime) {
  NotificationContext c = Context(v1::NOTIFICATION_KIND_CONFERENCE_BOOKED, "en");
  c.start_time.reset();
  EXPECT_EQ(RenderNotification(c).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace fgc::invitations::outbox
