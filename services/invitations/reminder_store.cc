#include "services/invitations/reminder_store.h"

namespace fgc::invitations {
namespace {

// Times cross as microseconds since the epoch, both ways, exactly (no floating point).
constexpr char kMicros[] = "(extract(epoch FROM availability_deadline) * 1e6)::bigint";

int64_t Micros(absl::Time t) { return absl::ToUnixMicros(t); }

}  // namespace

std::vector<DeadlineRef> NearDeadlines(pqxx::work& tx, absl::Time after, absl::Time until) {
  const pqxx::result rows = tx.exec_params(std::string("SELECT tenant, conference, ") + kMicros +
                                               " FROM reminder_deadlines "
                                               "WHERE availability_deadline > (timestamptz 'epoch' "
                                               "+ $1::bigint * interval '1 microsecond') "
                                               "AND availability_deadline <= (timestamptz 'epoch' "
                                               "+ $2::bigint * interval '1 microsecond') "
                                               "ORDER BY availability_deadline, tenant, conference",
                                           Micros(after), Micros(until));
  std::vector<DeadlineRef> out;
  for (const auto& row : rows) {
    out.push_back({row[0].as<std::string>(), row[1].as<std::string>(),
                   absl::FromUnixMicros(row[2].as<int64_t>())});
  }
  return out;
}

std::map<std::string, ReminderState> ReminderStates(pqxx::work& tx, const std::string& tenant,
                                                    const std::string& conference,
                                                    absl::Time deadline) {
  const pqxx::result rows = tx.exec_params(
      "SELECT i.id, i.link_seed IS NOT NULL, EXISTS (SELECT 1 FROM invitation_reminders r "
      "WHERE r.tenant = i.tenant AND r.conference = i.conference AND r.invitation = i.id "
      "AND r.availability_deadline = (timestamptz 'epoch' + $3::bigint * interval '1 "
      "microsecond')) "
      "FROM invitations i WHERE i.tenant = $1 AND i.conference = $2",
      tenant, conference, Micros(deadline));
  std::map<std::string, ReminderState> out;
  for (const auto& row : rows) {
    out[row[0].as<std::string>()] = {row[1].as<bool>(), row[2].as<bool>()};
  }
  return out;
}

absl::StatusOr<std::optional<LockedInvitation>> LockForReminder(pqxx::work& tx,
                                                                const std::string& tenant,
                                                                const InvitationName& name,
                                                                absl::Time deadline) {
  const pqxx::result rows = tx.exec_params(
      "SELECT record, link_seed, EXISTS (SELECT 1 FROM invitation_reminders r "
      "WHERE r.tenant = i.tenant AND r.conference = i.conference AND r.invitation = i.id "
      "AND r.availability_deadline = (timestamptz 'epoch' + $4::bigint * interval '1 "
      "microsecond')) "
      "FROM invitations i WHERE i.tenant = $1 AND i.conference = $2 AND i.id = $3 "
      "FOR UPDATE OF i",
      tenant, name.conference, name.id, Micros(deadline));
  if (rows.empty()) return std::nullopt;
  LockedInvitation out;
  if (!out.record.ParseFromString(pqxx::binarystring(rows[0][0]).str())) {
    return absl::DataLossError("a stored invitation does not parse");
  }
  if (!rows[0][1].is_null()) out.sealed_seed = pqxx::binarystring(rows[0][1]).str();
  out.reminded = rows[0][2].as<bool>();
  return out;
}

bool IsCurrentLink(pqxx::work& tx, const std::string& tenant, const InvitationName& name,
                   const std::string& digest, absl::Time now) {
  const pqxx::result rows = tx.exec_params(
      "SELECT 1 FROM invitation_links WHERE digest = $1 AND tenant = $2 AND conference = $3 "
      "AND invitation = $4 AND revoke_time IS NULL AND replace_time IS NULL "
      "AND expire_time > (timestamptz 'epoch' + $5::bigint * interval '1 microsecond')",
      pqxx::binarystring(digest), tenant, name.conference, name.id, Micros(now));
  return !rows.empty();
}

void RecordReminder(pqxx::work& tx, const std::string& tenant, const InvitationName& name,
                    absl::Time deadline, const std::string& notification) {
  tx.exec_params(
      "INSERT INTO invitation_reminders (tenant, conference, invitation, availability_deadline, "
      "notification, create_time) VALUES ($1, $2, $3, (timestamptz 'epoch' + $4::bigint * interval "
      "'1 microsecond'), $5, now())",
      tenant, name.conference, name.id, Micros(deadline), notification);
}

}  // namespace fgc::invitations
