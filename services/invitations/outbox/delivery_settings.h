// The outbox worker's senders as the host's configuration describes them (--smtp-url,
// --smtp-from, --smtp-username with FGC_SMTP_PASSWORD, --sms-webhook-url with
// FGC_SMS_WEBHOOK_SECRET; common/base/config.h). A channel left unset is not configured.
#pragma once

#include "absl/status/statusor.h"
#include "common/base/config.h"
#include "services/invitations/delivery/email_message.h"
#include "services/invitations/outbox/outbox_worker.h"

namespace fgc::invitations::outbox {

// "addr@host" or "Name <addr@host>" (the name may be quoted); INVALID_ARGUMENT otherwise.
absl::StatusOr<delivery::Mailbox> ParseMailbox(std::string_view text);

// INVALID_ARGUMENT with a field violation naming the flag (reason INVALID_CONFIGURATION) for a
// setting the senders refuse, so that the host refuses to start.
absl::StatusOr<OutboxSenders> SendersFromConfig(const HostConfig& config);

}  // namespace fgc::invitations::outbox
