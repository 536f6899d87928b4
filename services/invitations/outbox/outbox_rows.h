// The outbox's rows as the worker sees them, and the SQL the worker runs on them
// (migrations/004_outbox.sql): find what is due across tenants, claim one message under a row
// lock, and record what became of it. Enum columns hold the proto value names without their
// prefix ('QUEUED', 'EMAIL', 'INVITATION').
#pragma once

#include <cstdint>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "fgc/v1/invitation.pb.h"

namespace fgc::invitations::outbox {

// Column text for enum values and back; UNSPECIFIED (0) for text that names none.
std::string KindColumn(v1::NotificationKind kind);
std::string ChannelColumn(v1::DeliveryChannel channel);
std::string StateColumn(v1::NotificationState state);
v1::NotificationKind KindFromColumn(std::string_view text);
v1::DeliveryChannel ChannelFromColumn(std::string_view text);
v1::NotificationState StateFromColumn(std::string_view text);

// Microseconds since the Unix epoch, as the SQL below passes times; and the SQL expression that
// turns parameter $n of that kind into a timestamptz.
int64_t MicrosOf(absl::Time time);
std::string TimestampParam(int n);

// One due message, found without a tenant (outbox_due holds no personal data).
struct DueRef {
  std::string tenant;
  std::string conference;
  std::string id;
};

// Up to `limit` QUEUED messages on `channels` due at `now`, earliest first, across every tenant.
// Runs in a transaction without a tenant (db::Pool::WithoutTenant).
std::vector<DueRef> FindDue(pqxx::work& tx, const std::vector<v1::DeliveryChannel>& channels,
                            absl::Time now, int limit);

// How many QUEUED messages wait on `channel`, in every tenant (for the "not configured" log).
int64_t CountQueued(pqxx::work& tx, v1::DeliveryChannel channel);

// A message claimed for sending: its row stays locked until the claiming transaction ends.
struct ClaimedMessage {
  DueRef ref;
  v1::NotificationKind kind = v1::NOTIFICATION_KIND_UNSPECIFIED;
  v1::DeliveryChannel channel = v1::DELIVERY_CHANNEL_UNSPECIFIED;
  int attempt_count = 0;  // attempts made before this one
  absl::Time create_time;
  std::string sealed;
};

// Locks `ref` if it is still QUEUED and due at `now` and no other transaction holds it
// (FOR UPDATE SKIP LOCKED, so two workers never send one message); nullopt otherwise.
// Runs in a transaction for ref.tenant.
std::optional<ClaimedMessage> Claim(pqxx::work& tx, const DueRef& ref, absl::Time now);

// The claimed message was handed to the provider at `send_time`: SENT, attempt counted, payload
// wiped.
void RecordSent(pqxx::work& tx, const ClaimedMessage& message, absl::Time send_time);
// The attempt failed but may succeed later: stays QUEUED until `next_attempt`.
void RecordRetry(pqxx::work& tx, const ClaimedMessage& message, absl::Time next_attempt,
                 const std::string& error);
// The message will never be sent: BOUNCED or FAILED with `error`, payload wiped. `attempted`
// says whether this claim made an attempt (counted) or gave up before one.
void RecordGivenUp(pqxx::work& tx, const ClaimedMessage& message, v1::NotificationState state,
                   const std::string& error, bool attempted);

}  // namespace fgc::invitations::outbox
