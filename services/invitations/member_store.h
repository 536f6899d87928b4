// The only code that speaks SQL for the family network (migrations/002_network.sql): one row
// per member, its clear record and its sealed personal details (under the conference's data
// key). Writes carry the version read; a row changed meanwhile is ABORTED
// (CONCURRENT_MODIFICATION). Mutations are idempotent through request_log.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/crypto/envelope.h"
#include "common/db/pool.h"
#include "common/db/request_log.h"
#include "fgc/v1/network.pb.h"

namespace fgc::invitations {

struct VersionedMember {
  v1::NetworkMember member;  // personal details opened (absent once erased), etag set
  int64_t version = 0;
};

class MemberStore {
 public:
  MemberStore(db::Pool* pool, const crypto::KeyEncryptionKey* kek) : pool_(pool), kek_(kek) {}

  // The member's name an earlier request with this key made or changed, if any;
  // INVALID_ARGUMENT (REQUEST_ID_REUSED) when the id came with another request.
  absl::StatusOr<std::optional<std::string>> Replayed(const std::string& tenant,
                                                      const db::RequestKey& request);

  // Stores a new member (its name says its conference and id); ALREADY_EXISTS when taken.
  absl::StatusOr<VersionedMember> Create(const std::string& tenant, const v1::NetworkMember& member,
                                         const db::RequestKey& request);
  // Replaces the member read at `read_version`.
  absl::StatusOr<VersionedMember> Replace(const std::string& tenant, int64_t read_version,
                                          const v1::NetworkMember& member,
                                          const db::RequestKey& request);
  // Replaces the member read at `read_version` inside `tx` (a write that changes an invitation
  // and the member together); ABORTED (CONCURRENT_MODIFICATION) when it changed meanwhile.
  absl::Status WriteIn(pqxx::work& tx, const std::string& tenant, const v1::NetworkMember& member,
                       int64_t read_version);

  // Removes the member read at `read_version` (their personal details go with the row).
  absl::Status Remove(const std::string& tenant, const std::string& name, int64_t read_version,
                      const db::RequestKey& request);

  // NOT_FOUND naming the member.
  absl::StatusOr<VersionedMember> Get(const std::string& tenant, const std::string& name);
  // Up to `limit` members of the conference with ids after `after`, by id.
  absl::StatusOr<std::vector<VersionedMember>> List(const std::string& tenant,
                                                    const std::string& conference,
                                                    const std::string& after, int limit);

 private:
  db::Pool* const pool_;
  const crypto::KeyEncryptionKey* const kek_;
};

// The {conference} name and {member} id of `tenants/{t}/conferences/{c}/members/{m}`.
struct MemberName {
  std::string conference;  // tenants/{t}/conferences/{c}
  std::string id;
};
std::optional<MemberName> ParseMemberName(const std::string& name, const std::string& tenant);

}  // namespace fgc::invitations
