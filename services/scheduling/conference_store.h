// The only code that speaks SQL for scheduling's conferences (migrations/002_conferences.sql):
// a conference is one row, its clear record and its sealed personal details (under the
// conference's data key, made on first use and wrapped by the KEK), with the columns listing
// needs. Writes are optimistic: each carries the version it read, and a row changed meanwhile
// is ABORTED (CONCURRENT_MODIFICATION). Mutations are idempotent through request_log.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/crypto/envelope.h"
#include "common/db/pool.h"
#include "common/db/request_log.h"
#include "common/server/request_hash.h"
#include "fgc/v1/conference.pb.h"
#include "google/protobuf/message.h"

namespace fgc::scheduling {

using db::RequestKey;
using server::RequestKeyOf;

struct VersionedConference {
  v1::Conference conference;  // personal details opened (absent once erased), etag set
  int64_t version = 0;
};

// What ListConferences narrows by; empty fields match anything.
struct ConferenceQuery {
  std::optional<int> stage;
  std::optional<int> urgency;
  std::optional<std::string> coordinator_subject;
  std::optional<std::string> referring_agency;
  std::optional<bool> overdue;  // judged at `now`
  absl::Time now;
};

class ConferenceStore {
 public:
  ConferenceStore(db::Pool* pool, const crypto::KeyEncryptionKey* kek) : pool_(pool), kek_(kek) {}

  // Stores a new conference (its name says its tenant and id). ALREADY_EXISTS when the id is
  // taken. A retry under the same request returns the conference as it now stands.
  absl::StatusOr<VersionedConference> Create(const std::string& tenant,
                                             const v1::Conference& conference,
                                             const RequestKey& request);

  // NOT_FOUND when there is no such conference in the tenant.
  absl::StatusOr<VersionedConference> Get(const std::string& tenant, const std::string& id);

  // Replaces the conference read at `read_version`; ABORTED (CONCURRENT_MODIFICATION) when it
  // changed since. A retry under the same request returns the conference as it now stands.
  // `also` runs in the same transaction (a booking row, say): its error undoes everything.
  using AlsoFn = std::function<absl::Status(pqxx::work&)>;
  absl::StatusOr<VersionedConference> Replace(const std::string& tenant, int64_t read_version,
                                              const v1::Conference& conference,
                                              const RequestKey& request,
                                              const AlsoFn& also = nullptr);

  // The name of the conference an earlier request with this key made or changed, if any;
  // INVALID_ARGUMENT (REQUEST_ID_REUSED) when the id came with another request.
  absl::StatusOr<std::optional<std::string>> Replayed(const std::string& tenant,
                                                      const RequestKey& request);

  // Up to `limit` conferences matching `query` after `after` (the cursor of the last one
  // listed), oldest first, each with its cursor.
  struct Page {
    std::vector<VersionedConference> conferences;
    std::vector<std::string> cursors;  // one per conference
  };
  absl::StatusOr<Page> List(const std::string& tenant, const ConferenceQuery& query,
                            const std::string& after, int limit);

 private:
  // Inserts (read_version 0) or replaces the conference and records the request, in one
  // transaction.
  absl::StatusOr<VersionedConference> Write(const std::string& tenant,
                                            const v1::Conference& conference, int64_t read_version,
                                            const RequestKey& request, const AlsoFn& also);

  db::Pool* const pool_;
  const crypto::KeyEncryptionKey* const kek_;
};

// The etag of a stored version, and back (nullopt for anything else).
std::string EtagOf(int64_t version);
std::optional<int64_t> VersionOfEtag(const std::string& etag);

}  // namespace fgc::scheduling
