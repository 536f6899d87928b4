// The words of every notification, in the recipient's language: an email (subject and plain-text
// body) and a short SMS for each NotificationKind, in English, Welsh, Polish and Arabic (other
// languages fall back to English), from the message catalogues in notification_catalogue.cc.
// Plain words for a reading age of about 9. Pure: no SQL, no network, no logging.
//
// The rendered text may hold the family's one-time link: it goes into the sealed outbox payload
// and to the provider, never into a log or an error message.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "fgc/v1/invitation.pb.h"

namespace fgc::invitations::outbox {

// Everything a message may mention. Empty or unset parts are left out of the text.
struct NotificationContext {
  v1::NotificationKind kind = v1::NOTIFICATION_KIND_UNSPECIFIED;
  std::string language_code;             // BCP 47; its primary subtag picks the catalogue
  std::string recipient_name;            // "Hello <name>"; a plain greeting when empty
  std::vector<std::string> child_names;  // whom the conference is for
  std::string coordinator_name;
  std::string coordinator_contact;  // how to reach the coordinator: a phone number or an email
  // The conference (or review) time, shown in the recipient's time zone.
  std::optional<absl::Time> start_time;
  std::optional<absl::Time> end_time;
  absl::TimeZone time_zone = absl::UTCTimeZone();
  // Where: a venue's name and address, or remote (video or telephone).
  std::string venue_name;
  std::string venue_address;
  bool remote = false;
  // The family's one-time link: required for INVITATION and AVAILABILITY_REMINDER, and shown
  // only in those.
  std::string link;
  // For AVAILABILITY_REMINDER: the deadline for answers.
  std::optional<absl::Time> respond_by;
  // The coordinator's own words (the invitation's message), shown as they wrote them.
  std::string personal_message;
};

struct RenderedNotification {
  std::string language_code;  // the catalogue used: "en", "cy", "pl" or "ar"
  bool right_to_left = false;
  std::string subject;  // one line
  std::string body;     // plain text, LF line breaks
  std::string sms_text;
};

// The catalogue language for a BCP 47 tag: "cy" for "cy-GB", "en" for anything without a
// catalogue.
std::string CatalogueLanguage(std::string_view language_code);

// INVALID_ARGUMENT for an unknown kind, a missing link where the kind needs one, or a link or
// other text that is not valid UTF-8 (the message names the field, never its contents).
absl::StatusOr<RenderedNotification> RenderNotification(const NotificationContext& context);

}  // namespace fgc::invitations::outbox
