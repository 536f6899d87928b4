#include "clients/family-web/family_pages.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <functional>
#include <regex>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/base/proto_time.h"

namespace fgc::family_web {
namespace {

// 9 March 2027, a Tuesday, before either zone moves its clocks.
const absl::Time kStart = absl::FromUnixSeconds(1804586400);  // 10:00 UTC
const absl::Time kEnd = kStart + absl::Hours(4);

PageContext Context(const std::string& language, const std::string& zone = "Europe/London") {
  PageContext page;
  page.language = language;
  page.time_zone = zone;
  page.csrf_token = "csrf-token-1";
  page.path = "/invitation";
  page.now = kStart - absl::Hours(24 * 30);
  return page;
}

v1::GetMyInvitationResponse Invitation() {
  v1::GetMyInvitationResponse mine;
  mine.mutable_member()->set_display_name("Kim");
  mine.mutable_member()->set_name("tenants/t/conferences/c/members/kim");
  mine.add_child_display_names("Sam");
  mine.add_child_display_names("Alex");
  mine.mutable_coordinator()->set_display_name("Jo Bloggs");
  mine.mutable_coordinator()->set_phone_number("+441632960000");
  mine.mutable_coordinator()->set_email("jo@example.org");
  mine.set_stage(v1::STAGE_BOOKED);
  *mine.mutable_booking()->mutable_start_time() = ToTimestamp(kStart);
  *mine.mutable_booking()->mutable_end_time() = ToTimestamp(kEnd);
  mine.mutable_booking()->set_state(v1::BOOKING_STATE_CONFIRMED);
  mine.mutable_venue()->set_display_name("Riverside Community Centre");
  mine.mutable_venue()->mutable_address()->add_address_lines("1 River Road");
  mine.set_conference_time_zone("Europe/London");
  mine.set_about_conference("A Family Group Conference is a meeting.\n\nThe family makes a plan.");
  mine.set_plan_available(true);
  return mine;
}

v1::ListSlotsResponse Slots() {
  v1::ListSlotsResponse slots;
  slots.set_time_zone("Europe/London");
  v1::Slot& slot = *slots.add_slots();
  slot.set_name("tenants/t/conferences/c/slots/s1");
  *slot.mutable_start_time() = ToTimestamp(kStart);
  *slot.mutable_end_time() = ToTimestamp(kEnd);
  slot.add_availability()->set_answer(v1::AVAILABILITY_ANSWER_IF_NEED_BE);
  v1::Slot& other = *slots.add_slots();
  other.set_name("tenants/t/conferences/c/slots/s2");
  *other.mutable_start_time() = ToTimestamp(kStart + absl::Hours(48));
  *other.mutable_end_time() = ToTimestamp(kEnd + absl::Hours(48));
  return slots;
}

v1::LedgerEntry Consent() {
  v1::LedgerEntry entry;
  entry.set_name("tenants/t/ledger/entries/7");
  entry.set_index(7);
  entry.set_kind(v1::LEDGER_ENTRY_KIND_CONSENT_GIVEN);
  entry.set_decision("Kim agreed that the family network can be contacted");
  *entry.mutable_occur_time() = ToTimestamp(kStart - absl::Hours(24 * 40));
  entry.mutable_consent()->set_purpose(v1::CONSENT_PURPOSE_CONTACT_NETWORK);
  entry.mutable_consent()->mutable_grantor()->set_display_name("Kim");
  entry.mutable_actor()->set_role(v1::ACTOR_ROLE_COORDINATOR);
  return entry;
}

v1::GetMyRecordResponse Record() {
  v1::GetMyRecordResponse record;
  *record.add_entries() = Consent();
  v1::LedgerEntry& power = *record.add_entries();
  power.set_name("tenants/t/ledger/entries/3");
  power.set_index(3);
  power.set_kind(v1::LEDGER_ENTRY_KIND_POWER_USED);
  power.set_decision("The plan was not agreed");
  *power.mutable_occur_time() = ToTimestamp(kStart - absl::Hours(24 * 50));
  power.mutable_power()->set_power(v1::POWER_KIND_DECLINE_PLAN);
  power.mutable_power()->set_reasons("Sam would be alone with Jo");
  power.mutable_power()->mutable_legal_basis()->set_statute("Children Act 1989");
  power.mutable_power()->mutable_legal_basis()->set_section("s.47");
  power.mutable_actor()->set_display_name("Pat Referrer");
  record.add_withdrawable_entries("tenants/t/ledger/entries/7");
  return record;
}

v1::GetMyPlanResponse Plan() {
  v1::GetMyPlanResponse plan;
  v1::PlanContent& content = *plan.mutable_plan_version()->mutable_content();
  content.set_family_words("We will keep Sam safe.");
  v1::PlanItem& item = *content.add_items();
  item.set_item_id("school-run");
  item.set_what("Nan collects Sam from school");
  item.set_who("Nan");
  item.mutable_due_date()->set_year(2027);
  item.mutable_due_date()->set_month(4);
  item.mutable_due_date()->set_day(1);
  content.mutable_review_date()->set_year(2027);
  content.mutable_review_date()->set_month(6);
  content.mutable_review_date()->set_day(9);
  v1::ProgressReport& progress = *plan.add_progress();
  progress.set_item_id("school-run");
  progress.set_status(v1::PROGRESS_STATUS_IN_PROGRESS);
  progress.set_reported_by("Nan");
  *progress.mutable_observe_time() = ToTimestamp(kStart);
  *plan.mutable_distribute_time() = ToTimestamp(kStart);
  return plan;
}

struct NamedPage {
  std::string name;
  std::function<std::string(const PageContext&)> render;
};

std::vector<NamedPage> EveryPage() {
  return {
      {"invitation", [](const PageContext& p) { return InvitationPage(p, Invitation()); }},
      {"respond", [](const PageContext& p) { return RespondPage(p, Invitation(), {}, {}); }},
      {"respond-errors",
       [](const PageContext& p) {
         return RespondPage(p, Invitation(), {}, {{"answer", "Choose"}, {"views", "Write"}});
       }},
      {"availability",
       [](const PageContext& p) {
         v1::GetMyInvitationResponse mine = Invitation();
         mine.clear_booking();
         mine.set_stage(v1::STAGE_PREPARATION);
         return AvailabilityPage(p, mine, Slots(), {});
       }},
      {"plan", [](const PageContext& p) { return PlanPage(p, Plan()); }},
      {"record", [](const PageContext& p) { return RecordPage(p, Record()); }},
      {"withdraw", [](const PageContext& p) { return WithdrawPage(p, Consent()); }},
      {"done", [](const PageContext& p) { return DonePage(p, "done.respond"); }},
      {"link-problem", [](const PageContext& p) { return LinkProblemPage(p); }},
      {"problem", [](const PageContext& p) { return ProblemPage(p, 404); }},
  };
}

size_t Count(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++count;
  }
  return count;
}

size_t GzipSize(const std::string& data) {
  z_stream stream{};
  EXPECT_EQ(deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY),
            Z_OK);
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  const size_t size = stream.total_out;
  deflateEnd(&stream);
  return size;
}

