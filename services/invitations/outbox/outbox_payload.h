// What a queued notification will send (the address and the rendered text), and its sealing
// under the conference's data key: the one column of the outbox that holds personal data and the
// one-time link, wiped once the message has left the queue.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "common/crypto/envelope.h"

namespace fgc::invitations::outbox {

struct OutboxPayload {
  std::string address;        // email address or E.164 number
  std::string display_name;   // for the email's To header; may be empty
  std::string language_code;  // BCP 47
  std::string subject;        // email only
  std::string body;           // email only
  std::string text;           // SMS only
};

// Sealed with aad row = the notification's resource name, field "payload" (common/crypto/
// envelope.h), so a payload copied to another notification fails to open.
absl::StatusOr<std::string> SealPayload(const crypto::DataKey& key, const OutboxPayload& payload,
                                        const std::string& notification_name);

// DATA_LOSS for a wrong key or name, changed bytes, or contents that do not parse.
absl::StatusOr<OutboxPayload> OpenPayload(const crypto::DataKey& key, const std::string& sealed,
                                          const std::string& notification_name);

}  // namespace fgc::invitations::outbox
