#include "services/invitations/delivery/delivery_outcome.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_replace.h"

namespace fgc::invitations::delivery {
namespace {

constexpr size_t kDetailLimit = 200;

DeliveryOutcome Outcome(DeliveryResult result, int code, std::string_view text,
                        std::string_view recipient) {
  return DeliveryOutcome{result, code, SanitizedDetail(text, recipient), absl::ZeroDuration()};
}

}  // namespace

std::string SanitizedDetail(std::string_view text, std::string_view recipient) {
  std::string line(text);
  for (char& c : line) {
    if (c == '\r' || c == '\n' || c == '\t') c = ' ';
  }
  if (!recipient.empty())
    line = absl::StrReplaceAll(line, {{std::string(recipient), "<recipient>"}});
  line = std::string(absl::StripAsciiWhitespace(line));
  if (line.size() > kDetailLimit) line.resize(kDetailLimit);
  return line;
}

DeliveryOutcome FromSmtpReply(int code, std::string_view text, std::string_view recipient) {
  if (code >= 200 && code < 300) return Outcome(DeliveryResult::kDelivered, code, text, recipient);
  if (code >= 500 && code < 600) {
    return Outcome(DeliveryResult::kPermanentFailure, code, text, recipient);
  }
  return Outcome(DeliveryResult::kRetryLater, code, text, recipient);
}

DeliveryOutcome FromHttpStatus(int status, std::string_view text, std::string_view recipient) {
  if (status >= 200 && status < 300) {
    return Outcome(DeliveryResult::kDelivered, status, text, recipient);
  }
  const bool transient = status == 408 || status == 429 || (status >= 500 && status < 600);
  if (status >= 400 && status < 500 && !transient) {
    return Outcome(DeliveryResult::kPermanentFailure, status, text, recipient);
  }
  return Outcome(DeliveryResult::kRetryLater, status, text, recipient);
}

DeliveryOutcome TransportFailure(std::string_view detail) {
  return Outcome(DeliveryResult::kRetryLater, 0, detail, "");
}

}  // namespace fgc::invitations::delivery
