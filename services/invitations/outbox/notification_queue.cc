#include "services/invitations/outbox/notification_queue.h"

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/crypto/random.h"
#include "google/protobuf/timestamp.pb.h"
#include "services/invitations/outbox/outbox_payload.h"
#include "services/invitations/outbox/outbox_rows.h"

namespace fgc::invitations::outbox {
namespace {

constexpr char kStaffField[] = "staff_recipient";

void SetTimestamp(absl::Time time, google::protobuf::Timestamp* out) {
  const int64_t micros = absl::ToUnixMicros(time);
  out->set_seconds(micros / 1'000'000);
  out->set_nanos(static_cast<int32_t>((micros % 1'000'000) * 1000));
  if (out->nanos() < 0) {
    out->set_seconds(out->seconds() - 1);
    out->set_nanos(out->nanos() + 1'000'000'000);
  }
}

absl::Status CheckMessage(const QueuedMessage& m) {
  std::vector<FieldViolation> v;
  if (m.member.empty() == !m.staff_recipient.has_value()) {
    v.push_back({"member", "exactly one of member and staff_recipient"});
  }
  if (m.member.size() > 0 && !absl::StartsWith(m.member, absl::StrCat(m.conference, "/members/"))) {
    v.push_back({"member", "must be a member of the conference"});
  }
  if (!absl::StartsWith(m.conference, absl::StrCat("tenants/", m.tenant, "/conferences/"))) {
    v.push_back({"conference", "must be a conference of the tenant"});
  }
  if (m.kind == v1::NOTIFICATION_KIND_UNSPECIFIED || !v1::NotificationKind_IsValid(m.kind)) {
    v.push_back({"kind", "must be set"});
  }
  if ((m.kind == v1::NOTIFICATION_KIND_INVITATION) == m.invitation.empty()) {
    v.push_back({"invitation", "given with, and only with, NOTIFICATION_KIND_INVITATION"});
  }
  if (m.channel == v1::DELIVERY_CHANNEL_EMAIL) {
    if (m.subject.empty() || m.body.empty()) v.push_back({"body", "an email needs both"});
  } else if (m.channel == v1::DELIVERY_CHANNEL_SMS) {
    if (m.text.empty()) v.push_back({"text", "an SMS needs text"});
  } else {
    v.push_back({"channel", "must be EMAIL or SMS"});
  }
  if (m.address.empty()) v.push_back({"address", "must be set"});
  if (!v.empty()) return InvalidArgument("INVALID_NOTIFICATION", "incomplete notification", v);
  return absl::OkStatus();
}

// 16 random bytes as lower-case hex: a notification id that is also a valid Message-ID part.
absl::StatusOr<std::string> NewNotificationId() {
  auto bytes = crypto::RandomBytes(16);
  if (!bytes.ok()) return bytes.status();
  return absl::BytesToHexString(*bytes);
}

std::optional<absl::Time> OptionalTime(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return absl::FromUnixMicros(field.as<int64_t>());
}

constexpr char kDeliveryColumns[] =
    "state, (extract(epoch FROM send_time) * 1000000)::bigint, "
    "(extract(epoch FROM deliver_time) * 1000000)::bigint, last_error";

InvitationDelivery DeliveryFromRow(const pqxx::row& row, int first) {
  InvitationDelivery delivery;
  delivery.state = StateFromColumn(row[first].as<std::string>());
  delivery.send_time = OptionalTime(row[first + 1]);
  delivery.deliver_time = OptionalTime(row[first + 2]);
  delivery.last_error = row[first + 3].as<std::string>();
  return delivery;
}

}  // namespace

std::string NotificationName(const std::string& conference, const std::string& id) {
  return absl::StrCat(conference, "/notifications/", id);
}

absl::StatusOr<v1::Notification> Enqueue(pqxx::work& tx, const crypto::DataKey& key,
                                         const QueuedMessage& m) {
  if (absl::Status s = CheckMessage(m); !s.ok()) return s;
  auto id = NewNotificationId();
  if (!id.ok()) return id.status();
  const std::string name = NotificationName(m.conference, *id);
  auto sealed = SealPayload(
      key, {m.address, m.display_name, m.language_code, m.subject, m.body, m.text}, name);
  if (!sealed.ok()) return sealed.status();
  std::string staff;  // empty for a member: NULLIF makes it NULL (a sealed value never is)
  if (m.staff_recipient.has_value()) {
    auto sealed_staff =
        crypto::SealField(key, m.staff_recipient->SerializeAsString(), name, kStaffField);
    if (!sealed_staff.ok()) return sealed_staff.status();
    staff = *std::move(sealed_staff);
  }
  const pqxx::result rows = tx.exec_params(
      "INSERT INTO notifications (tenant, conference, id, member, staff_recipient, kind, channel, "
      "state, next_attempt_at, related_resource, invitation, sealed, create_time) "
      "VALUES ($1, $2, $3, NULLIF($4, ''), NULLIF($5, ''::bytea), $6, $7, 'QUEUED', now(), $8, "
      "NULLIF($9, ''), $10, now()) "
      "RETURNING (extract(epoch FROM create_time) * 1000000)::bigint",
      m.tenant, m.conference, *id, m.member, pqxx::binarystring(staff), KindColumn(m.kind),
      ChannelColumn(m.channel), m.related_resource, m.invitation, pqxx::binarystring(*sealed));
  const absl::Time created = absl::FromUnixMicros(rows[0][0].as<int64_t>());
  v1::Notification out;
  out.set_name(name);
  out.set_member(m.member);
  if (m.staff_recipient.has_value()) *out.mutable_staff_recipient() = *m.staff_recipient;
  out.set_kind(m.kind);
  out.set_channel(m.channel);
  out.set_state(v1::NOTIFICATION_STATE_QUEUED);
  out.set_related_resource(m.related_resource);
  SetTimestamp(created, out.mutable_create_time());
  SetTimestamp(created, out.mutable_next_attempt_time());
  return out;
}

absl::StatusOr<int> SupersedeQueued(pqxx::work& tx, const std::string& tenant,
                                    const std::string& invitation) {
  const pqxx::result rows = tx.exec_params(
      "UPDATE notifications SET state = 'FAILED', sealed = NULL, next_attempt_at = NULL, "
      "last_error = 'superseded' "
      "WHERE tenant = $1 AND state = 'QUEUED' AND (invitation = $2 OR "
      "(kind = 'AVAILABILITY_REMINDER' AND related_resource = $2)) RETURNING id",
      tenant, invitation);
  return static_cast<int>(rows.size());
}

absl::StatusOr<std::optional<InvitationDelivery>> LatestInvitationDelivery(
    pqxx::work& tx, const std::string& tenant, const std::string& invitation) {
  const pqxx::result rows =
      tx.exec_params(absl::StrCat("SELECT ", kDeliveryColumns,
                                  " FROM notifications WHERE tenant = $1 AND invitation = $2 "
                                  "ORDER BY create_time DESC, id DESC LIMIT 1"),
                     tenant, invitation);
  if (rows.empty()) return std::nullopt;
  return DeliveryFromRow(rows[0], 0);
}

absl::StatusOr<std::map<std::string, InvitationDelivery>> LatestInvitationDeliveries(
    pqxx::work& tx, const std::string& tenant, const std::string& conference) {
  const pqxx::result rows =
      tx.exec_params(absl::StrCat("SELECT DISTINCT ON (invitation) invitation, ", kDeliveryColumns,
                                  " FROM notifications WHERE tenant = $1 AND conference = $2 "
                                  "AND invitation IS NOT NULL "
                                  "ORDER BY invitation, create_time DESC, id DESC"),
                     tenant, conference);
  std::map<std::string, InvitationDelivery> out;
  for (const auto& row : rows) out.emplace(row[0].as<std::string>(), DeliveryFromRow(row, 1));
  return out;
}

absl::StatusOr<bool> MarkDelivered(pqxx::work& tx, const std::string& tenant,
                                   const std::string& notification, absl::Time deliver_time) {
  const size_t slash = notification.rfind("/notifications/");
  if (slash == std::string::npos) return NotFound("fgc.v1.Notification", notification);
  const std::string conference = notification.substr(0, slash);
  const std::string id = notification.substr(slash + 15);
  const pqxx::result rows = tx.exec_params(
      "SELECT state FROM notifications WHERE tenant = $1 AND conference = $2 AND id = $3 "
      "FOR UPDATE",
      tenant, conference, id);
  if (rows.empty()) return NotFound("fgc.v1.Notification", notification);
  if (rows[0][0].as<std::string>() != "SENT") return false;
  tx.exec_params(
      absl::StrCat("UPDATE notifications SET state = 'DELIVERED', deliver_time = ",
                   TimestampParam(4), " WHERE tenant = $1 AND conference = $2 AND id = $3"),
      tenant, conference, id, MicrosOf(deliver_time));
  return true;
}

absl::StatusOr<std::vector<v1::Notification>> ListNotifications(
    pqxx::work& tx, const crypto::DataKey* key, const std::string& tenant,
    const std::string& conference, const std::string& after_id, int limit) {
  const pqxx::result rows = tx.exec_params(
      "SELECT id, member, staff_recipient, kind, channel, state, related_resource, "
      "attempt_count, (extract(epoch FROM next_attempt_at) * 1000000)::bigint, last_error, "
      "(extract(epoch FROM create_time) * 1000000)::bigint, "
      "(extract(epoch FROM send_time) * 1000000)::bigint "
      "FROM notifications WHERE tenant = $1 AND conference = $2 AND id > $3 "
      "ORDER BY id LIMIT $4",
      tenant, conference, after_id, limit);
  std::vector<v1::Notification> out;
  for (const auto& row : rows) {
    v1::Notification n;
    n.set_name(NotificationName(conference, row[0].as<std::string>()));
    if (!row[1].is_null()) n.set_member(row[1].as<std::string>());
    if (!row[2].is_null() && key != nullptr) {
      auto staff = crypto::OpenField(*key, pqxx::binarystring(row[2]).str(), n.name(), kStaffField);
      if (!staff.ok()) return staff.status();
      if (!n.mutable_staff_recipient()->ParseFromString(*staff)) {
        return absl::DataLossError("a stored staff recipient does not parse");
      }
    }
    n.set_kind(KindFromColumn(row[3].as<std::string>()));
    n.set_channel(ChannelFromColumn(row[4].as<std::string>()));
    n.set_state(StateFromColumn(row[5].as<std::string>()));
    n.set_related_resource(row[6].as<std::string>());
    n.set_attempt_count(row[7].as<int>());
    if (auto t = OptionalTime(row[8])) SetTimestamp(*t, n.mutable_next_attempt_time());
    n.set_last_error(row[9].as<std::string>());
    SetTimestamp(absl::FromUnixMicros(row[10].as<int64_t>()), n.mutable_create_time());
    if (auto t = OptionalTime(row[11])) SetTimestamp(*t, n.mutable_send_time());
    out.push_back(std::move(n));
  }
  return out;
}

}  // namespace fgc::invitations::outbox
