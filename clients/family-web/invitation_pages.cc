// The invitation and the answer to it (family_pages.h).
#include <unicode/coll.h>
#include <unicode/listformatter.h>
#include <unicode/locid.h>

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "clients/family-web/family_pages.h"
#include "clients/family-web/form_html.h"
#include "clients/family-web/html_text.h"
#include "clients/family-web/meeting_time.h"
#include "clients/family-web/message_catalogue.h"
#include "clients/family-web/page_language.h"
#include "clients/family-web/page_layout.h"
#include "clients/family-web/time_text.h"
#include "common/base/proto_time.h"

namespace fgc::family_web {
namespace {

constexpr const char* kAnswers[] = {"in-person", "remote", "not-able", "views-only"};
constexpr const char* kNeeds[] = {"interpreter", "access",  "travel",
                                  "childcare",   "dietary", "other"};
constexpr const char* kNeedKinds[] = {"",          "interpreter", "access", "travel",
                                      "childcare", "dietary",     "other"};
// Languages families most often ask an interpreter for; a need already given in another
// language is offered too.
constexpr const char* kInterpreterLanguages[] = {"ar", "bfi", "bn", "cy", "en", "fa", "fr",
                                                 "gu", "ku",  "lt", "pa", "pl", "ps", "pt",
                                                 "ro", "so",  "ti", "tr", "uk", "ur", "zh"};

std::string AnswerWord(v1::RsvpAnswer answer) {
  return answer >= 1 && answer <= 4 ? kAnswers[answer - 1] : "";
}

// Names as one phrase in the page's language ("Sam, Alex and Jo"), each name in <bdi>.
std::string NameList(const PageContext& page,
                     const google::protobuf::RepeatedPtrField<std::string>& names) {
  std::vector<icu::UnicodeString> tokens;
  std::vector<std::pair<std::string, std::string>> replacements;
  for (int i = 0; i < names.size(); ++i) {
    const std::string token = absl::StrCat("{", i, "}");
    tokens.push_back(icu::UnicodeString::fromUTF8(token));
    replacements.emplace_back(token, Bdi(names[i]));
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::ListFormatter> formatter(
      icu::ListFormatter::createInstance(icu::Locale(IcuLocaleName(page.language)), status));
  icu::UnicodeString joined;
  if (U_SUCCESS(status))
    formatter->format(tokens.data(), static_cast<int32_t>(tokens.size()), joined, status);
  std::string text;
  if (U_SUCCESS(status)) {
    joined.toUTF8String(text);
  } else {
    for (size_t i = 0; i < replacements.size(); ++i)
      absl::StrAppend(&text, i ? ", " : "", replacements[i].first);
  }
  return absl::StrReplaceAll(EscapeHtml(text), replacements);
}

std::string Address(const v1::Venue& venue) {
  std::string html = Bdi(venue.display_name());
  for (const std::string& line : venue.address().address_lines())
    absl::StrAppend(&html, "<br>", Bdi(line));
  for (const std::string* part : {&venue.address().locality(), &venue.address().postal_code()}) {
    if (!part->empty()) absl::StrAppend(&html, "<br>", Bdi(*part));
  }
  return html;
}

std::string RemoteJoin(const PageContext& page, const v1::RemoteJoin& remote) {
  std::string html;
  if (const std::string href = HttpsHref(remote.url()); !href.empty()) {
    absl::StrAppend(&html, "<p><a class=\"btn\" href=\"", href, "\">", Say(page, "remote.link"),
                    "</a></p>");
  }
  if (const std::string tel = TelHref(remote.dial_in_number()); !tel.empty()) {
    absl::StrAppend(&html, "<p>", Say(page, "remote.dial"), " <a href=\"", tel, "\" dir=\"ltr\">",
                    EscapeHtml(remote.dial_in_number()), "</a></p>");
  }
  if (!remote.instructions().empty()) html += Paragraphs(remote.instructions(), true);
  return html.empty() ? "" : absl::StrCat("<h3>", Say(page, "remote.heading"), "</h3>", html);
}

std::string WhenAndWhere(const PageContext& page, const v1::GetMyInvitationResponse& mine) {
  std::string html = Heading2(page, "invitation.when.heading");
  const v1::Booking& booking = mine.booking();
  if (!Booked(mine)) {
    const bool cancelled = booking.state() == v1::BOOKING_STATE_CANCELLED;
    absl::StrAppend(&html, "<p>",
                    Say(page, cancelled ? "invitation.when.cancelled" : "invitation.when.not-yet"),
                    "</p>");
    if (cancelled && !booking.change_reason().empty()) {
      absl::StrAppend(&html, "<p>", Say(page, "invitation.when.changed"), "</p>",
                      Paragraphs(booking.change_reason(), true));
    }
    const absl::Time deadline =
        DeadlineOf(mine.has_availability_deadline(), mine.availability_deadline());
    if (AvailabilityOpen(mine, deadline, page.now)) {
      const TimeText when(page.language,
                          ChooseTimeZone(page.time_zone, mine.conference_time_zone()));
      if (deadline != absl::InfiniteFuture()) {
        absl::StrAppend(&html, "<p>",
                        MessageHtml(page.language, "invitation.availability.by",
                                    {{"deadline", EscapeHtml(when.DateTime(deadline))}}),
                        "</p>");
      }
      absl::StrAppend(&html, "<p><a class=\"btn\" href=\"/availability\">",
                      Say(page, "invitation.availability.link"), "</a></p>");
    }
    return html;
  }
  const absl::Time start = ToAbslTime(booking.start_time());
  const absl::Time end = booking.has_end_time() ? ToAbslTime(booking.end_time()) : start;
  const Zones zones = ZonesFor(page, mine.conference_time_zone());
  const TimeText when(page.language, zones.reader);
  std::string time = EscapeHtml(when.Range(start, end));
  if (!zones.conference.empty())
    absl::StrAppend(&time, "<br>", ConferenceTime(page, zones.conference, start, end));
  const std::string where = mine.has_venue() && !mine.venue().display_name().empty()
                                ? Address(mine.venue())
                                : Say(page, "invitation.where.remote");
  if (!zones.conference.empty()) html += ZoneNote(page, when, start);
  absl::StrAppend(&html, "<dl class=\"facts\">", Fact(page, "when.label", time),
                  Fact(page, "where.label", where), "</dl>");
  if (!booking.change_reason().empty()) {
    absl::StrAppend(&html, "<p>", Say(page, "invitation.when.changed"), "</p>",
                    Paragraphs(booking.change_reason(), true));
  }
  if (mine.has_venue()) {
    if (!mine.venue().directions().empty()) {
      absl::StrAppend(&html, "<p>", Say(page, "venue.directions"), "</p>",
                      Paragraphs(mine.venue().directions(), true));
    }
    if (!mine.venue().accessibility_notes().empty()) {
      absl::StrAppend(&html, "<p>", Say(page, "venue.access"), "</p>",
                      Paragraphs(mine.venue().accessibility_notes(), true));
    }
  }
  html += RemoteJoin(page, booking.remote_join());
  absl::StrAppend(&html, "<p><a href=\"/calendar.ics\">", Say(page, "invitation.calendar.link"),
                  "</a></p>");
  return html;
}

std::string WhoInvites(const PageContext& page, const v1::GetMyInvitationResponse& mine) {
  const v1::StaffMember& coordinator = mine.coordinator();
  std::string html = Heading2(page, "invitation.who.heading");
  if (coordinator.display_name().empty()) {
    absl::StrAppend(&html, "<p>", Say(page, "invitation.who.nobody"), "</p>");
  } else {
    absl::StrAppend(&html, "<p>",
                    MessageHtml(page.language, "invitation.who.text",
                                {{"coordinator", Bdi(coordinator.display_name())}}),
                    "</p>");
  }
  std::string contacts;
  if (const std::string tel = TelHref(coordinator.phone_number()); !tel.empty()) {
    absl::StrAppend(&contacts, "<li>", Say(page, "contact.phone"), " <a href=\"", tel,
                    "\" dir=\"ltr\">", EscapeHtml(coordinator.phone_number()), "</a></li>");
  }
  if (const std::string mailto = MailtoHref(coordinator.email()); !mailto.empty()) {
    absl::StrAppend(&contacts, "<li>", Say(page, "contact.email"), " <a href=\"", mailto,
                    "\" dir=\"ltr\">", EscapeHtml(coordinator.email()), "</a></li>");
  }
  if (!contacts.empty())
    absl::StrAppend(&html, "<p>", Say(page, "invitation.contact"), "</p><ul class=\"links\">",
                    contacts, "</ul>");
  if (!mine.invitation().message().empty()) {
    absl::StrAppend(&html, "<p>", Say(page, "invitation.message"), "</p><div class=\"note\">",
                    Paragraphs(mine.invitation().message(), true), "</div>");
  }
  return html;
}

std::string NeedName(const PageContext& page, const v1::Need& need) {
  const int kind = need.kind();
  const char* word = kind >= 1 && kind <= 6 ? kNeedKinds[kind] : "other";
  return Say(page, absl::StrCat("need.", word));
}

std::string YourAnswer(const PageContext& page, const v1::GetMyInvitationResponse& mine) {
  std::string html = Heading2(page, "answer.heading");
  const v1::Rsvp& rsvp = mine.invitation().rsvp();
  const std::string answer = AnswerWord(rsvp.answer());
  if (answer.empty()) {
    absl::StrAppend(&html, "<p>", Say(page, "answer.none"),
                    "</p><p><a class=\"btn\" href=\"/respond\">", Say(page, "answer.link.first"),
                    "</a></p>");
    return html;
  }
  absl::StrAppend(&html, "<p>",
                  MessageHtml(page.language, "answer.given",
                              {{"answer", Say(page, absl::StrCat("answer.", answer))}}),
                  "</p>");
  if (rsvp.needs_size() > 0) {
    absl::StrAppend(&html, "<p>", Say(page, "answer.needs"), "</p><ul>");
    for (const v1::Need& need : rsvp.needs()) {
      absl::StrAppend(&html, "<li>", NeedName(page, need), need.details().empty() ? "" : ": ",
                      need.details().empty() ? "" : Bdi(need.details()), "</li>");
    }
    html += "</ul>";
  }
  absl::StrAppend(&html, "<p><a href=\"/respond\">", Say(page, "answer.link.change"), "</a></p>");
  return html;
}

std::string Restriction(const PageContext& page, const v1::NetworkMember& member) {
  const v1::ParticipationRestriction& restriction = member.restriction();
  if (!member.has_restriction() || restriction.kind() == v1::RESTRICTION_KIND_LIFTED ||
      (restriction.member_notice().empty() && restriction.alternative_contribution().empty())) {
    return "";
  }
  std::string html = absl::StrCat(Heading2(page, "restriction.heading"), "<div class=\"note\">",
                                  Paragraphs(restriction.member_notice(), true));
  if (!restriction.alternative_contribution().empty()) {
    absl::StrAppend(&html, "<p>", Say(page, "restriction.alternative"), "</p>",
                    Paragraphs(restriction.alternative_contribution(), true));
  }
  return html + "</div>";
}

std::string AboutConference(const PageContext& page, const v1::GetMyInvitationResponse& mine) {
  std::string html = Heading2(page, "about.heading");
  html += mine.about_conference().empty() ? absl::StrCat("<p>", Say(page, "about.fallback"), "</p>")
                                          : Paragraphs(mine.about_conference(), false);
  absl::StrAppend(&html, Heading2(page, "happen.heading"), "<ol><li>",
                  Say(page, "happen.information"), "</li><li>", Say(page, "happen.private"),
                  "</li><li>", Say(page, "happen.plan"), "</li></ol>");
  return html;
}

std::string MoreLinks(const PageContext& page, const v1::GetMyInvitationResponse& mine) {
  std::string html = absl::StrCat(Heading2(page, "more.heading"), "<ul class=\"links\">");
  if (mine.plan_available())
    absl::StrAppend(&html, "<li><a href=\"/plan\">", Say(page, "plan.link"), "</a></li>");
  absl::StrAppend(&html, "<li><a href=\"/record\">", Say(page, "record.link"), "</a></li></ul>");
  return html;
}

}  // namespace

std::string InvitationPage(const PageContext& page, const v1::GetMyInvitationResponse& mine) {
  std::string html = absl::StrCat("<h1>", Say(page, "invitation.title"), "</h1><p class=\"lead\">");
  if (!mine.member().display_name().empty()) {
    absl::StrAppend(&html,
                    MessageHtml(page.language, "invitation.hello",
                                {{"name", Bdi(mine.member().display_name())}}),
                    " ");
  }
  absl::StrAppend(&html,
                  mine.child_display_names().empty()
                      ? Say(page, "invitation.lead.no-child")
                      : MessageHtml(page.language, "invitation.lead",
                                    {{"children", NameList(page, mine.child_display_names())}}),
                  "</p>");
  if (mine.stage() == v1::STAGE_CLOSED)
    absl::StrAppend(&html, "<p class=\"note\">", Say(page, "invitation.closed"), "</p>");
  absl::StrAppend(&html, Restriction(page, mine.member()), YourAnswer(page, mine),
                  WhenAndWhere(page, mine), WhoInvites(page, mine), AboutConference(page, mine),
                  MoreLinks(page, mine));
  return Document(page, {.title = Plain(page, "invitation.page-title")}, html);
}

namespace {

std::vector<SelectOption> InterpreterLanguages(const PageContext& page, const std::string& chosen) {
  const icu::Locale reader(IcuLocaleName(page.language));
  std::vector<std::string> codes(std::begin(kInterpreterLanguages),
                                 std::end(kInterpreterLanguages));
  if (!chosen.empty() && std::find(codes.begin(), codes.end(), chosen) == codes.end())
    codes.push_back(chosen);
  std::vector<SelectOption> options;
  for (const std::string& code : codes) {
    std::string name;
    if (code == "bfi") {
      name = Plain(page, "language.bfi");
    } else {
      icu::UnicodeString display;
      icu::Locale(code.c_str()).getDisplayName(reader, display);
      display.toUTF8String(name);
    }
    options.push_back({code, name});
  }
  // In the reader's alphabetical order.
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(reader, status));
  if (U_SUCCESS(status)) {
    std::sort(options.begin(), options.end(), [&](const SelectOption& a, const SelectOption& b) {
      UErrorCode compare_status = U_ZERO_ERROR;
      return collator->compareUTF8(a.text, b.text, compare_status) == UCOL_LESS;
    });
  }
  options.insert(options.begin(),
                 SelectOption{"", Plain(page, "respond.interpreter-language.choose")});
  return options;
}

// What the form shows when first opened: the needs they gave with their answer, else those on
// their network member.
void FillNeeds(const v1::GetMyInvitationResponse& mine, RespondForm& form) {
  const auto& needs =
      mine.invitation().has_rsvp() ? mine.invitation().rsvp().needs() : mine.member().needs();
  for (const v1::Need& need : needs) {
    const int kind = need.kind();
    if (kind < 1 || kind > 6) continue;
    form.needs[kNeedKinds[kind]] = need.details();
    if (need.kind() == v1::NEED_KIND_INTERPRETER) form.interpreter_language = need.language_code();
  }
}

std::string NeedsGroup(const PageContext& page, const RespondForm& form, const FormErrors& errors) {
  ChoiceGroup group{.name = "needs",
                    .legend_html = Say(page, "respond.needs.legend"),
                    .hint_html = Say(page, "respond.needs.hint")};
  for (const char* need : kNeeds) {
    const auto given = form.needs.find(need);
    const std::string field = absl::StrCat("need-", need);
    std::string more =
        TextInput(page,
                  {.name = field + "-details",
                   .label_html = absl::StrCat(Say(page, "need.details"), "<span class=\"vh\">: ",
                                              Say(page, absl::StrCat("need.", need)), "</span>"),
                   .value = given == form.needs.end() ? "" : given->second},
                  errors);
    if (std::string_view(need) == "interpreter") {
      more += Select(page,
                     {.name = "interpreter-language",
                      .label_html = Say(page, "respond.interpreter-language.label"),
                      .value = form.interpreter_language},
                     InterpreterLanguages(page, form.interpreter_language), errors);
    }
    group.choices.push_back({.value = field,
                             .label_html = Say(page, absl::StrCat("need.", need)),
                             .checked = given != form.needs.end(),
                             .after_html = absl::StrCat("<div class=\"more\">", more, "</div>")});
  }
  return Checkboxes(page, group, errors);
}

}  // namespace

std::string RespondPage(const PageContext& page, const v1::GetMyInvitationResponse& mine,
                        const RespondForm& form, const FormErrors& errors) {
  RespondForm shown = form;
  if (errors.empty() && shown.needs.empty()) FillNeeds(mine, shown);
  ChoiceGroup answer{.name = "answer", .legend_html = Say(page, "respond.answer.legend")};
  for (const char* word : kAnswers) {
    answer.choices.push_back({.value = word,
                              .label_html = Say(page, absl::StrCat("respond.answer.", word)),
                              .checked = shown.answer == word});
  }
  const std::string html =
      absl::StrCat(ErrorSummary(page, errors), "<h1>", Say(page, "respond.title"),
                   "</h1><form method=\"post\" action=\"/respond\" novalidate>", CsrfField(page),
                   Radios(page, answer, errors),
                   TextInput(page,
                             {.name = "views",
                              .label_html = Say(page, "respond.views.label"),
                              .hint_html = Say(page, "respond.views.hint"),
                              .value = shown.views,
                              .multiline = true},
                             errors),
                   NeedsGroup(page, shown, errors), SubmitButton(Say(page, "respond.submit")),
                   "</form>", BackLink(page, "/invitation", "back.invitation"));
  return Document(page, {.title = Plain(page, "respond.title"), .has_errors = !errors.empty()},
                  html);
}

}  // namespace fgc::family_web
