#include "common/sealing/conference_keys.h"

#include "common/db/data_key_table.h"

namespace fgc::sealing {

absl::StatusOr<crypto::DataKey> ConferenceDataKey(pqxx::work& tx,
                                                  const crypto::KeyEncryptionKey& kek,
                                                  const std::string& tenant,
                                                  const std::string& conference, bool create) {
  auto wrapped = db::WrappedDataKeyIn(tx, tenant, conference);
  if (!wrapped.ok()) return wrapped.status();
  if (wrapped->has_value()) return crypto::UnwrapDataKey(kek, **wrapped, conference);
  if (!create) return absl::DataLossError("a sealed row's conference has no data key");
  auto key = crypto::GenerateDataKey();
  if (!key.ok()) return key.status();
  auto made = crypto::WrapDataKey(kek, *key, conference);
  if (!made.ok()) return made.status();
  // Two transactions may make a key at once: the one stored first stands, for both.
  auto standing = db::PutWrappedDataKeyIn(tx, tenant, conference, *made);
  if (!standing.ok()) return standing.status();
  return crypto::UnwrapDataKey(kek, *standing, conference);
}

}  // namespace fgc::sealing
