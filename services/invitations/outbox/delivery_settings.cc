#include "services/invitations/outbox/delivery_settings.h"

#include <utility>

#include "common/base/errors.h"

namespace fgc::invitations::outbox {
namespace {

absl::Status ConfigError(const std::string& flag, const absl::Status& refused) {
  return InvalidArgument("INVALID_CONFIGURATION", "invalid configuration",
                         {{flag, std::string(refused.message())}});
}

delivery::SmtpSecurity SecurityOf(SmtpUrl::Security security) {
  switch (security) {
    case SmtpUrl::Security::kImplicitTls:
      return delivery::SmtpSecurity::kImplicitTls;
    case SmtpUrl::Security::kPlaintextLoopback:
      return delivery::SmtpSecurity::kPlaintext;
    case SmtpUrl::Security::kStartTlsRequired:
      break;
  }
  return delivery::SmtpSecurity::kStartTlsRequired;
}

absl::Status AddEmail(const HostConfig& config, OutboxSenders& senders) {
  auto url = ParseSmtpUrl(config.smtp_url);
  if (!url.ok()) return ConfigError("--smtp-url", url.status());
  auto from = ParseMailbox(config.smtp_from);
  if (!from.ok()) return ConfigError("--smtp-from", from.status());
  delivery::SmtpConfig smtp;
  smtp.host = url->host;
  smtp.port = url->port;
  smtp.security = SecurityOf(url->security);
  smtp.username = config.smtp_username;
  smtp.password = config.smtp_password;
  auto sender = delivery::SmtpSender::Create(std::move(smtp));
  if (!sender.ok()) return ConfigError("--smtp-url", sender.status());
  senders.email.emplace(*std::move(sender));
  senders.email_from = *std::move(from);
  return absl::OkStatus();
}

std::string_view Trimmed(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

absl::StatusOr<delivery::Mailbox> ParseMailbox(std::string_view text) {
  delivery::Mailbox mailbox;
  text = Trimmed(text);
  if (const size_t open = text.rfind('<'); open != std::string_view::npos) {
    if (!text.ends_with(">")) return absl::InvalidArgumentError("must end with '>'");
    mailbox.address = std::string(text.substr(open + 1, text.size() - open - 2));
    std::string_view name = Trimmed(text.substr(0, open));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
      name = name.substr(1, name.size() - 2);
    }
    mailbox.display_name = std::string(name);
  } else {
    mailbox.address = std::string(text);
  }
  if (!delivery::IsAddress(mailbox.address)) {
    return absl::InvalidArgumentError("must be addr@host or \"Name <addr@host>\"");
  }
  if (mailbox.display_name.find_first_of("\r\n") != std::string::npos) {
    return absl::InvalidArgumentError("the name must be one line");
  }
  return mailbox;
}

absl::StatusOr<OutboxSenders> SendersFromConfig(const HostConfig& config) {
  OutboxSenders senders;
  if (!config.smtp_url.empty()) {
    if (absl::Status s = AddEmail(config, senders); !s.ok()) return s;
  }
  if (!config.sms_webhook_url.empty()) {
    delivery::WebhookConfig webhook;
    webhook.url = config.sms_webhook_url;
    webhook.bearer_secret = config.sms_webhook_secret;
    auto sender = delivery::WebhookSender::Create(std::move(webhook));
    if (!sender.ok()) return ConfigError("--sms-webhook-url", sender.status());
    senders.sms.emplace(*std::move(sender));
  }
  return senders;
}

}  // namespace fgc::invitations::outbox
