#include "services/invitations/outbox/notification_text.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "common/base/errors.h"
#include "common/base/field_violations.h"
#include "services/invitations/outbox/notification_catalogue.h"

namespace fgc::invitations::outbox {
namespace {

using Replacements = std::vector<std::pair<std::string_view, std::string_view>>;

// One pass over the template: a value that happens to contain "{link}" is never expanded.
std::string Fill(std::string_view text, const Replacements& values) {
  std::string out;
  size_t at = 0;
  while (at < text.size()) {
    const size_t open = text.find('{', at);
    const size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(at, open - at));
    const std::string_view name = text.substr(open, close - open + 1);
    bool known = false;
    for (const auto& [placeholder, value] : values) {
      if (placeholder == name) {
        out.append(value);
        known = true;
        break;
      }
    }
    if (!known) out.append(name);
    at = close + 1;
  }
  out.append(text.substr(std::min(at, text.size())));
  return out;
}

std::string Str(std::string_view text) { return std::string(text); }

const Catalogue& CatalogueFor(std::string_view language) {
  for (const Catalogue& catalogue : Catalogues()) {
    if (catalogue.language == language) return catalogue;
  }
  return Catalogues().front();
}

bool NeedsLink(v1::NotificationKind kind) {
  return kind == v1::NOTIFICATION_KIND_INVITATION ||
         kind == v1::NOTIFICATION_KIND_AVAILABILITY_REMINDER;
}

bool NeedsTime(v1::NotificationKind kind) {
  return kind == v1::NOTIFICATION_KIND_CONFERENCE_BOOKED ||
         kind == v1::NOTIFICATION_KIND_CONFERENCE_RESCHEDULED ||
         kind == v1::NOTIFICATION_KIND_REVIEW_SCHEDULED;
}

// The violations of `context`, naming fields only: their values may be personal or the link.
std::vector<FieldViolation> Violations(const NotificationContext& c) {
  std::vector<FieldViolation> v;
  if (c.kind == v1::NOTIFICATION_KIND_UNSPECIFIED || !v1::NotificationKind_IsValid(c.kind)) {
    v.push_back({"kind", "must be a notification kind"});
  }
  if (NeedsLink(c.kind) && c.link.empty()) v.push_back({"link", "this kind needs the link"});
  if (NeedsTime(c.kind) && !c.start_time.has_value()) {
    v.push_back({"start_time", "this kind needs the meeting's time"});
  }
  std::vector<std::pair<std::string, std::string_view>> one_line = {
      {"recipient_name", c.recipient_name},
      {"coordinator_name", c.coordinator_name},
      {"coordinator_contact", c.coordinator_contact},
      {"venue_name", c.venue_name},
      {"venue_address", c.venue_address},
      {"link", c.link}};
  for (size_t i = 0; i < c.child_names.size(); ++i) {
    one_line.emplace_back(absl::StrCat("child_names[", i, "]"), c.child_names[i]);
  }
  for (const auto& [field, text] : one_line) {
    if (!IsValidUtf8(text) || text.find_first_of("\r\n") != std::string_view::npos) {
      v.push_back({field, "must be one line of UTF-8"});
    }
  }
  if (!IsValidUtf8(c.personal_message)) v.push_back({"personal_message", "must be UTF-8"});
  return v;
}

std::string JoinNames(const Catalogue& cat, const std::vector<std::string>& names) {
  if (names.empty()) return std::string(cat.children_fallback);
  if (names.size() == 1) return names[0];
  std::vector<std::string> head(names.begin(), names.end() - 1);
  return absl::StrCat(absl::StrJoin(head, Str(cat.list_separator)), Str(cat.and_word),
                      names.back());
}

std::string FormatDate(const Catalogue& cat, absl::CivilSecond when) {
  const absl::CivilDay day(when);
  const int weekday = static_cast<int>(absl::GetWeekday(day));  // Monday is 0
  const std::string day_text = absl::StrCat(day.day());
  const std::string year_text = absl::StrCat(day.year());
  return Fill(cat.date, {{"{weekday}", cat.weekdays[weekday]},
                         {"{day}", day_text},
                         {"{month}", cat.months[day.month() - 1]},
                         {"{year}", year_text}});
}

std::string FormatClock(absl::CivilSecond when) {
  return absl::StrFormat("%02d:%02d", when.hour(), when.minute());
}

// "Tuesday 3 March 2026, 10:00 to 12:00 (Europe/London time)"; the end only when on the same
// day (a meeting over midnight shows its start).
std::string FormatTime(const Catalogue& cat, absl::Time start, std::optional<absl::Time> end,
                       absl::TimeZone zone) {
  const absl::CivilSecond local_start = absl::ToCivilSecond(start, zone);
  const std::string date = FormatDate(cat, local_start);
  const std::string start_text = FormatClock(local_start);
  const std::string zone_name = zone.name();
  if (end.has_value() && *end > start) {
    const absl::CivilSecond local_end = absl::ToCivilSecond(*end, zone);
    if (absl::CivilDay(local_end) == absl::CivilDay(local_start)) {
      const std::string end_text = FormatClock(local_end);
      return Fill(
          cat.time_range,
          {{"{date}", date}, {"{start}", start_text}, {"{end}", end_text}, {"{zone}", zone_name}});
    }
  }
  return Fill(cat.time_start_only,
              {{"{date}", date}, {"{start}", start_text}, {"{zone}", zone_name}});
}

std::string WhereText(const NotificationContext& c) {
  if (c.venue_name.empty()) return c.venue_address;
  if (c.venue_address.empty()) return c.venue_name;
  return absl::StrCat(c.venue_name, ", ", c.venue_address);
}

// The email body: paragraphs separated by blank lines, each left out when it has nothing to say.
std::string Body(const Catalogue& cat, const NotificationContext& c, const Replacements& values) {
  const KindText& text = cat.kinds[c.kind];
  std::vector<std::string> paragraphs;
  paragraphs.push_back(
      Fill(c.recipient_name.empty() ? cat.greeting_no_name : cat.greeting, values));
  paragraphs.push_back(Fill(text.opening, values));
  if (c.kind == v1::NOTIFICATION_KIND_INVITATION)
    paragraphs.push_back(Fill(cat.what_is_fgc, values));
  if (c.kind != v1::NOTIFICATION_KIND_PLAN_DISTRIBUTED) {
    std::vector<std::string> lines;
    if (c.start_time.has_value()) lines.push_back(Fill(cat.when, values));
    if (c.remote) {
      lines.push_back(std::string(cat.where_remote));
    } else if (!WhereText(c).empty()) {
      lines.push_back(Fill(cat.where, values));
    }
    if (!lines.empty()) paragraphs.push_back(absl::StrJoin(lines, "\n"));
  }
  if (c.kind == v1::NOTIFICATION_KIND_AVAILABILITY_REMINDER && c.respond_by.has_value()) {
    paragraphs.push_back(Fill(cat.respond_by, values));
  }
  if (NeedsLink(c.kind)) {
    const std::string_view intro =
        c.kind == v1::NOTIFICATION_KIND_INVITATION ? cat.link_intro : cat.reminder_link_intro;
    // The link alone on its line, so that no mail client takes punctuation (or, in a
    // right-to-left language, the text around it) for part of it.
    paragraphs.push_back(absl::StrCat(Str(intro), "\n", c.link, "\n", Str(cat.link_private)));
  }
  if (!c.personal_message.empty()) {
    paragraphs.push_back(
        absl::StrCat(Fill(cat.message_intro, values), "\n",
                     absl::StrReplaceAll(c.personal_message, {{"\r\n", "\n"}, {"\r", "\n"}})));
  }
  paragraphs.push_back(
      Fill(c.coordinator_contact.empty() ? cat.contact_no_detail : cat.contact, values));
  paragraphs.push_back(c.coordinator_name.empty()
                           ? std::string(cat.sign_off)
                           : absl::StrCat(Str(cat.sign_off), "\n", c.coordinator_name));
  return absl::StrCat(absl::StrJoin(paragraphs, "\n\n"), "\n");
}

}  // namespace

