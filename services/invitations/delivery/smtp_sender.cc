#include "services/invitations/delivery/smtp_sender.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "services/invitations/delivery/curl_transfer.h"

namespace fgc::invitations::delivery {
namespace {

bool IsHostText(std::string_view host) {
  return !host.empty() && std::all_of(host.begin(), host.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':';
  });
}

absl::Status ValidateConfig(const SmtpConfig& c) {
  if (!IsHostText(c.host)) return FieldError("smtp.host", "must be a host name or IP address");
  if (c.port < 1 || c.port > 65535) return FieldError("smtp.port", "must be 1 to 65535");
  const bool may_be_plaintext =
      c.security == SmtpSecurity::kPlaintext || c.security == SmtpSecurity::kStartTlsOpportunistic;
  if (may_be_plaintext && !IsLoopbackHost(c.host)) {
    return FieldError("smtp.security", "plaintext is allowed only to a loopback host");
  }
  if (!c.username.empty() && c.password.empty()) {
    return FieldError("smtp.password", "required with a username");
  }
  if (!c.helo_domain.empty() && !IsHostText(c.helo_domain)) {
    return FieldError("smtp.helo_domain", "must be a host name");
  }
  if (c.connect_timeout <= absl::ZeroDuration() || c.total_timeout <= absl::ZeroDuration()) {
    return FieldError("smtp.timeouts", "must be positive");
  }
  return absl::OkStatus();
}

// The message, fed to libcurl's upload in pieces.
struct Upload {
  const std::string* bytes;
  size_t offset = 0;
};

size_t ReadUpload(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const size_t n = std::min(size * count, upload->bytes->size() - upload->offset);
  std::memcpy(buffer, upload->bytes->data() + upload->offset, n);
  upload->offset += n;
  return n;
}

// "550 5.1.1 No such user" -> 550; 0 when the line does not start with a reply code.
int ReplyCode(std::string_view line) {
  int code = 0;
  if (line.size() < 3 || !absl::SimpleAtoi(std::string(line.substr(0, 3)), &code)) return 0;
  return code;
}

// The server's replies that decide an outcome: the last one, and the last refusal (4xx or 5xx),
// which a failed exchange's closing "221 Bye" must not hide.
struct Replies {
  std::string last;
  std::string last_refusal;
};

// libcurl shows the server's reply lines only to a debug callback (CURLINFO_HEADER_IN).
// Outgoing lines (CURLINFO_HEADER_OUT, which include AUTH) are never looked at.
int KeepReplies(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  if (type != CURLINFO_HEADER_IN) return 0;
  auto* replies = static_cast<Replies*>(user);
  replies->last.assign(data, size);
  if (ReplyCode(replies->last) >= 400) replies->last_refusal = replies->last;
  return 0;
}

// The connection's options: where, how long, how protected, as whom.
void SetConnectionOptions(CURL* h, const SmtpConfig& config, const std::string& url,
                          char* error_buffer) {
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, CurlMillis(config.connect_timeout));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, CurlMillis(config.total_timeout));
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!config.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, config.ca_file.c_str());
  long use_ssl = CURLUSESSL_ALL;  // implicit TLS and required STARTTLS
  if (config.security == SmtpSecurity::kStartTlsOpportunistic) use_ssl = CURLUSESSL_TRY;
  if (config.security == SmtpSecurity::kPlaintext) use_ssl = CURLUSESSL_NONE;
  curl_easy_setopt(h, CURLOPT_USE_SSL, use_ssl);
  if (!config.username.empty()) {
    curl_easy_setopt(h, CURLOPT_USERNAME, config.username.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, config.password.c_str());
  }
}

// What the transfer's result and the server's replies mean for the notification.
DeliveryOutcome Classify(CURLcode code, const Replies& replies, const char* error_buffer,
                         const std::string& recipient) {
  if (code == CURLE_OK) {
    const int reply = ReplyCode(replies.last);
    return FromSmtpReply(reply == 0 ? 250 : reply, replies.last, recipient);
  }
  const int refusal = ReplyCode(replies.last_refusal);
  // A rejected login is the configuration's fault, not the message's: retry once it is fixed.
  if (code == CURLE_LOGIN_DENIED) {
    return DeliveryOutcome{
        DeliveryResult::kRetryLater, refusal,
        SanitizedDetail(absl::StrCat("login denied: ", replies.last_refusal), "")};
  }
  if (refusal != 0) return FromSmtpReply(refusal, replies.last_refusal, recipient);
  return CurlFailure(code, error_buffer);
}

}  // namespace

absl::StatusOr<SmtpSender> SmtpSender::Create(SmtpConfig config) {
  if (absl::Status valid = ValidateConfig(config); !valid.ok()) return valid;
  const bool ipv6 = config.host.find(':') != std::string::npos;
  std::string url =
      absl::StrCat(config.security == SmtpSecurity::kImplicitTls ? "smtps" : "smtp", "://",
                   ipv6 ? "[" : "", config.host, ipv6 ? "]" : "", ":", config.port);
  if (!config.helo_domain.empty()) absl::StrAppend(&url, "/", config.helo_domain);
  return SmtpSender(std::move(config), std::move(url));
}

DeliveryOutcome SmtpSender::Send(const EmailMessage& message) const {
  absl::StatusOr<std::string> rendered = RenderEmail(message);
  if (!rendered.ok()) {
    return DeliveryOutcome{
        DeliveryResult::kPermanentFailure, 0,
        SanitizedDetail(std::string(rendered.status().message()), message.to.address)};
  }
  return SendRendered(message.from.address, message.to.address, *rendered);
}

DeliveryOutcome SmtpSender::SendRendered(const std::string& envelope_from,
                                         const std::string& recipient,
                                         const std::string& rendered) const {
  if (!IsAddress(envelope_from) || !IsAddress(recipient)) {
    return DeliveryOutcome{DeliveryResult::kPermanentFailure, 0, "malformed envelope address"};
  }
  CurlEasy curl = NewCurlEasy();
  CurlSlist recipients;
  if (curl == nullptr || !AppendToList(recipients, absl::StrCat("<", recipient, ">"))) {
    return TransportFailure("libcurl could not allocate");
  }
  CURL* h = curl.get();
  char error_buffer[CURL_ERROR_SIZE] = {};
  Replies replies;
  Upload upload{&rendered};
  const std::string mail_from = absl::StrCat("<", envelope_from, ">");

  SetConnectionOptions(h, config_, url_, error_buffer);
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(rendered.size()));
  curl_easy_setopt(h, CURLOPT_READFUNCTION, ReadUpload);
  curl_easy_setopt(h, CURLOPT_READDATA, &upload);
  curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, KeepReplies);
  curl_easy_setopt(h, CURLOPT_DEBUGDATA, &replies);
  curl_easy_setopt(h, CURLOPT_VERBOSE, 1L);  // only feeds the callback; nothing is printed

  return Classify(curl_easy_perform(h), replies, error_buffer, recipient);
}

}  // namespace fgc::invitations::delivery
