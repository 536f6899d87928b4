// Sends outbox emails to the configured SMTP server with libcurl and says what became of each:
// delivered, retry later, or a permanent failure with the server's reply.
//
// Thread safety: Send is const and opens its own connection, so one sender may be shared by
// many worker threads.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/invitations/delivery/delivery_outcome.h"
#include "services/invitations/delivery/email_message.h"

namespace fgc::invitations::delivery {

// How the connection is protected.
enum class SmtpSecurity {
  kImplicitTls,            // smtps://, TLS from the first byte (usually port 465)
  kStartTlsRequired,       // smtp:// and STARTTLS, or no delivery (usually port 587)
  kStartTlsOpportunistic,  // STARTTLS when offered, plaintext otherwise: loopback only
  kPlaintext,              // never TLS: loopback only (a local relay, tests)
};

struct SmtpConfig {
  std::string host;  // a name or an IP address (IPv6 without brackets)
  int port = 587;
  SmtpSecurity security = SmtpSecurity::kStartTlsRequired;
  // Optional SMTP AUTH. The password goes to libcurl and nowhere else: never into an
  // outcome's detail, never logged.
  std::string username;
  std::string password;
  std::string helo_domain;  // the EHLO name; libcurl's default when empty
  std::string ca_file;      // a CA bundle to trust instead of the system's, when set
  absl::Duration connect_timeout = absl::Seconds(10);
  absl::Duration total_timeout = absl::Seconds(60);  // the whole exchange, DATA included
};

class SmtpSender final {
 public:
  // INVALID_ARGUMENT for a missing or malformed host or port, a plaintext-capable mode to a
  // host that is not loopback, a username without a password, or non-positive timeouts.
  static absl::StatusOr<SmtpSender> Create(SmtpConfig config);

  // Renders and sends `message` to its one recipient, envelope sender `message.from.address`.
  // A message that cannot be rendered is a permanent failure (sending it again cannot help).
  // Dot-stuffing of body lines that start with "." is done by libcurl.
  DeliveryOutcome Send(const EmailMessage& message) const;

  // Sends an already rendered RFC 5322 message (CRLF line ends).
  DeliveryOutcome SendRendered(const std::string& envelope_from, const std::string& recipient,
                               const std::string& rendered) const;

 private:
  explicit SmtpSender(SmtpConfig config, std::string url)
      : config_(std::move(config)), url_(std::move(url)) {}

  SmtpConfig config_;
  std::string url_;  // smtp[s]://host:port[/helo_domain], no credentials
};

}  // namespace fgc::invitations::delivery
