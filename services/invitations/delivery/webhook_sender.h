// Sends outbox SMS through the configured HTTPS webhook of an SMS provider: a small JSON POST
// with a bearer secret, and what became of it (2xx delivered; 408, 429, 5xx and network errors
// retry later; other 4xx permanent).
//
// Thread safety: Send is const and uses its own connection, so one sender may be shared.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/invitations/delivery/delivery_outcome.h"

namespace fgc::invitations::delivery {

// One text message, already rendered in the recipient's language.
struct SmsMessage {
  std::string notification_id;  // the outbox id; also sent as Idempotency-Key
  std::string to;               // the phone number, as the provider expects it (E.164)
  std::string text;             // UTF-8
  std::string language_code;    // BCP 47
};

struct WebhookConfig {
  // https://...; http:// only to a loopback host. No user:password@ part: the secret goes in
  // the Authorization header.
  std::string url;
  // Sent as "Authorization: Bearer <secret>" and nowhere else (never in an outcome's detail).
  std::string bearer_secret;
  std::string ca_file;  // a CA bundle to trust instead of the system's, when set
  absl::Duration connect_timeout = absl::Seconds(10);
  absl::Duration total_timeout = absl::Seconds(30);
};

// The JSON body the webhook receives: {"id", "to", "text", "language"}. Invalid UTF-8 in the
// text is replaced with U+FFFD rather than failing.
std::string WebhookBody(const SmsMessage& message);

class WebhookSender final {
 public:
  // INVALID_ARGUMENT for a URL that is not https (or http to loopback), carries credentials,
  // or cannot be parsed; an empty secret or one with line breaks; non-positive timeouts.
  static absl::StatusOr<WebhookSender> Create(WebhookConfig config);

  // POSTs `message`; redirects are not followed. TLS peers are verified.
  DeliveryOutcome Send(const SmsMessage& message) const;

 private:
  explicit WebhookSender(WebhookConfig config) : config_(std::move(config)) {}

  WebhookConfig config_;
};

}  // namespace fgc::invitations::delivery
