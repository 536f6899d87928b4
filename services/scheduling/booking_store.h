// The SQL of bookings (migrations/003_venues_bookings.sql): the rows whose exclusion
// constraints make double-booking a venue or a coordinator impossible. Called inside the
// transaction that changes the conference (ConferenceStore::Replace's `also`).
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/db/pool.h"
#include "fgc/v1/conference.pb.h"

namespace fgc::scheduling {

// One confirmed meeting as the constraints see it.
struct BookingRow {
  std::string calendar_uid;
  std::string conference_id;
  std::string venue_id;  // "" when everyone joins remotely
  std::string coordinator_subject;
  absl::Time start;
  absl::Time end;
};

// The row of `booking`, a meeting of `conference` (its coordinator is the one reserved).
BookingRow RowOf(const v1::Booking& booking, const v1::Conference& conference);

// Inserts a confirmed booking, or moves an existing one (same calendar_uid) to new times and
// venue. Overlaps fail with SQLSTATE 23P01 naming the constraint (venue_not_double_booked,
// coordinator_not_double_booked).
void PutBooking(pqxx::work& tx, const std::string& tenant, const BookingRow& row);

// Releases the booking (kept, so calendars receive the cancellation).
void CancelBooking(pqxx::work& tx, const std::string& tenant, const std::string& calendar_uid);

// The conference whose confirmed booking clashes with `row` under `constraint`, if any (read
// after a refused booking, to name the clash).
absl::StatusOr<std::optional<std::string>> ClashingConference(db::Pool& pool,
                                                              const std::string& tenant,
                                                              const std::string& constraint,
                                                              const BookingRow& row);

}  // namespace fgc::scheduling
