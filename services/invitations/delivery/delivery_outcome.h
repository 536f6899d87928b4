// What became of one delivery attempt, as the outbox worker needs it: delivered, try again
// later, or give up; with the provider's reply for the notification's last_error.
#pragma once

#include <string>
#include <string_view>

#include "absl/time/time.h"

namespace fgc::invitations::delivery {

enum class DeliveryResult {
  kDelivered,         // the provider accepted the message
  kRetryLater,        // nothing is wrong with the message; the provider or the network is not
                      // ready (refused, timed out, 4xx SMTP reply, HTTP 429 or 5xx)
  kPermanentFailure,  // sending it again will not help (5xx SMTP reply such as an unknown
                      // recipient, HTTP 4xx): mark the notification bounced or failed
};

struct DeliveryOutcome {
  DeliveryResult result = DeliveryResult::kRetryLater;
  // The SMTP reply code or HTTP status that decided the result; 0 when there was none (the
  // connection failed first).
  int reply_code = 0;
  // The provider's reply text or the transport's error, one line, at most 200 characters,
  // with the recipient's address replaced by "<recipient>". Never holds credentials.
  std::string detail;
  // How long the provider asked us to wait before trying again (HTTP Retry-After in seconds);
  // zero when it did not say. Pass it to NextAttemptTime as `at_least`.
  absl::Duration retry_after = absl::ZeroDuration();

  bool delivered() const { return result == DeliveryResult::kDelivered; }
};

// The outcome an SMTP reply code decides: 2xx delivered, 4xx retry later (RFC 5321 section
// 4.2.1: transient), 5xx permanent. Anything else is a broken exchange: retry later.
DeliveryOutcome FromSmtpReply(int code, std::string_view text, std::string_view recipient);

// The outcome an HTTP status decides: 2xx delivered; 408, 429 and 5xx retry later; other 4xx
// permanent; anything else (a redirect, which is never followed) retry later.
DeliveryOutcome FromHttpStatus(int status, std::string_view text, std::string_view recipient);

// The connection or exchange failed before any reply decided: retry later.
DeliveryOutcome TransportFailure(std::string_view detail);

// `text` as one line of at most 200 characters with `recipient` (when not empty) replaced by
// "<recipient>", so that last_error keeps no personal data.
std::string SanitizedDetail(std::string_view text, std::string_view recipient);

}  // namespace fgc::invitations::delivery
