// An outbox email and its rendering as an RFC 5322 / MIME message: UTF-8 plain text, headers
// folded and encoded so that any relay carries it unchanged, and a Message-ID that stays the
// same on every retry of one notification.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace fgc::invitations::delivery {

// A mailbox: an ASCII address (local@domain) and an optional display name in any language.
struct Mailbox {
  std::string address;
  std::string display_name;
};

// One notification email, already rendered in the recipient's language.
struct EmailMessage {
  Mailbox from;
  Mailbox to;
  std::string subject;    // UTF-8, one line
  std::string body_text;  // UTF-8 plain text; LF or CRLF line breaks
  // BCP 47 language of subject and body (Content-Language), e.g. "cy", "pl", "ar".
  std::string language_code;
  // The outbox's id for the notification. The Message-ID is derived from it alone, so a
  // retried send carries the same Message-ID and receivers can recognise the duplicate.
  // Characters allowed: letters, digits and !#$%&'*+-/=?^_`{|}~.
  std::string notification_id;
  absl::Time date;  // when it was queued (the Date header)
};

// True for the addresses this renderer (and the SMTP envelope) accepts: dot-atom local part,
// "@", a host name. ASCII only: fgc does not send SMTPUTF8.
bool IsAddress(std::string_view address);

// The Message-ID for `notification_id` sent from `from_address`:
// "<notification_id@domain of from_address>".
absl::StatusOr<std::string> MessageIdFor(const std::string& notification_id,
                                         const std::string& from_address);

// The RFC 5322 message: CRLF line ends, no line over 78 characters, 7-bit only (the body is
// quoted-printable, or base64 when mostly non-ASCII). Lines starting with "." are left as they
// are: dot-stuffing is the SMTP transport's job (libcurl does it; see smtp_sender.h).
// INVALID_ARGUMENT for a malformed address, id or language, or line breaks in a header value.
absl::StatusOr<std::string> RenderEmail(const EmailMessage& message);

}  // namespace fgc::invitations::delivery
