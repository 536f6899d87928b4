// A conference's data key inside a service's transaction: read from the service's own
// data_keys table (common/db/data_key_table.h) and unwrapped with the KEK, or made, wrapped and
// stored on first use. Erasure (a NULL key) is FAILED_PRECONDITION SUBJECT_ERASED.
#pragma once

#include <pqxx/pqxx>
#include <string>

#include "absl/status/statusor.h"
#include "common/crypto/envelope.h"

namespace fgc::sealing {

// `create`: make the key when the conference has none yet; otherwise that is DATA_LOSS (a row
// sealed under a key that is not there).
absl::StatusOr<crypto::DataKey> ConferenceDataKey(pqxx::work& tx,
                                                  const crypto::KeyEncryptionKey& kek,
                                                  const std::string& tenant,
                                                  const std::string& conference, bool create);

}  // namespace fgc::sealing
