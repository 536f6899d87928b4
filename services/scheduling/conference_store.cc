#include "services/scheduling/conference_store.h"

#include <pqxx/pqxx>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/base/errors.h"
#include "common/db/request_log.h"
#include "common/sealing/conference_keys.h"
#include "common/server/request_hash.h"
#include "google/protobuf/util/time_util.h"
#include "services/scheduling/conference_record.h"

namespace fgc::scheduling {
namespace {

using google::protobuf::util::TimeUtil;

constexpr char kEpochPlusMicros[] = "'epoch'::timestamptz + %s * interval '1 microsecond'";

std::string At(const char* param) {
  char buf[96];
  std::snprintf(buf, sizeof buf, kEpochPlusMicros, param);
  return buf;
}

std::string IdOf(const std::string& name) { return name.substr(name.rfind('/') + 1); }

int64_t Micros(const google::protobuf::Timestamp& t) {
  return TimeUtil::TimestampToMicroseconds(t);
}

// The earliest due time of a deadline not yet met, as micros text ("" when none pends).
std::string NextDue(const v1::Conference& c) {
  std::optional<int64_t> next;
  for (const auto& d : c.deadlines()) {
    if (d.has_met_time() || !d.has_due_time()) continue;
    const int64_t due = Micros(d.due_time());
    if (!next || due < *next) next = due;
  }
  return next ? absl::StrCat(*next) : "";
}

std::string Serialize(const v1::Conference& c) {
  std::string bytes;
  c.SerializeToString(&bytes);
  return bytes;
}

// Writes `conference` as the row's new contents (insert when `read_version` is 0).
absl::Status WriteRow(pqxx::work& tx, const crypto::KeyEncryptionKey& kek,
                      const std::string& tenant, const v1::Conference& conference,
                      int64_t read_version) {
  const ConferenceParts parts = SplitConference(conference);
  auto key = sealing::ConferenceDataKey(tx, kek, tenant, conference.name(), read_version == 0);
  if (!key.ok()) return key.status();
  auto sealed = SealPersonal(parts.personal, *key, conference.name());
  if (!sealed.ok()) return sealed.status();
  const v1::Conference& r = parts.record;
  if (read_version == 0) {
    tx.exec_params(
        absl::StrCat("INSERT INTO conferences (tenant, id, stage, urgency, referring_agency, "
                     "referrer_subject, coordinator_subject, next_due, create_time, update_time, "
                     "version, record, sealed) VALUES ($1, $2, $3, $4, $5, $6, $7, ",
                     At("NULLIF($8, '')::bigint"), ", ", At("$9::bigint"), ", ", At("$10::bigint"),
                     ", 1, $11, $12)"),
        tenant, IdOf(r.name()), static_cast<int>(r.stage()), static_cast<int>(r.urgency()),
        r.referral().referring_agency(), r.referral().referrer().subject(),
        r.coordinator().subject(), NextDue(r), Micros(r.create_time()), Micros(r.update_time()),
        pqxx::binarystring(Serialize(r)), pqxx::binarystring(*sealed));
    return absl::OkStatus();
  }
  pqxx::result updated = tx.exec_params(
      absl::StrCat("UPDATE conferences SET stage = $3, urgency = $4, coordinator_subject = $5, "
                   "next_due = ",
                   At("NULLIF($6, '')::bigint"), ", update_time = ", At("$7::bigint"),
                   ", version = version + 1, record = $8, sealed = $9 "
                   "WHERE tenant = $1 AND id = $2 AND version = $10 RETURNING version"),
      tenant, IdOf(r.name()), static_cast<int>(r.stage()), static_cast<int>(r.urgency()),
      r.coordinator().subject(), NextDue(r), Micros(r.update_time()),
      pqxx::binarystring(Serialize(r)), pqxx::binarystring(*sealed), read_version);
  if (updated.empty()) {
    return WithDetails(absl::AbortedError("the conference changed meanwhile; read it again"),
                       {.reason = "CONCURRENT_MODIFICATION"});
  }
  return absl::OkStatus();
}

absl::StatusOr<VersionedConference> FromRow(pqxx::work& tx, const crypto::KeyEncryptionKey& kek,
                                            const std::string& tenant, const pqxx::row& row) {
  VersionedConference out;
  out.version = row[0].as<int64_t>();
  if (!out.conference.ParseFromString(pqxx::binarystring(row[1]).str())) {
    return absl::DataLossError("a stored conference does not parse");
  }
  const std::string name = out.conference.name();
  auto key = sealing::ConferenceDataKey(tx, kek, tenant, name, /*create=*/false);
  if (key.ok()) {
    auto personal = OpenPersonal(pqxx::binarystring(row[2]).str(), *key, name);
    if (!personal.ok()) return personal.status();
    out.conference = JoinConference(std::move(out.conference), *personal);
  } else if (key.status().code() != absl::StatusCode::kFailedPrecondition) {
    return key.status();  // erased (FAILED_PRECONDITION): the record stands without details
  }
  out.conference.set_etag(EtagOf(out.version));
  return out;
}

constexpr char kColumns[] = "version, record, sealed, create_time, id";

absl::StatusOr<std::optional<VersionedConference>> ReadIn(pqxx::work& tx,
                                                          const crypto::KeyEncryptionKey& kek,
                                                          const std::string& tenant,
                                                          const std::string& id) {
  pqxx::result rows = tx.exec_params(
      absl::StrCat("SELECT ", kColumns, " FROM conferences WHERE tenant = $1 AND id = $2"), tenant,
      id);
  if (rows.empty()) return std::nullopt;
  auto read = FromRow(tx, kek, tenant, rows[0]);
  if (!read.ok()) return read.status();
  return *std::move(read);
}

}  // namespace

std::string EtagOf(int64_t version) { return absl::StrCat("v", version); }

std::optional<int64_t> VersionOfEtag(const std::string& etag) {
  int64_t version;
  if (etag.size() < 2 || etag[0] != 'v' || !absl::SimpleAtoi(etag.substr(1), &version) ||
      version < 1) {
    return std::nullopt;
  }
  return version;
}

absl::StatusOr<std::optional<std::string>> ConferenceStore::Replayed(const std::string& tenant,
                                                                     const RequestKey& request) {
  if (request.request_id.empty()) return std::nullopt;
  return pool_->WithTenantResult<std::optional<std::string>>(tenant, [&](pqxx::work& tx) {
    return db::ReplayedResponse(tx, tenant, request.request_id, request.method,
                                request.request_hash);
  });
}

absl::StatusOr<VersionedConference> ConferenceStore::Write(const std::string& tenant,
                                                           const v1::Conference& conference,
                                                           int64_t read_version,
                                                           const RequestKey& request,
                                                           const AlsoFn& also) {
  const std::string id = IdOf(conference.name());
  absl::Status status = pool_->WithTenant(tenant, [&](pqxx::work& tx) -> absl::Status {
    if (absl::Status s = WriteRow(tx, *kek_, tenant, conference, read_version); !s.ok()) {
      return s;
    }
    if (also) {
      if (absl::Status s = also(tx); !s.ok()) return s;
    }
    if (!request.request_id.empty()) {
      db::RecordRequest(tx, tenant, request.request_id, request.method, request.request_hash,
                        conference.name());
    }
    return absl::OkStatus();
  });
  if (status.code() == absl::StatusCode::kAlreadyExists) {
    // A concurrent retry of this very request recorded it first, or (on create) the id is
    // taken.
    auto replayed = Replayed(tenant, request);
    if (!replayed.ok()) return replayed.status();
    if (replayed->has_value()) return Get(tenant, IdOf(**replayed));
    if (read_version == 0) {
      return AlreadyExists("fgc.v1.Conference", conference.name(),
                           "a conference with this ID exists already");
    }
  }
  if (!status.ok()) return status;
  return Get(tenant, id);
}

absl::StatusOr<VersionedConference> ConferenceStore::Create(const std::string& tenant,
                                                            const v1::Conference& conference,
                                                            const RequestKey& request) {
  return Write(tenant, conference, 0, request, nullptr);
}

absl::StatusOr<VersionedConference> ConferenceStore::Get(const std::string& tenant,
                                                         const std::string& id) {
  auto read = pool_->WithTenantResult<std::optional<VersionedConference>>(
      tenant, [&](pqxx::work& tx) { return ReadIn(tx, *kek_, tenant, id); });
  if (!read.ok()) return read.status();
  if (!read->has_value()) {
    return NotFound("fgc.v1.Conference", absl::StrCat("tenants/", tenant, "/conferences/", id));
  }
  return **std::move(read);
}

absl::StatusOr<VersionedConference> ConferenceStore::Replace(const std::string& tenant,
                                                             int64_t read_version,
                                                             const v1::Conference& conference,
                                                             const RequestKey& request,
                                                             const AlsoFn& also) {
  return Write(tenant, conference, read_version, request, also);
}

absl::StatusOr<ConferenceStore::Page> ConferenceStore::List(const std::string& tenant,
                                                            const ConferenceQuery& query,
                                                            const std::string& after, int limit) {
  return pool_->WithTenantResult<Page>(tenant, [&](pqxx::work& tx) -> absl::StatusOr<Page> {
    std::string where = absl::StrCat("tenant = ", tx.quote(tenant));
    if (query.stage) absl::StrAppend(&where, " AND stage = ", *query.stage);
    if (query.urgency) absl::StrAppend(&where, " AND urgency = ", *query.urgency);
    if (query.coordinator_subject) {
      absl::StrAppend(&where, " AND coordinator_subject = ", tx.quote(*query.coordinator_subject));
    }
    if (query.referring_agency) {
      absl::StrAppend(&where, " AND referring_agency = ", tx.quote(*query.referring_agency));
    }
    if (query.overdue) {
      const std::string now = At(absl::StrCat(absl::ToUnixMicros(query.now)).c_str());
      absl::StrAppend(
          &where,
          *query.overdue ? " AND next_due < " : " AND (next_due IS NULL OR next_due >= ", now,
          *query.overdue ? "" : ")");
    }
    if (!after.empty()) {
      // The cursor is "<create micros>/<id>" of the last conference of the previous page.
      std::vector<std::string> parts = absl::StrSplit(after, absl::MaxSplits('/', 1));
      int64_t micros;
      if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &micros)) {
        return InvalidArgument("INVALID_PAGE_TOKEN", "page_token is not one this list gave",
                               {{"page_token", "use the next_page_token of the same list"}});
      }
      absl::StrAppend(&where, " AND (create_time, id) > (", At(absl::StrCat(micros).c_str()), ", ",
                      tx.quote(parts[1]), ")");
    }
    pqxx::result rows =
        tx.exec(absl::StrCat("SELECT ", kColumns,
                             ", (extract(epoch FROM create_time) * 1000000)::bigint "
                             "FROM conferences WHERE ",
                             where, " ORDER BY create_time, id LIMIT ", limit));
    Page page;
    for (const auto& row : rows) {
      auto read = FromRow(tx, *kek_, tenant, row);
      if (!read.ok()) return read.status();
      page.conferences.push_back(*std::move(read));
      page.cursors.push_back(absl::StrCat(row[5].as<int64_t>(), "/", row[4].as<std::string>()));
    }
    return page;
  });
}

}  // namespace fgc::scheduling