class EveryPageIn : public testing::TestWithParam<std::string> {};

INSTANTIATE_TEST_SUITE_P(Languages, EveryPageIn, testing::Values("en", "cy", "pl", "ar"));

TEST_P(EveryPageIn, DeclaresItsLanguageAndDirection) {
  const std::string dir = GetParam() == "ar" ? "rtl" : "ltr";
  for (const NamedPage& page : EveryPage()) {
    EXPECT_TRUE(
        absl::StrContains(page.render(Context(GetParam())),
                          absl::StrCat("<html lang=\"", GetParam(), "\" dir=\"", dir, "\">")))
        << page.name;
  }
}

TEST_P(EveryPageIn, HasNoScriptAndNoInlineStyle) {
  for (const NamedPage& page : EveryPage()) {
    const std::string html = page.render(Context(GetParam()));
    EXPECT_FALSE(absl::StrContains(html, "<script")) << page.name;
    EXPECT_FALSE(absl::StrContains(html, "style=")) << page.name;
    EXPECT_FALSE(absl::StrContains(html, "<style")) << page.name;
  }
}

TEST_P(EveryPageIn, LinksOnlyTheSameOriginStylesheet) {
  for (const NamedPage& page : EveryPage()) {
    const std::string html = page.render(Context(GetParam()));
    EXPECT_EQ(Count(html, "<link "), 1u) << page.name;
    EXPECT_TRUE(absl::StrContains(html, "<link rel=\"stylesheet\" href=\"/static/family.css\">"))
        << page.name;
  }
}

