#include "common/db/request_log.h"

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"

namespace fgc::db {

absl::StatusOr<std::optional<std::string>> ReplayedResponse(pqxx::work& tx,
                                                            const std::string& tenant,
                                                            const std::string& request_id,
                                                            const std::string& method,
                                                            const std::string& request_hash) {
  pqxx::result rows = tx.exec_params(
      "SELECT method, request_hash, response FROM request_log "
      "WHERE tenant = $1 AND request_id = $2",
      tenant, request_id);
  if (rows.empty()) return std::nullopt;
  if (rows[0][0].as<std::string>() != method ||
      pqxx::binarystring(rows[0][1]).str() != request_hash) {
    return InvalidArgument(
        "REQUEST_ID_REUSED", "this request_id was used before for a different request",
        {{"request_id", absl::StrCat(request_id, " belongs to another request")}});
  }
  return pqxx::binarystring(rows[0][2]).str();
}

void RecordRequest(pqxx::work& tx, const std::string& tenant, const std::string& request_id,
                   const std::string& method, const std::string& request_hash,
                   const std::string& response) {
  tx.exec_params(
      "INSERT INTO request_log (tenant, request_id, method, request_hash, response) "
      "VALUES ($1, $2, $3, $4, $5)",
      tenant, request_id, method, pqxx::binarystring(request_hash), pqxx::binarystring(response));
}

void RecordRequest(pqxx::work& tx, const std::string& tenant, const RequestKey& request,
                   const std::string& response) {
  RecordRequest(tx, tenant, request.request_id, request.method, request.request_hash, response);
}

}  // namespace fgc::db
