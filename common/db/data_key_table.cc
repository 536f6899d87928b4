#include "common/db/data_key_table.h"

#include "common/base/errors.h"

namespace fgc::db {

absl::Status SubjectErased(const std::string& conference) {
  return FailedPrecondition("SUBJECT_ERASED", "this conference's personal data has been erased",
                            {{"ERASED", conference, "its data key was destroyed"}});
}

absl::StatusOr<std::optional<std::string>> WrappedDataKeyIn(pqxx::work& tx,
                                                            const std::string& tenant,
                                                            const std::string& conference) {
  pqxx::result r =
      tx.exec_params("SELECT wrapped_key FROM data_keys WHERE tenant = $1 AND conference = $2",
                     tenant, conference);
  if (r.empty()) return std::nullopt;
  if (r[0][0].is_null()) return SubjectErased(conference);
  return pqxx::binarystring(r[0][0]).str();
}

absl::StatusOr<std::string> PutWrappedDataKeyIn(pqxx::work& tx, const std::string& tenant,
                                                const std::string& conference,
                                                const std::string& wrapped) {
  tx.exec_params(
      "INSERT INTO data_keys (tenant, conference, wrapped_key) VALUES ($1, $2, $3) "
      "ON CONFLICT DO NOTHING",
      tenant, conference, pqxx::binarystring(wrapped));
  auto standing = WrappedDataKeyIn(tx, tenant, conference);
  if (!standing.ok()) return standing.status();
  if (!standing->has_value()) return absl::InternalError("the data key row vanished");
  return **standing;
}

}  // namespace fgc::db