TEST_P(EveryPageIn, HasASkipLinkToMainAndOneH1) {
  for (const NamedPage& page : EveryPage()) {
    const std::string html = page.render(Context(GetParam()));
    EXPECT_TRUE(absl::StrContains(html, "<a class=\"skip\" href=\"#main-content\">")) << page.name;
    EXPECT_EQ(Count(html, "<main id=\"main-content\">"), 1u) << page.name;
    EXPECT_EQ(Count(html, "<h1"), 1u) << page.name;
  }
}

TEST_P(EveryPageIn, OffersTheOtherLanguagesEachInItself) {
  for (const NamedPage& page : EveryPage()) {
    const std::string html = page.render(Context(GetParam()));
    for (const std::string& language : SupportedLanguages()) {
      if (language == GetParam()) {
        EXPECT_TRUE(absl::StrContains(
            html, absl::StrCat("<span lang=\"", language, "\" aria-current=\"true\">")))
            << page.name;
        continue;
      }
      EXPECT_TRUE(absl::StrContains(html, absl::StrCat("lang=", language, "\" lang=\"", language,
                                                       "\" hreflang=\"", language, "\">")))
          << page.name << " " << language;
    }
  }
}

TEST_P(EveryPageIn, PostsEveryFormWithTheCsrfField) {
  for (const NamedPage& page : EveryPage()) {
    const std::string html = page.render(Context(GetParam()));
    EXPECT_EQ(Count(html, "<form "), Count(html, "method=\"post\"")) << page.name;
    EXPECT_EQ(Count(html, "<form "),
              Count(html, "<input type=\"hidden\" name=\"csrf\" value=\"csrf-token-1\">"))
        << page.name;
  }
}

TEST_P(EveryPageIn, WeighsAtMost14KilobytesCompressedWithItsStylesheet) {
  for (const NamedPage& page : EveryPage()) {
    const size_t weight = GzipSize(page.render(Context(GetParam()))) + GzipSize(Stylesheet());
    EXPECT_LE(weight, 14u * 1024) << page.name;
  }
}

TEST(LanguageSwitcher, LinksToTheSamePath) {
  PageContext page = Context("en");
  page.path = "/record";
  EXPECT_TRUE(absl::StrContains(RecordPage(page, Record()), "href=\"/record?lang=cy\""));
}

TEST(LanguageSwitcher, NeverLinksToAnotherSite) {
  PageContext page = Context("en");
  page.path = "//evil.example/x";
  const std::string html = ProblemPage(page, 404);
  EXPECT_FALSE(absl::StrContains(html, "evil.example"));
  EXPECT_TRUE(absl::StrContains(html, "href=\"/invitation?lang=cy\""));
}

TEST(LanguageSwitcher, KeepsTheEntryOnTheWithdrawPage) {
  PageContext page = Context("en");
  page.path = "/withdraw";
  EXPECT_TRUE(absl::StrContains(WithdrawPage(page, Consent()),
                                "href=\"/withdraw?entry=tenants/t/ledger/entries/7&amp;lang=ar\""));
}

TEST(InvitationPage, EscapesNamesAndIsolatesThemInBdi) {
  v1::GetMyInvitationResponse mine = Invitation();
  mine.mutable_member()->set_display_name("<script>alert('x')</script>");
  mine.mutable_coordinator()->set_display_name("Jo \"The Coordinator\" O'Neil & co");
  mine.set_child_display_names(0, "سام");
  const std::string html = InvitationPage(Context("en"), mine);
  EXPECT_FALSE(absl::StrContains(html, "<script>"));
  EXPECT_TRUE(
      absl::StrContains(html, "<bdi>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</bdi>"));
  EXPECT_TRUE(
      absl::StrContains(html, "<bdi>Jo &quot;The Coordinator&quot; O&#39;Neil &amp; co</bdi>"));
  EXPECT_TRUE(absl::StrContains(html, "<bdi>سام</bdi> and <bdi>Alex</bdi>"));
}

