#include "services/invitations/invitation_store.h"

#include <pqxx/pqxx>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/crypto/sha256.h"
#include "common/sealing/conference_keys.h"
#include "google/protobuf/util/time_util.h"
#include "services/invitations/invitation_record.h"
#include "services/invitations/member_store.h"
#include "services/invitations/reminder_link.h"

namespace fgc::invitations {
namespace {

using google::protobuf::util::TimeUtil;

constexpr char kFamilyViewField[] = "family-view";
constexpr char kColumns[] = "version, record, sealed, id";

absl::Status Changed() {
  return WithDetails(absl::AbortedError("the invitation changed meanwhile; read it again"),
                     {.reason = "CONCURRENT_MODIFICATION"});
}

std::string Timestamp(absl::Time t) {
  return absl::FormatTime("%Y-%m-%d %H:%M:%E6S+00", t, absl::UTCTimeZone());
}

std::optional<absl::Time> OptionalTime(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return absl::FromUnixMicros(f.as<int64_t>());
}

absl::StatusOr<VersionedInvitation> FromRow(const crypto::DataKey* key, const pqxx::row& row) {
  VersionedInvitation out;
  out.version = row[0].as<int64_t>();
  if (!out.invitation.ParseFromString(pqxx::binarystring(row[1]).str())) {
    return absl::DataLossError("a stored invitation does not parse");
  }
  if (key != nullptr) {
    auto personal = OpenInvitation(pqxx::binarystring(row[2]).str(), out.invitation.name(), *key);
    if (!personal.ok()) return personal.status();
    out.invitation = JoinInvitation(std::move(out.invitation), *personal);
  }
  out.invitation.set_etag(absl::StrCat("v", out.version));
  return out;
}

// The conference's key for reading, or nullptr once it is erased (the records stand without
// their personal parts).
absl::StatusOr<std::optional<crypto::DataKey>> ReadKey(pqxx::work& tx,
                                                       const crypto::KeyEncryptionKey& kek,
                                                       const std::string& tenant,
                                                       const std::string& conference) {
  auto key = sealing::ConferenceDataKey(tx, kek, tenant, conference, /*create=*/false);
  if (key.ok()) return std::optional<crypto::DataKey>(*std::move(key));
  if (key.status().code() == absl::StatusCode::kFailedPrecondition) return std::nullopt;
  return key.status();
}

void InsertLink(pqxx::work& tx, const std::string& tenant, const InvitationName& name,
                const TokenRecord& link) {
  tx.exec_params(
      "INSERT INTO invitation_links (digest, tenant, conference, invitation, issue_time, "
      "expire_time) VALUES ($1, $2, $3, $4, $5::timestamptz, $6::timestamptz)",
      pqxx::binarystring(link.digest), tenant, name.conference, name.id, Timestamp(link.issue_time),
      Timestamp(link.expire_time));
}

// Starts `link` as the invitation's current link: its record, and its seed sealed in the row.
absl::Status StartLink(pqxx::work& tx, const crypto::DataKey& key, const std::string& tenant,
                       const InvitationName& name, const std::string& invitation,
                       const IssuedLink& link) {
  InsertLink(tx, tenant, name, link.record);
  auto sealed = SealLinkSeed(key, invitation, link.seed);
  if (!sealed.ok()) return sealed.status();
  tx.exec_params(
      "UPDATE invitations SET link_seed = $4 WHERE tenant = $1 AND conference = $2 AND id = $3",
      tenant, name.conference, name.id, pqxx::binarystring(*sealed));
  return absl::OkStatus();
}

}  // namespace

std::optional<InvitationName> ParseInvitationName(const std::string& name,
                                                  const std::string& tenant) {
  const size_t at = name.find("/invitations/");
  if (at == std::string::npos) return std::nullopt;
  // An invitation's name has a member's shape with another collection: reuse its checks.
  const auto as_member =
      ParseMemberName(absl::StrCat(name.substr(0, at), "/members/", name.substr(at + 13)), tenant);
  if (!as_member) return std::nullopt;
  return InvitationName{as_member->conference, as_member->id};
}

absl::StatusOr<std::optional<std::string>> InvitationStore::Replayed(
    const std::string& tenant, const db::RequestKey& request) {
  if (request.request_id.empty()) return std::nullopt;
  return pool_->WithTenantResult<std::optional<std::string>>(tenant, [&](pqxx::work& tx) {
    return db::ReplayedResponse(tx, tenant, request.request_id, request.method,
                                request.request_hash);
  });
}

absl::StatusOr<std::string> InvitationStore::LinkSecret(const std::string& tenant,
                                                        const std::string& conference) {
  return pool_->WithTenantResult<std::string>(
      tenant, [&](pqxx::work& tx) -> absl::StatusOr<std::string> {
        auto key = sealing::ConferenceDataKey(tx, *kek_, tenant, conference, /*create=*/true);
        if (!key.ok()) return key.status();
        return LinkSecretOf(*key);
      });
}

absl::Status InvitationStore::WriteIn(pqxx::work& tx, const std::string& tenant,
                                      const v1::Invitation& invitation, int64_t read_version,
                                      const crypto::DataKey& key) {
  const auto name = ParseInvitationName(invitation.name(), tenant);
  if (!name) return absl::InternalError("an invitation without a valid name reached the store");
  InvitationParts parts = SplitInvitation(invitation);
  parts.record.clear_etag();
  auto sealed = SealInvitation(parts.personal, key);
  if (!sealed.ok()) return sealed.status();
  std::string record;
  parts.record.SerializeToString(&record);
  const bool revoked = invitation.state() == v1::INVITATION_STATE_REVOKED;
  if (read_version == 0) {
    tx.exec_params(
        "INSERT INTO invitations (tenant, conference, id, member, version, revoked, record, "
        "sealed, create_time) VALUES ($1, $2, $3, $4, 1, $5, $6, $7, now())",
        tenant, name->conference, name->id, invitation.member(), revoked,
        pqxx::binarystring(record), pqxx::binarystring(*sealed));
    return absl::OkStatus();
  }
  pqxx::result updated = tx.exec_params(
      "UPDATE invitations SET version = version + 1, revoked = $4, record = $5, sealed = $6 "
      "WHERE tenant = $1 AND conference = $2 AND id = $3 AND version = $7 RETURNING version",
      tenant, name->conference, name->id, revoked, pqxx::binarystring(record),
      pqxx::binarystring(*sealed), read_version);
  return updated.empty() ? Changed() : absl::OkStatus();
}

absl::StatusOr<VersionedInvitation> InvitationStore::Create(
    const std::string& tenant, const v1::Invitation& invitation, const IssuedLink& link,
    const db::RequestKey& request, const std::string& response, const AlsoInTransaction& also) {
  const auto name = ParseInvitationName(invitation.name(), tenant);
  if (!name) return absl::InternalError("an invitation without a valid name reached the store");
  absl::Status status = pool_->WithTenant(tenant, [&](pqxx::work& tx) -> absl::Status {
    auto key = sealing::ConferenceDataKey(tx, *kek_, tenant, name->conference, /*create=*/true);
    if (!key.ok()) return key.status();
    if (absl::Status s = WriteIn(tx, tenant, invitation, 0, *key); !s.ok()) return s;
    if (absl::Status s = StartLink(tx, *key, tenant, *name, invitation.name(), link); !s.ok()) {
      return s;
    }
    if (also) {
      if (absl::Status s = also(tx, *key); !s.ok()) return s;
    }
    if (!request.request_id.empty()) db::RecordRequest(tx, tenant, request, response);
    return absl::OkStatus();
  });
  auto written = AfterWrite(status, tenant, request, invitation.name());
  if (written.status().code() == absl::StatusCode::kAlreadyExists) {
    return AlreadyExists("fgc.v1.Invitation", invitation.member(),
                         "the member already has an invitation that is not revoked; resend or "
                         "revoke it");
  }
  return written;
}

absl::StatusOr<VersionedInvitation> InvitationStore::Replace(
    const std::string& tenant, int64_t read_version, const v1::Invitation& invitation,
    LinkChange change, const std::optional<IssuedLink>& link, const db::RequestKey& request,
    const std::string& response, const AlsoInTransaction& also) {
  const auto name = ParseInvitationName(invitation.name(), tenant);
  if (!name) return absl::InternalError("an invitation without a valid name reached the store");
  absl::Status status = pool_->WithTenant(tenant, [&](pqxx::work& tx) -> absl::Status {
    auto key = sealing::ConferenceDataKey(tx, *kek_, tenant, name->conference, /*create=*/false);
    if (!key.ok()) return key.status();
    if (absl::Status s = WriteIn(tx, tenant, invitation, read_version, *key); !s.ok()) return s;
    if (change != LinkChange::kKeep) {
      tx.exec_params(absl::StrCat("UPDATE invitation_links SET ",
                                  change == LinkChange::kRevoke ? "revoke_time" : "replace_time",
                                  " = now() WHERE tenant = $1 AND conference = $2 AND "
                                  "invitation = $3 AND revoke_time IS NULL AND "
                                  "replace_time IS NULL"),
                     tenant, name->conference, name->id);
    }
    if (change == LinkChange::kReplace) {
      if (!link) return absl::InternalError("a link replacement without a new link");
      if (absl::Status s = StartLink(tx, *key, tenant, *name, invitation.name(), *link); !s.ok()) {
        return s;
      }
    }
    if (change == LinkChange::kRevoke) {
      tx.exec_params(
          "UPDATE invitations SET link_seed = NULL "
          "WHERE tenant = $1 AND conference = $2 AND id = $3",
          tenant, name->conference, name->id);
    }
    if (also) {
      if (absl::Status s = also(tx, *key); !s.ok()) return s;
    }
    if (!request.request_id.empty()) db::RecordRequest(tx, tenant, request, response);
    return absl::OkStatus();
  });
  return AfterWrite(status, tenant, request, invitation.name());
}

absl::StatusOr<VersionedInvitation> InvitationStore::AfterWrite(const absl::Status& status,
                                                                const std::string& tenant,
                                                                const db::RequestKey& request,
                                                                const std::string& name) {
  // A unique violation is either this request's id recorded by a concurrent first try (then
  // this is a replay) or the write's own conflict, which the caller words.
  if (status.code() == absl::StatusCode::kAlreadyExists) {
    auto replayed = Replayed(tenant, request);
    if (!replayed.ok()) return replayed.status();
    if (replayed->has_value()) return Get(tenant, name);
  }
  if (!status.ok()) return status;
  return Get(tenant, name);
}

absl::StatusOr<VersionedInvitation> InvitationStore::Get(const std::string& tenant,
                                                         const std::string& name) {
  const auto parsed = ParseInvitationName(name, tenant);
  if (!parsed) return NotFound("fgc.v1.Invitation", name);
  auto read = pool_->WithTenantResult<std::optional<VersionedInvitation>>(
      tenant, [&](pqxx::work& tx) -> absl::StatusOr<std::optional<VersionedInvitation>> {
        pqxx::result rows = tx.exec_params(
            absl::StrCat("SELECT ", kColumns,
                         " FROM invitations WHERE tenant = $1 AND conference = $2 AND id = $3"),
            tenant, parsed->conference, parsed->id);
        if (rows.empty()) return std::nullopt;
        auto key = ReadKey(tx, *kek_, tenant, parsed->conference);
        if (!key.ok()) return key.status();
        auto invitation = FromRow(key->has_value() ? &**key : nullptr, rows[0]);
        if (!invitation.ok()) return invitation.status();
        return *std::move(invitation);
      });
  if (!read.ok()) return read.status();
  if (!read->has_value()) return NotFound("fgc.v1.Invitation", name);
  return **std::move(read);
}

absl::StatusOr<std::vector<VersionedInvitation>> InvitationStore::List(
    const std::string& tenant, const std::string& conference, const std::string& after, int limit) {
  return pool_->WithTenantResult<std::vector<VersionedInvitation>>(
      tenant, [&](pqxx::work& tx) -> absl::StatusOr<std::vector<VersionedInvitation>> {
        // Oldest first; the cursor is "<create micros>/<id>" of the last one returned.
        const size_t slash = after.find('/');
        const int64_t after_micros = after.empty() ? -1 : std::stoll(after.substr(0, slash));
        const std::string after_id = after.empty() ? "" : after.substr(slash + 1);
        pqxx::result rows = tx.exec_params(
            absl::StrCat("SELECT ", kColumns,
                         " FROM invitations WHERE tenant = $1 AND conference = $2 AND "
                         "(create_time, id) > (to_timestamp($3::bigint / 1e6), $4) "
                         "ORDER BY create_time, id LIMIT $5"),
            tenant, conference, after_micros, after_id, limit);
        auto key = ReadKey(tx, *kek_, tenant, conference);
        if (!key.ok()) return key.status();
        std::vector<VersionedInvitation> out;
        for (const auto& row : rows) {
          auto invitation = FromRow(key->has_value() ? &**key : nullptr, row);
          if (!invitation.ok()) return invitation.status();
          out.push_back(*std::move(invitation));
        }
        return out;
      });
}

absl::StatusOr<std::optional<VersionedInvitation>> InvitationStore::LiveFor(
    const std::string& tenant, const std::string& member) {
  const auto parsed = ParseMemberName(member, tenant);
  if (!parsed) return std::nullopt;
  return pool_->WithTenantResult<std::optional<VersionedInvitation>>(
      tenant, [&](pqxx::work& tx) -> absl::StatusOr<std::optional<VersionedInvitation>> {
        pqxx::result rows = tx.exec_params(
            absl::StrCat("SELECT ", kColumns,
                         " FROM invitations WHERE tenant = $1 AND conference = $2 AND "
                         "member = $3 AND NOT revoked"),
            tenant, parsed->conference, member);
        if (rows.empty()) return std::nullopt;
        auto key = ReadKey(tx, *kek_, tenant, parsed->conference);
        if (!key.ok()) return key.status();
        auto invitation = FromRow(key->has_value() ? &**key : nullptr, rows[0]);
        if (!invitation.ok()) return invitation.status();
        return *std::move(invitation);
      });
}

absl::StatusOr<std::pair<std::string, VersionedInvitation>> InvitationStore::ForToken(
    const PresentedToken& token, absl::Time now) {
  struct Found {
    std::string tenant, conference, id;
    TokenRecord record;
  };
  std::optional<Found> found;
  absl::Status looked = pool_->WithoutTenant([&](pqxx::work& tx) -> absl::Status {
    pqxx::result rows = tx.exec_params(
        "SELECT tenant, conference, invitation, "
        "(extract(epoch FROM issue_time) * 1e6)::bigint, "
        "(extract(epoch FROM expire_time) * 1e6)::bigint, "
        "(extract(epoch FROM revoke_time) * 1e6)::bigint, "
        "(extract(epoch FROM replace_time) * 1e6)::bigint "
        "FROM invitation_links WHERE digest = $1",
        pqxx::binarystring(token.digest()));
    if (rows.empty()) return absl::OkStatus();
    const pqxx::row& r = rows[0];
    found = Found{r[0].c_str(), r[1].c_str(), r[2].c_str(), {}};
    found->record.digest = token.digest();
    found->record.issue_time = absl::FromUnixMicros(r[3].as<int64_t>());
    found->record.expire_time = absl::FromUnixMicros(r[4].as<int64_t>());
    found->record.revoke_time = OptionalTime(r[5]);
    found->record.replace_time = OptionalTime(r[6]);
    return absl::OkStatus();
  });
  if (!looked.ok()) return looked;
  if (absl::Status s = CheckToken(found ? &found->record : nullptr, token, now); !s.ok()) {
    return s;
  }
  auto invitation = Get(found->tenant, absl::StrCat(found->conference, "/invitations/", found->id));
  // A link whose invitation is gone (its member removed) opens nothing either.
  if (!invitation.ok() && invitation.status().code() == absl::StatusCode::kNotFound) {
    return InvalidTokenError();
  }
  if (!invitation.ok()) return invitation.status();
  return std::make_pair(found->tenant, *std::move(invitation));
}

void InvitationStore::RevokeAllFor(pqxx::work& tx, const std::string& tenant,
                                   const std::string& member) {
  // The rows stay (ListInvitations shows them); their links stop at once.
  tx.exec_params(
      "UPDATE invitation_links l SET revoke_time = now() FROM invitations i "
      "WHERE i.tenant = $1 AND i.member = $2 AND l.tenant = i.tenant AND "
      "l.conference = i.conference AND l.invitation = i.id AND l.revoke_time IS NULL",
      tenant, member);
  tx.exec_params(
      "UPDATE invitations SET revoked = true, link_seed = NULL WHERE tenant = $1 AND member = $2",
      tenant, member);
}

absl::Status InvitationStore::PutFamilyView(const std::string& tenant,
                                            const std::string& conference,
                                            const v1::GetMyInvitationResponse& view) {
  return pool_->WithTenant(tenant, [&](pqxx::work& tx) -> absl::Status {
    auto key = sealing::ConferenceDataKey(tx, *kek_, tenant, conference, /*create=*/true);
    if (!key.ok()) return key.status();
    std::string bytes;
    view.SerializeToString(&bytes);
    auto sealed = crypto::SealField(*key, bytes, conference, kFamilyViewField);
    if (!sealed.ok()) return sealed.status();
    // NULL without a deadline; the column keeps migrations/005's reminder_deadlines exact.
    const std::string deadline =
        view.has_availability_deadline()
            ? Timestamp(absl::FromUnixMicros(
                  TimeUtil::TimestampToMicroseconds(view.availability_deadline())))
            : "";
    tx.exec_params(
        "INSERT INTO family_views (tenant, conference, sealed, update_time, "
        "availability_deadline) VALUES ($1, $2, $3, now(), NULLIF($4, '')::timestamptz) "
        "ON CONFLICT (tenant, conference) DO UPDATE SET sealed = EXCLUDED.sealed, "
        "update_time = EXCLUDED.update_time, "
        "availability_deadline = EXCLUDED.availability_deadline",
        tenant, conference, pqxx::binarystring(*sealed), deadline);
    return absl::OkStatus();
  });
}

absl::StatusOr<v1::GetMyInvitationResponse> InvitationStore::GetFamilyView(
    const std::string& tenant, const std::string& conference) {
  return pool_->WithTenantResult<v1::GetMyInvitationResponse>(
      tenant, [&](pqxx::work& tx) -> absl::StatusOr<v1::GetMyInvitationResponse> {
        pqxx::result rows =
            tx.exec_params("SELECT sealed FROM family_views WHERE tenant = $1 AND conference = $2",
                           tenant, conference);
        if (rows.empty()) return NotFound("fgc.v1.Conference", conference);
        auto key = sealing::ConferenceDataKey(tx, *kek_, tenant, conference, /*create=*/false);
        if (!key.ok()) return key.status();
        auto bytes = crypto::OpenField(*key, pqxx::binarystring(rows[0][0]).str(), conference,
                                       kFamilyViewField);
        if (!bytes.ok()) return bytes.status();
        v1::GetMyInvitationResponse view;
        if (!view.ParseFromString(*bytes)) {
          return absl::DataLossError("a conference's family view does not parse");
        }
        return view;
      });
}

void InvitationStore::RecordPlanRecipient(pqxx::work& tx, const std::string& tenant,
                                          const std::string& member,
                                          const std::string& plan_version) {
  tx.exec_params(
      "INSERT INTO plan_recipients (tenant, member, plan_version) VALUES ($1, $2, $3) "
      "ON CONFLICT DO NOTHING",
      tenant, member, plan_version);
}

absl::StatusOr<bool> InvitationStore::HasPlan(const std::string& tenant,
                                              const std::string& member) {
  return pool_->WithTenantResult<bool>(tenant, [&](pqxx::work& tx) -> absl::StatusOr<bool> {
    pqxx::result rows = tx.exec_params(
        "SELECT 1 FROM plan_recipients WHERE tenant = $1 AND member = $2 LIMIT 1", tenant, member);
    return !rows.empty();
  });
}

}  // namespace fgc::invitations
