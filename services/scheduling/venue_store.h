// The SQL of scheduling's venues (migrations/003_venues_bookings.sql): public places, kept in
// clear as their fgc.v1.Venue record.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/db/pool.h"
#include "fgc/v1/venue.pb.h"
#include "services/scheduling/conference_store.h"

namespace fgc::scheduling {

class VenueStore {
 public:
  explicit VenueStore(db::Pool* pool) : pool_(pool) {}

  // ALREADY_EXISTS when the id is taken; a retry of the same request returns the venue.
  absl::StatusOr<v1::Venue> Create(const std::string& tenant, const v1::Venue& venue,
                                   const RequestKey& request);
  // NOT_FOUND naming the venue.
  absl::StatusOr<v1::Venue> Get(const std::string& tenant, const std::string& id);
  // Up to `limit` venues with ids after `after`, by id.
  absl::StatusOr<std::vector<v1::Venue>> List(const std::string& tenant, const std::string& after,
                                              int limit);

 private:
  db::Pool* const pool_;
};

}  // namespace fgc::scheduling