TEST(InvitationPage, SaysWhoInvitesAndHowToReachThem) {
  const std::string html = InvitationPage(Context("en"), Invitation());
  EXPECT_TRUE(absl::StrContains(html, "<bdi>Jo Bloggs</bdi> is inviting you."));
  EXPECT_TRUE(absl::StrContains(html, "href=\"tel:+441632960000\""));
  EXPECT_TRUE(absl::StrContains(html, "href=\"mailto:jo@example.org\""));
}

TEST(InvitationPage, ExplainsTheConferenceInTheServicesWords) {
  const std::string html = InvitationPage(Context("en"), Invitation());
  EXPECT_TRUE(absl::StrContains(
      html, "<p>A Family Group Conference is a meeting.</p><p>The family makes a plan.</p>"));
  EXPECT_TRUE(absl::StrContains(html, "Private family time"));
}

TEST(InvitationPage, LinksToTheCalendarOnceBookedAndThePlanWhenAvailable) {
  const std::string html = InvitationPage(Context("en"), Invitation());
  EXPECT_TRUE(absl::StrContains(html, "href=\"/calendar.ics\""));
  EXPECT_TRUE(absl::StrContains(html, "href=\"/plan\""));
  EXPECT_TRUE(absl::StrContains(html, "href=\"/record\""));
  EXPECT_FALSE(absl::StrContains(html, "href=\"/availability\""));
}

TEST(InvitationPage, LinksToAvailabilityWhileTimesAreOpen) {
  v1::GetMyInvitationResponse mine = Invitation();
  mine.clear_booking();
  mine.set_stage(v1::STAGE_PREPARATION);
  const std::string html = InvitationPage(Context("en"), mine);
  EXPECT_TRUE(absl::StrContains(html, "href=\"/availability\""));
  EXPECT_FALSE(absl::StrContains(html, "href=\"/calendar.ics\""));
}

TEST(InvitationPage, ShowsTheTimeInTheReadersZoneAndTheConferences) {
  const std::string html = InvitationPage(Context("en", "Europe/Warsaw"), Invitation());
  EXPECT_TRUE(absl::StrContains(html, "Tuesday 9 March 2027, 11:00 to 15:00"));
  EXPECT_TRUE(absl::StrContains(html, "Tuesday 9 March 2027, 10:00 to 14:00"));
  EXPECT_TRUE(absl::StrContains(html, "Poland Time"));
}

TEST(InvitationPage, NamesNoZoneWhenTheReaderKeepsTheConferencesClock) {
  const std::string html = InvitationPage(Context("en", "Europe/London"), Invitation());
  EXPECT_TRUE(absl::StrContains(html, "Tuesday 9 March 2027, 10:00 to 14:00"));
  EXPECT_FALSE(absl::StrContains(html, "your time zone"));
}

TEST(InvitationPage, WritesDatesInArabicForArabicReaders) {
  const std::string html = InvitationPage(Context("ar", "Asia/Dubai"), Invitation());
  // 14:00 to 18:00 in Dubai (UTC+4), in Arabic words and digits.
  EXPECT_TRUE(absl::StrContains(html, "الثلاثاء، ٩ مارس ٢٠٢٧، من ٢:٠٠ م إلى ٦:٠٠ م"));
  EXPECT_TRUE(absl::StrContains(html, "<html lang=\"ar\" dir=\"rtl\">"));
}

TEST(InvitationPage, UsesTheConferencesZoneWhenTheReadersIsUnknown) {
  const std::string html = InvitationPage(Context("en", "Mars/Olympus"), Invitation());
  EXPECT_TRUE(absl::StrContains(html, "Tuesday 9 March 2027, 10:00 to 14:00"));
}

TEST(InvitationPage, ShowsARestrictionsNoticeToTheMember) {
  v1::GetMyInvitationResponse mine = Invitation();
  mine.mutable_member()->mutable_restriction()->set_kind(v1::RESTRICTION_KIND_VIEWS_ONLY);
  mine.mutable_member()->mutable_restriction()->set_member_notice("You can send your views.");
  EXPECT_TRUE(absl::StrContains(InvitationPage(Context("en"), mine),
                                "<bdi>You can send your views.</bdi>"));
}

