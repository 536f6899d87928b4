// Availability for the proposed times (family_pages.h).
#include "absl/strings/str_cat.h"
#include "clients/family-web/family_pages.h"
#include "clients/family-web/form_html.h"
#include "clients/family-web/html_text.h"
#include "clients/family-web/meeting_time.h"
#include "clients/family-web/message_catalogue.h"
#include "clients/family-web/page_layout.h"
#include "clients/family-web/time_text.h"
#include "common/base/proto_time.h"

namespace fgc::family_web {
namespace {

// The slot's id, the part of its name after `/slots/`, as the form's field `slot-<id>` uses it
// (family_forms.h reads it back the same way).
std::string SlotIdOf(const std::string& slot_name) {
  const size_t at = slot_name.rfind("/slots/");
  return at == std::string::npos ? slot_name : slot_name.substr(at + 7);
}

std::string SlotAnswerWord(const v1::Slot& slot) {
  for (const v1::Availability& given : slot.availability()) {
    switch (given.answer()) {
      case v1::AVAILABILITY_ANSWER_YES:
        return "yes";
      case v1::AVAILABILITY_ANSWER_IF_NEED_BE:
        return "if-need-be";
      case v1::AVAILABILITY_ANSWER_NO:
        return "no";
      default:
        break;
    }
  }
  return "";
}

}  // namespace

std::string AvailabilityPage(const PageContext& page, const v1::GetMyInvitationResponse& mine,
                             const v1::ListSlotsResponse& slots, const FormErrors& errors) {
  const std::string conference_zone =
      !slots.time_zone().empty() ? slots.time_zone() : mine.conference_time_zone();
  const Zones zones = ZonesFor(page, conference_zone);
  const TimeText when(page.language, zones.reader);
  const absl::Time deadline =
      slots.has_availability_deadline()
          ? ToAbslTime(slots.availability_deadline())
          : DeadlineOf(mine.has_availability_deadline(), mine.availability_deadline());
  const bool open = AvailabilityOpen(mine, deadline, page.now);
  std::string html =
      absl::StrCat(ErrorSummary(page, errors), "<h1>", Say(page, "availability.title"), "</h1>");
  if (slots.slots().empty()) {
    absl::StrAppend(&html, "<p>", Say(page, "availability.none"), "</p>",
                    BackLink(page, "/invitation", "back.invitation"));
    return Document(
        page, {.title = Plain(page, "availability.title"), .has_errors = !errors.empty()}, html);
  }
  const absl::Time first_start = ToAbslTime(slots.slots(0).start_time());
  absl::StrAppend(&html, "<p>", Say(page, open ? "availability.intro" : "availability.closed"),
                  "</p>");
  if (!zones.conference.empty()) html += ZoneNote(page, when, first_start);
  if (open && deadline != absl::InfiniteFuture()) {
    absl::StrAppend(&html, "<p>",
                    MessageHtml(page.language, "availability.by",
                                {{"deadline", EscapeHtml(when.DateTime(deadline))}}),
                    "</p>");
  }
  std::string items;
  for (const v1::Slot& slot : slots.slots()) {
    const absl::Time start = ToAbslTime(slot.start_time());
    const absl::Time end = ToAbslTime(slot.end_time());
    std::string hint;
    if (!zones.conference.empty()) hint = ConferenceTime(page, zones.conference, start, end);
    if (slot.remote_available())
      absl::StrAppend(&hint, hint.empty() ? "" : "<br>", Say(page, "availability.remote"));
    const std::string answer = SlotAnswerWord(slot);
    if (!open) {
      absl::StrAppend(
          &items, "<div class=\"card\"><h2>", EscapeHtml(when.Range(start, end)), "</h2>",
          hint.empty() ? "" : absl::StrCat("<p class=\"hint\">", hint, "</p>"), "<p>",
          answer.empty()
              ? Say(page, "availability.unanswered")
              : MessageHtml(page.language, "availability.your-answer",
                            {{"answer", Say(page, absl::StrCat("availability.", answer))}}),
          "</p></div>");
      continue;
    }
    ChoiceGroup group{.name = absl::StrCat("slot-", SlotIdOf(slot.name())),
                      .legend_html = EscapeHtml(when.Range(start, end)),
                      .hint_html = hint};
    for (const char* word : {"yes", "if-need-be", "no"}) {
      group.choices.push_back({.value = word,
                               .label_html = Say(page, absl::StrCat("availability.", word)),
                               .checked = answer == word});
    }
    items += Radios(page, group, errors);
  }
  if (open) {
    absl::StrAppend(&html, "<form method=\"post\" action=\"/availability\" novalidate>",
                    CsrfField(page), items, SubmitButton(Say(page, "availability.submit")),
                    "</form>");
  } else {
    html += items;
  }
  html += BackLink(page, "/invitation", "back.invitation");
  return Document(page, {.title = Plain(page, "availability.title"), .has_errors = !errors.empty()},
                  html);
}
}  // namespace fgc::family_web
