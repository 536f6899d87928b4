// The `data_keys` table every service with personal details keeps in its own schema (see the
// ledger's and scheduling's migrations): one wrapped data key per conference, or none once
// erased. Only the wrapped bytes pass through here; wrapping is common/crypto/envelope.h's.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>

#include "absl/status/statusor.h"

namespace fgc::db {

// The conference's wrapped key; nullopt when none was made yet; FAILED_PRECONDITION
// (SUBJECT_ERASED) when it was destroyed by erasure.
absl::StatusOr<std::optional<std::string>> WrappedDataKeyIn(pqxx::work& tx,
                                                            const std::string& tenant,
                                                            const std::string& conference);

// Stores `wrapped` unless the conference has a key (or an erasure) already, and returns the one
// that stands, so two hosts making a key at once agree on one.
absl::StatusOr<std::string> PutWrappedDataKeyIn(pqxx::work& tx, const std::string& tenant,
                                                const std::string& conference,
                                                const std::string& wrapped);

// The SUBJECT_ERASED error for `conference`.
absl::Status SubjectErased(const std::string& conference);

}  // namespace fgc::db