TEST(RespondPage, LabelsEveryInput) {
  const std::string html = RespondPage(Context("en"), Invitation(), {}, {});
  const std::regex control(R"(<(input|textarea|select)[^>]*>)");
  const std::regex id(R"re(id="([^"]+)")re");
  int labelled = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), control);
       it != std::sregex_iterator(); ++it) {
    const std::string tag = it->str();
    if (absl::StrContains(tag, "type=\"hidden\"")) continue;
    std::smatch found;
    ASSERT_TRUE(std::regex_search(tag, found, id)) << tag;
    EXPECT_TRUE(std::regex_search(
        html, std::regex(absl::StrCat("<label[^>]* for=\"", found[1].str(), "\""))))
        << tag;
    ++labelled;
  }
  // 4 answers, views, 6 needs with 6 details, the interpreter's language.
  EXPECT_EQ(labelled, 18);
}

TEST(RespondPage, GroupsRadiosAndCheckboxesInFieldsetsWithLegends) {
  const std::string html = RespondPage(Context("en"), Invitation(), {}, {});
  EXPECT_EQ(Count(html, "<fieldset"), 2u);
  EXPECT_TRUE(absl::StrContains(html, "<legend>Will you come to the meeting?</legend>"));
  EXPECT_TRUE(absl::StrContains(html, "<legend>Do you need help to take part?</legend>"));
}

TEST(RespondPage, PostsToRespondWithTheCsrfField) {
  const std::string html = RespondPage(Context("en"), Invitation(), {}, {});
  EXPECT_TRUE(absl::StrContains(html, "<form method=\"post\" action=\"/respond\""));
  EXPECT_TRUE(
      absl::StrContains(html, "<input type=\"hidden\" name=\"csrf\" value=\"csrf-token-1\">"));
}

TEST(RespondPage, LinksTheHintToItsField) {
  const std::string html = RespondPage(Context("en"), Invitation(), {}, {});
  EXPECT_TRUE(absl::StrContains(html, "<p class=\"hint\" id=\"views-hint\">"));
  EXPECT_TRUE(
      absl::StrContains(html, "id=\"views\" name=\"views\" aria-describedby=\"views-hint\""));
}

TEST(RespondPage, KeepsWhatWasPostedWhenShownAgain) {
  RespondForm form;
  form.answer = "remote";
  form.views = "I'd like <Nan> there";
  form.needs["interpreter"] = "Polish please";
  form.interpreter_language = "pl";
  const std::string html = RespondPage(Context("en"), Invitation(), form, {{"views", "Too long"}});
  EXPECT_TRUE(absl::StrContains(html, "value=\"remote\" checked"));
  EXPECT_TRUE(absl::StrContains(html, "I&#39;d like &lt;Nan&gt; there</textarea>"));
  EXPECT_TRUE(absl::StrContains(html, "name=\"need-interpreter\" value=\"yes\" checked"));
  EXPECT_TRUE(absl::StrContains(html, "value=\"Polish please\""));
  EXPECT_TRUE(absl::StrContains(html, "<option value=\"pl\" selected>Polish</option>"));
}

TEST(RespondPage, SummarisesErrorsWithLinksToEachField) {
  const std::string html = RespondPage(
      Context("en"), Invitation(), {},
      {{"answer", "Choose if you will come"}, {"need-travel-details", "This is too long"}});
  EXPECT_TRUE(absl::StrContains(html, "<title>Error: Answer the invitation"));
  EXPECT_TRUE(absl::StrContains(html, "role=\"alert\""));
  EXPECT_TRUE(absl::StrContains(html, "<a href=\"#answer\">Choose if you will come</a>"));
  EXPECT_TRUE(absl::StrContains(html, "<a href=\"#need-travel-details\">This is too long</a>"));
  // The summary comes before the heading, and each link has its field.
  EXPECT_LT(html.find("class=\"sum\""), html.find("<h1>"));
  EXPECT_TRUE(absl::StrContains(html, "<input id=\"answer\" type=\"radio\""));
  EXPECT_TRUE(absl::StrContains(html, "id=\"need-travel-details\" name=\"need-travel-details\""));
}

TEST(RespondPage, ShowsEachErrorBesideItsField) {
  const std::string html =
      RespondPage(Context("en"), Invitation(), {}, {{"views", "Write your views"}});
  EXPECT_TRUE(absl::StrContains(
      html,
      "<p class=\"err\" id=\"views-error\"><span class=\"vh\">Error:</span> Write your views"));
  EXPECT_TRUE(
      absl::StrContains(html, "aria-describedby=\"views-hint views-error\" aria-invalid=\"true\""));
  EXPECT_TRUE(absl::StrContains(html, "<div class=\"fg fg-err\">"));
}

