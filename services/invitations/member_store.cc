#include "services/invitations/member_store.h"

#include <pqxx/pqxx>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/sealing/conference_keys.h"
#include "services/invitations/invitation_store.h"
#include "services/invitations/member_record.h"

namespace fgc::invitations {
namespace {

bool IsValidId(std::string_view id) {
  if (id.empty() || id.size() > 63 || id[0] < 'a' || id[0] > 'z') return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

absl::Status Changed() {
  return WithDetails(absl::AbortedError("the member changed meanwhile; read it again"),
                     {.reason = "CONCURRENT_MODIFICATION"});
}

std::string EtagOf(int64_t version) { return absl::StrCat("v", version); }

absl::StatusOr<VersionedMember> FromRow(pqxx::work& tx, const crypto::KeyEncryptionKey& kek,
                                        const std::string& tenant, const std::string& conference,
                                        const pqxx::row& row) {
  VersionedMember out;
  out.version = row[0].as<int64_t>();
  if (!out.member.ParseFromString(pqxx::binarystring(row[1]).str())) {
    return absl::DataLossError("a stored member does not parse");
  }
  auto key = sealing::ConferenceDataKey(tx, kek, tenant, conference, /*create=*/false);
  if (key.ok()) {
    auto personal = OpenMember(pqxx::binarystring(row[2]).str(), out.member.name(), *key);
    if (!personal.ok()) return personal.status();
    out.member = JoinMember(std::move(out.member), *personal);
  } else if (key.status().code() != absl::StatusCode::kFailedPrecondition) {
    return key.status();  // erased (FAILED_PRECONDITION): the record stands without details
  }
  out.member.set_etag(EtagOf(out.version));
  return out;
}

}  // namespace

std::optional<MemberName> ParseMemberName(const std::string& name, const std::string& tenant) {
  const std::string prefix = absl::StrCat("tenants/", tenant, "/conferences/");
  const size_t members = name.find("/members/");
  if (!absl::StartsWith(name, prefix) || members == std::string::npos) return std::nullopt;
  MemberName parsed{name.substr(0, members), name.substr(members + 9)};
  const std::string conference_id = parsed.conference.substr(prefix.size());
  if (!IsValidId(conference_id) || !IsValidId(parsed.id)) return std::nullopt;
  return parsed;
}

absl::StatusOr<std::optional<std::string>> MemberStore::Replayed(const std::string& tenant,
                                                                 const db::RequestKey& request) {
  if (request.request_id.empty()) return std::nullopt;
  return pool_->WithTenantResult<std::optional<std::string>>(tenant, [&](pqxx::work& tx) {
    return db::ReplayedResponse(tx, tenant, request.request_id, request.method,
                                request.request_hash);
  });
}

absl::Status MemberStore::WriteIn(pqxx::work& tx, const std::string& tenant,
                                  const v1::NetworkMember& member, int64_t read_version) {
  const auto name = ParseMemberName(member.name(), tenant);
  if (!name) return absl::InternalError("a member without a valid name reached the store");
  const MemberParts parts = SplitMember(member);
  auto key = sealing::ConferenceDataKey(tx, *kek_, tenant, name->conference, read_version == 0);
  if (!key.ok()) return key.status();
  auto sealed = SealMember(parts.personal, *key);
  if (!sealed.ok()) return sealed.status();
  std::string record;
  parts.record.SerializeToString(&record);
  if (read_version == 0) {
    tx.exec_params(
        "INSERT INTO members (tenant, conference, id, version, record, sealed, create_time) "
        "VALUES ($1, $2, $3, 1, $4, $5, now())",
        tenant, name->conference, name->id, pqxx::binarystring(record),
        pqxx::binarystring(*sealed));
    return absl::OkStatus();
  }
  pqxx::result updated = tx.exec_params(
      "UPDATE members SET version = version + 1, record = $4, sealed = $5 "
      "WHERE tenant = $1 AND conference = $2 AND id = $3 AND version = $6 RETURNING version",
      tenant, name->conference, name->id, pqxx::binarystring(record), pqxx::binarystring(*sealed),
      read_version);
  return updated.empty() ? Changed() : absl::OkStatus();
}

absl::StatusOr<VersionedMember> MemberStore::Create(const std::string& tenant,
                                                    const v1::NetworkMember& member,
                                                    const db::RequestKey& request) {
  absl::Status status = pool_->WithTenant(tenant, [&](pqxx::work& tx) -> absl::Status {
    if (absl::Status s = WriteIn(tx, tenant, member, 0); !s.ok()) return s;
    if (!request.request_id.empty()) db::RecordRequest(tx, tenant, request, member.name());
    return absl::OkStatus();
  });
  if (status.code() == absl::StatusCode::kAlreadyExists) {
    auto replayed = Replayed(tenant, request);
    if (!replayed.ok()) return replayed.status();
    if (replayed->has_value()) return Get(tenant, **replayed);
    return AlreadyExists("fgc.v1.NetworkMember", member.name(),
                         "a member with this ID exists already");
  }
  if (!status.ok()) return status;
  return Get(tenant, member.name());
}

absl::StatusOr<VersionedMember> MemberStore::Replace(const std::string& tenant,
                                                     int64_t read_version,
                                                     const v1::NetworkMember& member,
                                                     const db::RequestKey& request) {
  absl::Status status = pool_->WithTenant(tenant, [&](pqxx::work& tx) -> absl::Status {
    if (absl::Status s = WriteIn(tx, tenant, member, read_version); !s.ok()) return s;
    if (!request.request_id.empty()) db::RecordRequest(tx, tenant, request, member.name());
    return absl::OkStatus();
  });
  if (status.code() == absl::StatusCode::kAlreadyExists) {
    auto replayed = Replayed(tenant, request);
    if (!replayed.ok()) return replayed.status();
    if (replayed->has_value()) return Get(tenant, member.name());
  }
  if (!status.ok()) return status;
  return Get(tenant, member.name());
}

absl::Status MemberStore::Remove(const std::string& tenant, const std::string& name,
                                 int64_t read_version, const db::RequestKey& request) {
  const auto parsed = ParseMemberName(name, tenant);
  if (!parsed) return absl::InternalError("a member without a valid name reached the store");
  absl::Status status = pool_->WithTenant(tenant, [&](pqxx::work& tx) -> absl::Status {
    pqxx::result removed = tx.exec_params(
        "DELETE FROM members WHERE tenant = $1 AND conference = $2 AND id = $3 AND version = $4 "
        "RETURNING id",
        tenant, parsed->conference, parsed->id, read_version);
    if (removed.empty()) return Changed();
    // Their links stop with them; the invitation rows stay for the conference's record.
    InvitationStore::RevokeAllFor(tx, tenant, name);
    if (!request.request_id.empty()) db::RecordRequest(tx, tenant, request, name);
    return absl::OkStatus();
  });
  if (status.code() == absl::StatusCode::kAlreadyExists) {
    auto replayed = Replayed(tenant, request);
    if (replayed.ok() && replayed->has_value()) return absl::OkStatus();
  }
  return status;
}

absl::StatusOr<VersionedMember> MemberStore::Get(const std::string& tenant,
                                                 const std::string& name) {
  const auto parsed = ParseMemberName(name, tenant);
  if (!parsed) return NotFound("fgc.v1.NetworkMember", name);
  auto read = pool_->WithTenantResult<std::optional<VersionedMember>>(
      tenant, [&](pqxx::work& tx) -> absl::StatusOr<std::optional<VersionedMember>> {
        pqxx::result rows = tx.exec_params(
            "SELECT version, record, sealed FROM members "
            "WHERE tenant = $1 AND conference = $2 AND id = $3",
            tenant, parsed->conference, parsed->id);
        if (rows.empty()) return std::nullopt;
        auto member = FromRow(tx, *kek_, tenant, parsed->conference, rows[0]);
        if (!member.ok()) return member.status();
        return *std::move(member);
      });
  if (!read.ok()) return read.status();
  if (!read->has_value()) return NotFound("fgc.v1.NetworkMember", name);
  return **std::move(read);
}

absl::StatusOr<std::vector<VersionedMember>> MemberStore::List(const std::string& tenant,
                                                               const std::string& conference,
                                                               const std::string& after,
                                                               int limit) {
  return pool_->WithTenantResult<std::vector<VersionedMember>>(
      tenant, [&](pqxx::work& tx) -> absl::StatusOr<std::vector<VersionedMember>> {
        pqxx::result rows = tx.exec_params(
            "SELECT version, record, sealed FROM members WHERE tenant = $1 AND conference = $2 "
            "AND id > $3 ORDER BY id LIMIT $4",
            tenant, conference, after, limit);
        std::vector<VersionedMember> out;
        for (const auto& row : rows) {
          auto member = FromRow(tx, *kek_, tenant, conference, row);
          if (!member.ok()) return member.status();
          out.push_back(*std::move(member));
        }
        return out;
      });
}

}  // namespace fgc::invitations
