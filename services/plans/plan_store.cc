#include "services/plans/plan_store.h"

#include <pqxx/pqxx>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/base/errors.h"
#include "common/crypto/encoding.h"
#include "common/crypto/sha256.h"
#include "common/sealing/conference_keys.h"

namespace fgc::plans {
namespace {

absl::Status Changed() {
  return WithDetails(absl::AbortedError("the plan changed meanwhile; read it again"),
                     {.reason = "CONCURRENT_MODIFICATION"});
}

std::string EtagOf(int64_t row_version) { return absl::StrCat("v", row_version); }

std::string Serialized(const google::protobuf::Message& message) {
  std::string bytes;
  message.SerializeToString(&bytes);
  return bytes;
}

// The output fields every read fills in: the etags.
void Finish(PlanAggregate& aggregate) {
  aggregate.plan.set_etag(EtagOf(aggregate.row_version));
  for (v1::ResourceRequest& r : *aggregate.plan.mutable_resource_requests()) {
    r.set_etag(ResourceRequestEtag(r));
  }
}

template <typename Message>
absl::StatusOr<Message> Opened(const crypto::DataKey& key, const pqxx::field& field,
                               const std::string& row, const char* what) {
  auto bytes = crypto::OpenField(key, pqxx::binarystring(field).str(), row, what);
  if (!bytes.ok()) return bytes.status();
  Message message;
  if (!message.ParseFromString(*bytes)) {
    return absl::DataLossError(absl::StrCat("a stored plan ", what, " does not parse"));
  }
  return message;
}

absl::StatusOr<std::optional<PlanAggregate>> ReadIn(pqxx::work& tx,
                                                    const crypto::KeyEncryptionKey& kek,
                                                    const std::string& tenant,
                                                    const std::string& conference,
                                                    const std::string& plan_id, bool for_update) {
  pqxx::result rows =
      plan_id.empty()
          ? tx.exec_params(absl::StrCat("SELECT id, version, sealed FROM plans "
                                        "WHERE tenant = $1 AND conference = $2",
                                        for_update ? " FOR UPDATE" : ""),
                           tenant, conference)
          : tx.exec_params(absl::StrCat("SELECT id, version, sealed FROM plans "
                                        "WHERE tenant = $1 AND conference = $2 AND id = $3",
                                        for_update ? " FOR UPDATE" : ""),
                           tenant, conference, plan_id);
  if (rows.empty()) return std::nullopt;
  const std::string id = rows[0][0].as<std::string>();
  const std::string name = absl::StrCat(conference, "/plans/", id);
  auto key = sealing::ConferenceDataKey(tx, kek, tenant, conference, /*create=*/false);
  if (!key.ok()) return key.status();
  PlanAggregate out;
  out.row_version = rows[0][1].as<int64_t>();
  auto plan = Opened<v1::Plan>(*key, rows[0][2], name, "plan");
  if (!plan.ok()) return plan.status();
  out.plan = *std::move(plan);
  pqxx::result versions = tx.exec_params(
      "SELECT number, sealed_content, sealed_record FROM plan_versions "
      "WHERE tenant = $1 AND conference = $2 AND plan_id = $3 ORDER BY number",
      tenant, conference, id);
  for (const pqxx::row& row : versions) {
    const std::string version_name = absl::StrCat(name, "/versions/", row[0].as<int>());
    auto record = Opened<v1::PlanVersion>(*key, row[2], version_name, "record");
    if (!record.ok()) return record.status();
    auto content = Opened<v1::PlanContent>(*key, row[1], version_name, "content");
    if (!content.ok()) return content.status();
    *record->mutable_content() = *std::move(content);
    out.versions.push_back(*std::move(record));
  }
  Finish(out);
  return out;
}

absl::Status WriteIn(pqxx::work& tx, const crypto::KeyEncryptionKey& kek, const std::string& tenant,
                     const PlanName& name, const PlanAggregate& agg,
                     const std::set<int>& changed_versions, int stored_versions) {
  auto key = sealing::ConferenceDataKey(tx, kek, tenant, name.conference, /*create=*/true);
  if (!key.ok()) return key.status();
  v1::Plan plan = agg.plan;
  plan.clear_etag();
  for (v1::ResourceRequest& r : *plan.mutable_resource_requests()) r.clear_etag();
  auto sealed = crypto::SealField(*key, Serialized(plan), name.plan, "plan");
  if (!sealed.ok()) return sealed.status();
  if (agg.row_version == 0) {
    tx.exec_params(
        "INSERT INTO plans (tenant, conference, id, state, version, sealed, create_time) "
        "VALUES ($1, $2, $3, $4, 1, $5, now())",
        tenant, name.conference, name.plan_id, static_cast<int>(plan.state()),
        pqxx::binarystring(*sealed));
  } else {
    pqxx::result updated = tx.exec_params(
        "UPDATE plans SET version = version + 1, state = $4, sealed = $5 "
        "WHERE tenant = $1 AND conference = $2 AND id = $3 AND version = $6 RETURNING version",
        tenant, name.conference, name.plan_id, static_cast<int>(plan.state()),
        pqxx::binarystring(*sealed), agg.row_version);
    if (updated.empty()) return Changed();
  }
  for (const v1::PlanVersion& version : agg.versions) {
    const int number = version.version_number();
    const bool is_new = number > stored_versions;
    if (!is_new && !changed_versions.contains(number)) continue;
    v1::PlanVersion record = version;
    record.clear_content();
    auto sealed_record = crypto::SealField(*key, Serialized(record), version.name(), "record");
    if (!sealed_record.ok()) return sealed_record.status();
    if (is_new) {
      auto sealed_content =
          crypto::SealField(*key, Serialized(version.content()), version.name(), "content");
      if (!sealed_content.ok()) return sealed_content.status();
      tx.exec_params(
          "INSERT INTO plan_versions (tenant, conference, plan_id, number, state, sealed_content, "
          "sealed_record, submit_time) VALUES ($1, $2, $3, $4, $5, $6, $7, now())",
          tenant, name.conference, name.plan_id, number, static_cast<int>(version.state()),
          pqxx::binarystring(*sealed_content), pqxx::binarystring(*sealed_record));
    } else {
      tx.exec_params(
          "UPDATE plan_versions SET state = $5, sealed_record = $6 "
          "WHERE tenant = $1 AND conference = $2 AND plan_id = $3 AND number = $4",
          tenant, name.conference, name.plan_id, number, static_cast<int>(version.state()),
          pqxx::binarystring(*sealed_record));
    }
  }
  return absl::OkStatus();
}

std::optional<PlanName> ParseParts(const std::string& name, const std::string& tenant) {
  const std::string prefix = absl::StrCat("tenants/", tenant, "/conferences/");
  if (!absl::StartsWith(name, prefix)) return std::nullopt;
  std::vector<std::string> parts = absl::StrSplit(name.substr(prefix.size()), '/');
  if (parts.size() < 3 || parts[1] != "plans" || !IsValidResourceId(parts[0]) ||
      !IsValidResourceId(parts[2])) {
    return std::nullopt;
  }
  PlanName out;
  out.conference = absl::StrCat(prefix, parts[0]);
  out.plan_id = parts[2];
  out.plan = absl::StrCat(out.conference, "/plans/", parts[2]);
  if (parts.size() == 3) return out;
  if (parts.size() != 5) return std::nullopt;
  if (parts[3] == "versions") {
    if (!absl::SimpleAtoi(parts[4], &out.version) || out.version <= 0 ||
        absl::StrCat(out.version) != parts[4]) {
      return std::nullopt;
    }
    return out;
  }
  if (parts[3] == "resourceRequests" && IsValidResourceId(parts[4])) {
    out.resource_request_id = parts[4];
    return out;
  }
  return std::nullopt;
}

}  // namespace

bool IsValidResourceId(std::string_view id) {
  if (id.empty() || id.size() > 63 || id[0] < 'a' || id[0] > 'z') return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

v1::PlanVersion* PlanAggregate::Version(const std::string& name) {
  for (v1::PlanVersion& v : versions) {
    if (v.name() == name) return &v;
  }
  return nullptr;
}

const v1::PlanVersion* PlanAggregate::Version(const std::string& name) const {
  return const_cast<PlanAggregate*>(this)->Version(name);
}

const v1::PlanVersion* PlanAggregate::Agreed() const {
  return plan.agreed_version().empty() ? nullptr : Version(plan.agreed_version());
}

std::optional<PlanName> ParsePlanName(const std::string& name, const std::string& tenant) {
  auto parsed = ParseParts(name, tenant);
  if (!parsed || parsed->version != 0 || !parsed->resource_request_id.empty()) return std::nullopt;
  return parsed;
}

std::optional<PlanName> ParseVersionName(const std::string& name, const std::string& tenant) {
  auto parsed = ParseParts(name, tenant);
  if (!parsed || parsed->version == 0) return std::nullopt;
  return parsed;
}

std::optional<PlanName> ParseResourceRequestName(const std::string& name,
                                                 const std::string& tenant) {
  auto parsed = ParseParts(name, tenant);
  if (!parsed || parsed->resource_request_id.empty()) return std::nullopt;
  return parsed;
}

std::string ResourceRequestEtag(const v1::ResourceRequest& request) {
  v1::ResourceRequest unversioned = request;
  unversioned.clear_etag();
  std::string bytes;
  // Deterministic, so that the same request always carries the same etag.
  {
    google::protobuf::io::StringOutputStream out(&bytes);
    google::protobuf::io::CodedOutputStream coded(&out);
    coded.SetSerializationDeterministic(true);
    unversioned.SerializeToCodedStream(&coded);
  }
  return crypto::HexEncode(crypto::Sha256(bytes).substr(0, 8));
}

absl::StatusOr<std::optional<std::string>> PlanStore::Replayed(const std::string& tenant,
                                                               const db::RequestKey& request) {
  if (request.request_id.empty()) return std::nullopt;
  return pool_->WithTenantResult<std::optional<std::string>>(tenant, [&](pqxx::work& tx) {
    return db::ReplayedResponse(tx, tenant, request.request_id, request.method,
                                request.request_hash);
  });
}

absl::StatusOr<PlanAggregate> PlanStore::Get(const std::string& tenant, const std::string& plan) {
  const auto name = ParsePlanName(plan, tenant);
  if (!name) return NotFound("fgc.v1.Plan", plan);
  auto read = pool_->WithTenantResult<std::optional<PlanAggregate>>(tenant, [&](pqxx::work& tx) {
    return ReadIn(tx, *kek_, tenant, name->conference, name->plan_id, false);
  });
  if (!read.ok()) return read.status();
  if (!read->has_value()) return NotFound("fgc.v1.Plan", plan);
  return **std::move(read);
}

absl::StatusOr<std::optional<PlanAggregate>> PlanStore::OfConference(
    const std::string& tenant, const std::string& conference) {
  return pool_->WithTenantResult<std::optional<PlanAggregate>>(
      tenant, [&](pqxx::work& tx) { return ReadIn(tx, *kek_, tenant, conference, "", false); });
}

absl::StatusOr<std::string> PlanStore::Save(const std::string& tenant, PlanAggregate aggregate,
                                            const std::set<int>& changed_versions,
                                            const db::RequestKey& request,
                                            const ResponseFn& respond) {
  const auto name = ParsePlanName(aggregate.plan.name(), tenant);
  if (!name) return absl::InternalError("a plan without a valid name reached the store");
  std::string response;
  absl::Status status = pool_->WithTenant(tenant, [&](pqxx::work& tx) -> absl::Status {
    int stored_versions = 0;
    if (aggregate.row_version != 0) {
      pqxx::result count = tx.exec_params(
          "SELECT count(*) FROM plan_versions WHERE tenant = $1 AND conference = $2 "
          "AND plan_id = $3",
          tenant, name->conference, name->plan_id);
      stored_versions = count[0][0].as<int>();
    }
    if (absl::Status s =
            WriteIn(tx, *kek_, tenant, *name, aggregate, changed_versions, stored_versions);
        !s.ok()) {
      return s;
    }
    PlanAggregate stored = aggregate;
    stored.row_version = aggregate.row_version + 1;
    Finish(stored);
    response = respond(stored);
    if (!request.request_id.empty()) db::RecordRequest(tx, tenant, request, response);
    return absl::OkStatus();
  });
  if (status.code() == absl::StatusCode::kAlreadyExists) {
    // Either a concurrent try of this request recorded first (answer what it answered) or the
    // conference has a plan already.
    auto replayed = Replayed(tenant, request);
    if (!replayed.ok()) return replayed.status();
    if (replayed->has_value()) return **std::move(replayed);
    return AlreadyExists("fgc.v1.Plan", aggregate.plan.name(), "the conference has a plan already");
  }
  if (!status.ok()) return status;
  return response;
}

}  // namespace fgc::plans