std::string CatalogueLanguage(std::string_view language_code) {
  const std::string primary =
      absl::AsciiStrToLower(Str(language_code.substr(0, language_code.find_first_of("-_"))));
  return std::string(CatalogueFor(primary).language);
}

absl::StatusOr<RenderedNotification> RenderNotification(const NotificationContext& c) {
  if (auto v = Violations(c); !v.empty()) {
    return InvalidArgument("INVALID_NOTIFICATION", "the notification cannot be rendered", v);
  }
  const Catalogue& cat = CatalogueFor(CatalogueLanguage(c.language_code));
  const std::string children = JoinNames(cat, c.child_names);
  const std::string coordinator =
      c.coordinator_name.empty() ? std::string(cat.coordinator_fallback) : c.coordinator_name;
  const std::string when =
      c.start_time ? FormatTime(cat, *c.start_time, c.end_time, c.time_zone) : "";
  const std::string respond_by =
      c.respond_by ? FormatTime(cat, *c.respond_by, std::nullopt, c.time_zone) : "";
  const std::string where = WhereText(c);
  const Replacements values = {
      {"{recipient}", c.recipient_name},
      {"{children}", children},
      {"{coordinator}", coordinator},
      {"{contact}", c.coordinator_contact},
      {"{when}", when},
      {"{where}", where},
      {"{respond_by}", respond_by},
      {"{link}", c.link},
  };
  const KindText& text = cat.kinds[c.kind];
  RenderedNotification out;
  out.language_code = std::string(cat.language);
  out.right_to_left = cat.right_to_left;
  out.subject = Fill(text.subject, values);
  out.body = Body(cat, c, values);
  out.sms_text = absl::StrCat(
      Fill(c.recipient_name.empty() ? cat.sms_greeting_no_name : cat.sms_greeting, values), " ",
      Fill(text.sms, values));
  return out;
}

}  // namespace fgc::invitations::outbox