TEST(RespondPage, StartsWithTheNeedsAlreadyGiven) {
  v1::GetMyInvitationResponse mine = Invitation();
  v1::Need& need = *mine.mutable_invitation()->mutable_rsvp()->add_needs();
  need.set_kind(v1::NEED_KIND_DIETARY);
  need.set_details("No nuts");
  const std::string html = RespondPage(Context("en"), mine, {}, {});
  EXPECT_TRUE(absl::StrContains(html, "name=\"need-dietary\" value=\"yes\" checked"));
  EXPECT_TRUE(absl::StrContains(html, "value=\"No nuts\""));
}

TEST(AvailabilityPage, AsksAboutEachSlotWithTheAnswerGivenChecked) {
  v1::GetMyInvitationResponse mine = Invitation();
  mine.clear_booking();
  mine.set_stage(v1::STAGE_PREPARATION);
  const std::string html = AvailabilityPage(Context("en"), mine, Slots(), {});
  EXPECT_TRUE(absl::StrContains(html, "<form method=\"post\" action=\"/availability\""));
  EXPECT_TRUE(absl::StrContains(html, "<legend>Tuesday 9 March 2027, 10:00 to 14:00</legend>"));
  EXPECT_TRUE(absl::StrContains(html, "<legend>Thursday 11 March 2027, 10:00 to 14:00</legend>"));
  EXPECT_TRUE(absl::StrContains(html,
                                "<input id=\"slot-s1-if-need-be\" type=\"radio\" name=\"slot-s1\" "
                                "value=\"if-need-be\" checked>"));
  EXPECT_TRUE(absl::StrContains(
      html, "<input id=\"slot-s2\" type=\"radio\" name=\"slot-s2\" value=\"yes\">"));
}

TEST(AvailabilityPage, IsReadOnlyAfterTheDeadline) {
  v1::GetMyInvitationResponse mine = Invitation();
  mine.clear_booking();
  mine.set_stage(v1::STAGE_PREPARATION);
  v1::ListSlotsResponse slots = Slots();
  *slots.mutable_availability_deadline() = ToTimestamp(kStart - absl::Hours(24 * 40));
  const std::string html = AvailabilityPage(Context("en"), mine, slots, {});
  EXPECT_FALSE(absl::StrContains(html, "<form"));
  EXPECT_TRUE(absl::StrContains(html, "The time to answer has ended."));
  EXPECT_TRUE(absl::StrContains(html, "Your answer: I can come if I really have to"));
}

TEST(PlanPage, ShowsEachItemWithItsLatestProgressAndTheReviewDate) {
  const std::string html = PlanPage(Context("en"), Plan());
  EXPECT_TRUE(absl::StrContains(html, "<h3><bdi>Nan collects Sam from school</bdi></h3>"));
  EXPECT_TRUE(absl::StrContains(html, "Thursday 1 April 2027"));
  EXPECT_TRUE(absl::StrContains(html, "<strong>Started</strong>"));
  EXPECT_TRUE(
      absl::StrContains(html, "The plan will be looked at again by Wednesday 9 June 2027."));
  EXPECT_TRUE(absl::StrContains(html, "<bdi>We will keep Sam safe.</bdi>"));
}

TEST(RecordPage, DescribesEachEntryInPlainWords) {
  const std::string html = RecordPage(Context("en"), Record());
  EXPECT_TRUE(absl::StrContains(html, "<h2 id=\"entry-7\">Permission given</h2>"));
  EXPECT_TRUE(
      absl::StrContains(html, "<h2 id=\"entry-3\">A decision made without permission</h2>"));
  EXPECT_TRUE(absl::StrContains(html, "<bdi>Sam would be alone with Jo</bdi>"));
  EXPECT_TRUE(absl::StrContains(html, "<bdi>Children Act 1989 s.47</bdi>"));
  EXPECT_TRUE(absl::StrContains(html, "<dd><bdi>Pat Referrer</bdi></dd>"));
  EXPECT_TRUE(absl::StrContains(html, "<dd>The coordinator</dd>"));
  EXPECT_TRUE(absl::StrContains(html, "To contact the family and friends you named"));
}

