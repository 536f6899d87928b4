#include "services/invitations/outbox/outbox_payload.h"

#include <nlohmann/json.hpp>

namespace fgc::invitations::outbox {
namespace {

constexpr char kField[] = "payload";

}  // namespace

absl::StatusOr<std::string> SealPayload(const crypto::DataKey& key, const OutboxPayload& payload,
                                        const std::string& notification_name) {
  const nlohmann::json json = {
      {"address", payload.address},
      {"display_name", payload.display_name},
      {"language", payload.language_code},
      {"subject", payload.subject},
      {"body", payload.body},
      {"text", payload.text},
  };
  // Invalid UTF-8 is replaced rather than thrown on: rendering checked the text already.
  const std::string bytes = json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return crypto::SealField(key, bytes, notification_name, kField);
}

absl::StatusOr<OutboxPayload> OpenPayload(const crypto::DataKey& key, const std::string& sealed,
                                          const std::string& notification_name) {
  auto bytes = crypto::OpenField(key, sealed, notification_name, kField);
  if (!bytes.ok()) return bytes.status();
  const nlohmann::json json = nlohmann::json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return absl::DataLossError("a queued notification does not parse");
  OutboxPayload payload;
  for (auto [name, field] : {std::pair<const char*, std::string*>{"address", &payload.address},
                             {"display_name", &payload.display_name},
                             {"language", &payload.language_code},
                             {"subject", &payload.subject},
                             {"body", &payload.body},
                             {"text", &payload.text}}) {
    auto it = json.find(name);
    if (it == json.end() || !it->is_string()) {
      return absl::DataLossError("a queued notification does not parse");
    }
    *field = it->get<std::string>();
  }
  return payload;
}

}  // namespace fgc::invitations::outbox
