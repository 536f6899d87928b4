#include "services/scheduling/venue_store.h"

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/db/request_log.h"
#include "google/protobuf/util/time_util.h"

namespace fgc::scheduling {
namespace {

std::string IdOf(const std::string& name) { return name.substr(name.rfind('/') + 1); }

absl::StatusOr<v1::Venue> FromRecord(const pqxx::field& field) {
  v1::Venue venue;
  if (!venue.ParseFromString(pqxx::binarystring(field).str())) {
    return absl::DataLossError("a stored venue does not parse");
  }
  return venue;
}

}  // namespace

absl::StatusOr<v1::Venue> VenueStore::Create(const std::string& tenant, const v1::Venue& venue,
                                             const RequestKey& request) {
  absl::Status status = pool_->WithTenant(tenant, [&](pqxx::work& tx) -> absl::Status {
    if (!request.request_id.empty()) {
      auto replayed = db::ReplayedResponse(tx, tenant, request.request_id, request.method,
                                           request.request_hash);
      if (!replayed.ok()) return replayed.status();
      if (replayed->has_value()) return absl::OkStatus();  // made by the first attempt
      db::RecordRequest(tx, tenant, request.request_id, request.method, request.request_hash,
                        venue.name());
    }
    std::string record;
    venue.SerializeToString(&record);
    tx.exec_params(
        "INSERT INTO venues (tenant, id, record, create_time) VALUES ($1, $2, $3, now())", tenant,
        IdOf(venue.name()), pqxx::binarystring(record));
    return absl::OkStatus();
  });
  if (status.code() == absl::StatusCode::kAlreadyExists) {
    return AlreadyExists("fgc.v1.Venue", venue.name(), "a venue with this ID exists already");
  }
  if (!status.ok()) return status;
  return Get(tenant, IdOf(venue.name()));
}

absl::StatusOr<v1::Venue> VenueStore::Get(const std::string& tenant, const std::string& id) {
  auto venue = pool_->WithTenantResult<std::optional<v1::Venue>>(
      tenant, [&](pqxx::work& tx) -> absl::StatusOr<std::optional<v1::Venue>> {
        pqxx::result r =
            tx.exec_params("SELECT record FROM venues WHERE tenant = $1 AND id = $2", tenant, id);
        if (r.empty()) return std::nullopt;
        auto parsed = FromRecord(r[0][0]);
        if (!parsed.ok()) return parsed.status();
        return *std::move(parsed);
      });
  if (!venue.ok()) return venue.status();
  if (!venue->has_value()) {
    return NotFound("fgc.v1.Venue", absl::StrCat("tenants/", tenant, "/venues/", id));
  }
  return **std::move(venue);
}

absl::StatusOr<std::vector<v1::Venue>> VenueStore::List(const std::string& tenant,
                                                        const std::string& after, int limit) {
  return pool_->WithTenantResult<std::vector<v1::Venue>>(
      tenant, [&](pqxx::work& tx) -> absl::StatusOr<std::vector<v1::Venue>> {
        pqxx::result rows = tx.exec_params(
            "SELECT record FROM venues WHERE tenant = $1 AND id > $2 ORDER BY id LIMIT $3", tenant,
            after, limit);
        std::vector<v1::Venue> venues;
        for (const auto& row : rows) {
          auto parsed = FromRecord(row[0]);
          if (!parsed.ok()) return parsed.status();
          venues.push_back(*std::move(parsed));
        }
        return venues;
      });
}

}  // namespace fgc::scheduling
