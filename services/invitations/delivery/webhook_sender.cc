#include "services/invitations/delivery/webhook_sender.h"

#include <curl/curl.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "nlohmann/json.hpp"
#include "services/invitations/delivery/curl_transfer.h"

namespace fgc::invitations::delivery {
namespace {

constexpr size_t kKeptResponseBytes = 200;

struct CurlUrlCleanup {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};

// One part of a parsed URL, or nullopt when it is absent.
std::optional<std::string> UrlPart(CURLU* url, CURLUPart which) {
  char* part = nullptr;
  if (curl_url_get(url, which, &part, 0) != CURLUE_OK || part == nullptr) return std::nullopt;
  std::string value(part);
  curl_free(part);
  return value;
}

absl::Status ValidateUrl(const std::string& text) {
  std::unique_ptr<CURLU, CurlUrlCleanup> url(curl_url());
  if (url == nullptr || curl_url_set(url.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK) {
    return FieldError("webhook.url", "not a URL");
  }
  const std::string scheme =
      absl::AsciiStrToLower(UrlPart(url.get(), CURLUPART_SCHEME).value_or(""));
  const std::string host = UrlPart(url.get(), CURLUPART_HOST).value_or("");
  if (UrlPart(url.get(), CURLUPART_USER) || UrlPart(url.get(), CURLUPART_PASSWORD)) {
    return FieldError("webhook.url", "must not carry credentials; use bearer_secret");
  }
  if (scheme == "https" || (scheme == "http" && IsLoopbackHost(host))) return absl::OkStatus();
  return FieldError("webhook.url", "must be https (http only to a loopback host)");
}

bool HasLineBreak(std::string_view text) {
  return text.find_first_of("\r\n") != std::string_view::npos;
}

// Keeps the first bytes of the response body for the outcome's detail; reads the rest.
size_t KeepResponseStart(char* data, size_t size, size_t count, void* user) {
  auto* kept = static_cast<std::string*>(user);
  const size_t n = size * count;
  if (kept->size() < kKeptResponseBytes) {
    kept->append(data, std::min(n, kKeptResponseBytes - kept->size()));
  }
  return n;
}

// Reads "Retry-After: <seconds>" from the response headers (the HTTP-date form is ignored: a
// provider's clock is not ours). At most a day, so a typo cannot park a message for a year.
size_t KeepRetryAfter(char* data, size_t size, size_t count, void* user) {
  const std::string line(data, size * count);
  const size_t colon = line.find(':');
  int64_t seconds = 0;
  if (colon != std::string::npos &&
      absl::EqualsIgnoreCase(absl::StripAsciiWhitespace(line.substr(0, colon)), "retry-after") &&
      absl::SimpleAtoi(absl::StripAsciiWhitespace(line.substr(colon + 1)), &seconds) &&
      seconds > 0) {
    *static_cast<absl::Duration*>(user) = std::min(absl::Seconds(seconds), absl::Hours(24));
  }
  return size * count;
}

}  // namespace

std::string WebhookBody(const SmsMessage& message) {
  const nlohmann::json body = {{"id", message.notification_id},
                               {"to", message.to},
                               {"text", message.text},
                               {"language", message.language_code}};
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

absl::StatusOr<WebhookSender> WebhookSender::Create(WebhookConfig config) {
  if (absl::Status valid = ValidateUrl(config.url); !valid.ok()) return valid;
  if (config.bearer_secret.empty() || HasLineBreak(config.bearer_secret)) {
    return FieldError("webhook.bearer_secret", "required, one line");
  }
  if (config.connect_timeout <= absl::ZeroDuration() ||
      config.total_timeout <= absl::ZeroDuration()) {
    return FieldError("webhook.timeouts", "must be positive");
  }
  return WebhookSender(std::move(config));
}

DeliveryOutcome WebhookSender::Send(const SmsMessage& message) const {
  if (HasLineBreak(message.notification_id)) {
    return DeliveryOutcome{DeliveryResult::kPermanentFailure, 0,
                           "notification_id has a line break"};
  }
  CurlEasy curl = NewCurlEasy();
  CurlSlist headers;
  const bool headers_ok =
      curl != nullptr &&
      AppendToList(headers, absl::StrCat("Authorization: Bearer ", config_.bearer_secret)) &&
      AppendToList(headers, "Content-Type: application/json; charset=utf-8") &&
      AppendToList(headers, absl::StrCat("Idempotency-Key: ", message.notification_id)) &&
      AppendToList(headers, "Expect:");
  if (!headers_ok) return TransportFailure("libcurl could not allocate");

  CURL* h = curl.get();
  char error_buffer[CURL_ERROR_SIZE] = {};
  std::string response;
  const std::string body = WebhookBody(message);
  curl_easy_setopt(h, CURLOPT_URL, config_.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, CurlMillis(config_.connect_timeout));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, CurlMillis(config_.total_timeout));
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!config_.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, config_.ca_file.c_str());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, KeepResponseStart);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &response);
  absl::Duration retry_after = absl::ZeroDuration();
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, KeepRetryAfter);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &retry_after);

  const CURLcode code = curl_easy_perform(h);
  if (code != CURLE_OK) return CurlFailure(code, error_buffer);
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  DeliveryOutcome outcome = FromHttpStatus(static_cast<int>(status), response, message.to);
  if (outcome.result == DeliveryResult::kRetryLater) outcome.retry_after = retry_after;
  return outcome;
}

}  // namespace fgc::invitations::delivery
