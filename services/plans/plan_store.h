// The only code that speaks SQL for plans (migrations/002_plans.sql): a plan and its versions
// are read and written whole, as one aggregate, sealed under the conference's data key. A write
// carries the plan row's version as read; a plan changed meanwhile is ABORTED
// (CONCURRENT_MODIFICATION). Each mutation stores its response in request_log in the same
// transaction, so a retry under its request_id gets the first response.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "common/crypto/envelope.h"
#include "common/db/pool.h"
#include "common/db/request_log.h"
#include "fgc/v1/plan.pb.h"

namespace fgc::plans {

// A plan with every submitted version, oldest first (versions[i].version_number == i + 1).
struct PlanAggregate {
  v1::Plan plan;  // name, etag and output fields set; resource requests' etags set
  std::vector<v1::PlanVersion> versions;
  int64_t row_version = 0;  // 0: not stored yet

  // The version named `name` of this plan, or nullptr.
  v1::PlanVersion* Version(const std::string& name);
  const v1::PlanVersion* Version(const std::string& name) const;
  // The agreed version in force, or nullptr.
  const v1::PlanVersion* Agreed() const;
};

// The parts of `tenants/{t}/conferences/{c}/plans/{p}[/versions/{n}|/resourceRequests/{r}]`.
struct PlanName {
  std::string conference;           // tenants/{t}/conferences/{c}
  std::string plan;                 // tenants/{t}/conferences/{c}/plans/{p}
  std::string plan_id;              // {p}
  int version = 0;                  // {n}, for a version name
  std::string resource_request_id;  // {r}, for a resource request name
};
std::optional<PlanName> ParsePlanName(const std::string& name, const std::string& tenant);
std::optional<PlanName> ParseVersionName(const std::string& name, const std::string& tenant);
std::optional<PlanName> ParseResourceRequestName(const std::string& name,
                                                 const std::string& tenant);

// An id within a resource name: 1-63 lower-case letters, digits and hyphens, starting with a
// letter.
bool IsValidResourceId(std::string_view id);

// The etag a resource request carries: it changes whenever the request does.
std::string ResourceRequestEtag(const v1::ResourceRequest& request);

class PlanStore {
 public:
  PlanStore(db::Pool* pool, const crypto::KeyEncryptionKey* kek) : pool_(pool), kek_(kek) {}

  // The response an earlier request with this key gave, if any; INVALID_ARGUMENT
  // (REQUEST_ID_REUSED) when the id came with another request.
  absl::StatusOr<std::optional<std::string>> Replayed(const std::string& tenant,
                                                      const db::RequestKey& request);

  // The plan named `plan` with its versions; NOT_FOUND naming it.
  absl::StatusOr<PlanAggregate> Get(const std::string& tenant, const std::string& plan);
  // The plan of `conference`, if it has one.
  absl::StatusOr<std::optional<PlanAggregate>> OfConference(const std::string& tenant,
                                                            const std::string& conference);

  // Makes the response of a mutation from the aggregate as stored (etags set).
  using ResponseFn = std::function<std::string(const PlanAggregate& stored)>;

  // Writes the aggregate: inserts the plan when row_version is 0 (ALREADY_EXISTS when the
  // conference has a plan), else updates it if it is still at row_version (ABORTED
  // CONCURRENT_MODIFICATION otherwise); inserts versions not stored yet and rewrites the records
  // of those numbered in `changed_versions`. Stores the response `respond` makes under
  // `request` in the same transaction and returns it; when a concurrent try of the same request
  // committed first, returns that try's response instead.
  absl::StatusOr<std::string> Save(const std::string& tenant, PlanAggregate aggregate,
                                   const std::set<int>& changed_versions,
                                   const db::RequestKey& request, const ResponseFn& respond);

 private:
  db::Pool* const pool_;
  const crypto::KeyEncryptionKey* const kek_;
};

}  // namespace fgc::plans
