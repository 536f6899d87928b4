#include "services/scheduling/booking_store.h"

namespace fgc::scheduling {
namespace {

constexpr char kDuring[] =
    "tstzrange('epoch'::timestamptz + $%d * interval '1 microsecond', "
    "'epoch'::timestamptz + $%d * interval '1 microsecond', '[)')";

std::string During(int start_param, int end_param) {
  char buf[192];
  std::snprintf(buf, sizeof buf, kDuring, start_param, end_param);
  return buf;
}

}  // namespace

void PutBooking(pqxx::work& tx, const std::string& tenant, const BookingRow& row) {
  tx.exec_params(
      "INSERT INTO bookings (tenant, calendar_uid, conference, venue, coordinator_subject, "
      "during, confirmed) VALUES ($1, $2, $3, $4, $5, " +
          During(6, 7) +
          ", true) ON CONFLICT (tenant, calendar_uid) DO UPDATE SET venue = EXCLUDED.venue, "
          "coordinator_subject = EXCLUDED.coordinator_subject, during = EXCLUDED.during, "
          "confirmed = true",
      tenant, row.calendar_uid, row.conference_id, row.venue_id, row.coordinator_subject,
      absl::ToUnixMicros(row.start), absl::ToUnixMicros(row.end));
}

void CancelBooking(pqxx::work& tx, const std::string& tenant, const std::string& calendar_uid) {
  tx.exec_params("UPDATE bookings SET confirmed = false WHERE tenant = $1 AND calendar_uid = $2",
                 tenant, calendar_uid);
}

absl::StatusOr<std::optional<std::string>> ClashingConference(db::Pool& pool,
                                                              const std::string& tenant,
                                                              const std::string& constraint,
                                                              const BookingRow& row) {
  const bool venue = constraint == "venue_not_double_booked";
  return pool.WithTenantResult<std::optional<std::string>>(
      tenant, [&](pqxx::work& tx) -> absl::StatusOr<std::optional<std::string>> {
        pqxx::result r = tx.exec_params(
            std::string("SELECT conference FROM bookings WHERE tenant = $1 AND confirmed AND ") +
                (venue ? "venue = $2" : "coordinator_subject = $2") +
                " AND calendar_uid <> $3 AND during && " + During(4, 5) + " LIMIT 1",
            tenant, venue ? row.venue_id : row.coordinator_subject, row.calendar_uid,
            absl::ToUnixMicros(row.start), absl::ToUnixMicros(row.end));
        if (r.empty()) return std::nullopt;
        return r[0][0].as<std::string>();
      });
}

}  // namespace fgc::scheduling