TEST(RecordPage, OffersToWithdrawOnlyTheWithdrawableConsents) {
  const std::string html = RecordPage(Context("en"), Record());
  EXPECT_EQ(Count(html, "<form "), 1u);
  EXPECT_TRUE(absl::StrContains(
      html, "<input type=\"hidden\" name=\"entry\" value=\"tenants/t/ledger/entries/7\">"));
  EXPECT_TRUE(absl::StrContains(html, "action=\"/withdraw\""));
}

TEST(WithdrawPage, ConfirmsWithOneButtonAndLinksBack) {
  const std::string html = WithdrawPage(Context("en"), Consent());
  EXPECT_TRUE(absl::StrContains(html, "<input type=\"hidden\" name=\"confirm\" value=\"yes\">"));
  EXPECT_TRUE(absl::StrContains(
      html, "<input type=\"hidden\" name=\"entry\" value=\"tenants/t/ledger/entries/7\">"));
  EXPECT_EQ(Count(html, "<button"), 1u);
  EXPECT_TRUE(absl::StrContains(html, "href=\"/record\""));
}

TEST(DonePage, SaysWhatWasSaved) {
  EXPECT_TRUE(absl::StrContains(DonePage(Context("en"), "done.withdraw"),
                                "You have taken back your permission."));
}

TEST(DonePage, FallsBackToAGeneralThankYouForAnUnknownKey) {
  EXPECT_TRUE(absl::StrContains(DonePage(Context("en"), "error.views.missing"),
                                "We have saved what you sent."));
}

TEST(LinkProblemPage, NeverRepeatsTheLinkToken) {
  PageContext page = Context("en");
  page.path = "/i/AbCdEfGhIjKlMnOpQrStUv";
  const std::string html = LinkProblemPage(page);
  EXPECT_FALSE(absl::StrContains(html, "AbCdEfGh"));
  EXPECT_TRUE(absl::StrContains(html, "ask the person who sent you the link"));
}

TEST(ProblemPage, NamesTheStatusInPlainWords) {
  EXPECT_TRUE(absl::StrContains(ProblemPage(Context("en"), 429), "Too many tries"));
  EXPECT_TRUE(absl::StrContains(ProblemPage(Context("en"), 413), "too long"));
  EXPECT_TRUE(absl::StrContains(ProblemPage(Context("en"), 503), "problem with the service"));
  EXPECT_TRUE(absl::StrContains(ProblemPage(Context("en"), 418), "Something went wrong"));
}

TEST(AcceptLanguage, PrefersTheHighestQuality) {
  EXPECT_EQ(LanguageFromAcceptLanguage("pl;q=0.9, ar;q=1"), "ar");
  EXPECT_EQ(LanguageFromAcceptLanguage("fr, pl;q=0.5, cy;q=0.7"), "cy");
}

TEST(AcceptLanguage, FallsBackToEnglish) {
  EXPECT_EQ(LanguageFromAcceptLanguage("fr"), "en");
  EXPECT_EQ(LanguageFromAcceptLanguage(""), "en");
  EXPECT_EQ(LanguageFromAcceptLanguage("pl;q=0"), "en");
  EXPECT_EQ(LanguageFromAcceptLanguage("pl;q=banana"), "en");
}

TEST(AcceptLanguage, MatchesARegionalTagToItsLanguage) {
  EXPECT_EQ(LanguageFromAcceptLanguage("cy-GB"), "cy");
  EXPECT_EQ(LanguageFromAcceptLanguage("AR-eg;q=0.8,en-GB;q=0.3"), "ar");
}

TEST(AcceptLanguage, KeepsTheReadersOrderOnEqualQuality) {
  EXPECT_EQ(LanguageFromAcceptLanguage("pl, cy"), "pl");
}

TEST(Stylesheet, UsesLogicalPropertiesAndLargeTargets) {
  const std::string& css = Stylesheet();
  EXPECT_TRUE(absl::StrContains(css, "margin-inline"));
  EXPECT_TRUE(absl::StrContains(css, "block-size: 2.75rem"));
  EXPECT_FALSE(absl::StrContains(css, "margin-left"));
  EXPECT_FALSE(absl::StrContains(css, "padding-right"));
  EXPECT_LE(css.size(), 8u * 1024);
}

}  // namespace
}  // namespace fgc::family_web
