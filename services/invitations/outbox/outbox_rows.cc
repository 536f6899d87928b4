#include "services/invitations/outbox/outbox_rows.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace fgc::invitations::outbox {
namespace {

// The proto's value name without its prefix: NOTIFICATION_STATE_QUEUED -> QUEUED.
std::string WithoutPrefix(const std::string& name, std::string_view prefix) {
  return std::string_view(name).starts_with(prefix) ? name.substr(prefix.size()) : name;
}

constexpr char kKindPrefix[] = "NOTIFICATION_KIND_";
constexpr char kChannelPrefix[] = "DELIVERY_CHANNEL_";
constexpr char kStatePrefix[] = "NOTIFICATION_STATE_";

}  // namespace

std::string KindColumn(v1::NotificationKind kind) {
  return WithoutPrefix(v1::NotificationKind_Name(kind), kKindPrefix);
}
std::string ChannelColumn(v1::DeliveryChannel channel) {
  return WithoutPrefix(v1::DeliveryChannel_Name(channel), kChannelPrefix);
}
std::string StateColumn(v1::NotificationState state) {
  return WithoutPrefix(v1::NotificationState_Name(state), kStatePrefix);
}

v1::NotificationKind KindFromColumn(std::string_view text) {
  v1::NotificationKind kind = v1::NOTIFICATION_KIND_UNSPECIFIED;
  v1::NotificationKind_Parse(absl::StrCat(kKindPrefix, std::string(text)), &kind);
  return kind;
}
v1::DeliveryChannel ChannelFromColumn(std::string_view text) {
  v1::DeliveryChannel channel = v1::DELIVERY_CHANNEL_UNSPECIFIED;
  v1::DeliveryChannel_Parse(absl::StrCat(kChannelPrefix, std::string(text)), &channel);
  return channel;
}
v1::NotificationState StateFromColumn(std::string_view text) {
  v1::NotificationState state = v1::NOTIFICATION_STATE_UNSPECIFIED;
  v1::NotificationState_Parse(absl::StrCat(kStatePrefix, std::string(text)), &state);
  return state;
}

int64_t MicrosOf(absl::Time time) { return absl::ToUnixMicros(time); }

std::string TimestampParam(int n) {
  return absl::StrCat("('epoch'::timestamptz + $", n, "::bigint * interval '1 microsecond')");
}

std::vector<DueRef> FindDue(pqxx::work& tx, const std::vector<v1::DeliveryChannel>& channels,
                            absl::Time now, int limit) {
  std::vector<std::string> names;
  for (v1::DeliveryChannel channel : channels) names.push_back(tx.quote(ChannelColumn(channel)));
  if (names.empty()) return {};
  const pqxx::result rows = tx.exec_params(
      absl::StrCat("SELECT tenant, conference, id FROM outbox_due WHERE channel IN (",
                   absl::StrJoin(names, ", "), ") AND next_attempt_at <= ", TimestampParam(1),
                   " ORDER BY next_attempt_at LIMIT $2"),
      MicrosOf(now), limit);
  std::vector<DueRef> due;
  for (const auto& row : rows) {
    due.push_back({row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>()});
  }
  return due;
}

int64_t CountQueued(pqxx::work& tx, v1::DeliveryChannel channel) {
  return tx
      .exec_params("SELECT count(*) FROM outbox_due WHERE channel = $1",
                   ChannelColumn(channel))[0][0]
      .as<int64_t>();
}

std::optional<ClaimedMessage> Claim(pqxx::work& tx, const DueRef& ref, absl::Time now) {
  const pqxx::result rows = tx.exec_params(
      absl::StrCat("SELECT kind, channel, attempt_count, "
                   "(extract(epoch FROM create_time) * 1000000)::bigint, sealed "
                   "FROM notifications WHERE tenant = $1 AND conference = $2 AND id = $3 "
                   "AND state = 'QUEUED' AND next_attempt_at <= ",
                   TimestampParam(4), " FOR UPDATE SKIP LOCKED"),
      ref.tenant, ref.conference, ref.id, MicrosOf(now));
  if (rows.empty()) return std::nullopt;
  const pqxx::row& row = rows[0];
  ClaimedMessage message;
  message.ref = ref;
  message.kind = KindFromColumn(row[0].as<std::string>());
  message.channel = ChannelFromColumn(row[1].as<std::string>());
  message.attempt_count = row[2].as<int>();
  message.create_time = absl::FromUnixMicros(row[3].as<int64_t>());
  message.sealed = pqxx::binarystring(row[4]).str();
  return message;
}

void RecordSent(pqxx::work& tx, const ClaimedMessage& message, absl::Time send_time) {
  tx.exec_params(
      absl::StrCat("UPDATE notifications SET state = 'SENT', sealed = NULL, "
                   "next_attempt_at = NULL, attempt_count = attempt_count + 1, "
                   "last_error = '', send_time = ",
                   TimestampParam(4), " WHERE tenant = $1 AND conference = $2 AND id = $3"),
      message.ref.tenant, message.ref.conference, message.ref.id, MicrosOf(send_time));
}

void RecordRetry(pqxx::work& tx, const ClaimedMessage& message, absl::Time next_attempt,
                 const std::string& error) {
  tx.exec_params(
      absl::StrCat("UPDATE notifications SET attempt_count = attempt_count + 1, "
                   "last_error = $4, next_attempt_at = ",
                   TimestampParam(5), " WHERE tenant = $1 AND conference = $2 AND id = $3"),
      message.ref.tenant, message.ref.conference, message.ref.id, error, MicrosOf(next_attempt));
}

void RecordGivenUp(pqxx::work& tx, const ClaimedMessage& message, v1::NotificationState state,
                   const std::string& error, bool attempted) {
  tx.exec_params(
      "UPDATE notifications SET state = $4, sealed = NULL, next_attempt_at = NULL, "
      "last_error = $5, attempt_count = attempt_count + $6 "
      "WHERE tenant = $1 AND conference = $2 AND id = $3",
      message.ref.tenant, message.ref.conference, message.ref.id, StateColumn(state), error,
      attempted ? 1 : 0);
}

}  // namespace fgc::invitations::outbox
