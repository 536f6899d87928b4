// The message catalogues behind notification_text.h: every sentence of every notification in
// each supported language, kept as data so that a translator edits one table and no code.
// Placeholders in braces ({children}, {coordinator}, {when}, {where}, {link}, {recipient},
// {respond_by}, {contact}, {date}, {start}, {end}, {zone}, {weekday}, {day}, {month}, {year}) are
// filled by the renderer; a sentence whose placeholder has no value is left out.
#pragma once

#include <array>
#include <span>
#include <string_view>

namespace fgc::invitations::outbox {

// The words of one NotificationKind.
struct KindText {
  std::string_view subject;
  std::string_view opening;  // the first paragraph of the email
  std::string_view sms;      // after the SMS greeting
};

struct Catalogue {
  std::string_view language;  // the primary BCP 47 subtag
  bool right_to_left = false;
  // Indexed by v1::NotificationKind (INVITATION = 1 ... PLAN_DISTRIBUTED = 7); [0] is unused.
  std::array<KindText, 8> kinds;
  std::string_view greeting;          // "Hello {recipient},"
  std::string_view greeting_no_name;  // "Hello,"
  std::string_view sms_greeting;      // "Hello {recipient}."
  std::string_view sms_greeting_no_name;
  std::string_view what_is_fgc;          // INVITATION only
  std::string_view when;                 // "When: {when}"
  std::string_view where;                // "Where: {where}"
  std::string_view where_remote;         // the remote line in full
  std::string_view respond_by;           // AVAILABILITY_REMINDER: "Please answer by {respond_by}."
  std::string_view link_intro;           // INVITATION
  std::string_view reminder_link_intro;  // AVAILABILITY_REMINDER
  std::string_view link_private;         // after the link
  std::string_view message_intro;        // "{coordinator} wrote:"
  std::string_view contact;              // "... contact {coordinator}: {contact}"
  std::string_view contact_no_detail;    // "... ask {coordinator}."
  std::string_view sign_off;
  std::string_view list_separator;     // between names but the last two
  std::string_view and_word;           // between the last two names
  std::string_view children_fallback;  // when no child is named
  std::string_view coordinator_fallback;
  std::string_view date;                     // "{weekday} {day} {month} {year}"
  std::string_view time_range;               // "{date}, {start} to {end} ({zone} time)"
  std::string_view time_start_only;          // "{date}, {start} ({zone} time)"
  std::array<std::string_view, 12> months;   // January first, in the form dates use
  std::array<std::string_view, 7> weekdays;  // Monday first
};

// Every catalogue; the first is English, the fallback.
std::span<const Catalogue> Catalogues();

}  // namespace fgc::invitations::outbox
