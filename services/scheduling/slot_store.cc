#include "services/scheduling/slot_store.h"

#include <map>
#include <set>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/base/errors.h"
#include "common/db/request_log.h"
#include "common/db/sql_array.h"
#include "services/scheduling/lifecycle/conference_time.h"

namespace fgc::scheduling {
namespace {

constexpr char kSlotColumns[] =
    "id, (extract(epoch FROM start_time) * 1000000)::bigint, "
    "(extract(epoch FROM end_time) * 1000000)::bigint, venue, remote_available, "
    "(extract(epoch FROM create_time) * 1000000)::bigint";

std::string EpochPlus(int param) {
  return absl::StrCat("'epoch'::timestamptz + $", param, " * interval '1 microsecond'");
}

v1::Availability AnswerFromRow(const pqxx::row& r, const std::string& slot_prefix) {
  v1::Availability a;
  a.set_slot(slot_prefix + r[0].as<std::string>());
  a.set_member(r[1].as<std::string>());
  a.set_answer(static_cast<v1::AvailabilityAnswer>(r[2].as<int>()));
  a.set_mode(static_cast<v1::AttendanceMode>(r[3].as<int>()));
  *a.mutable_record_time() = ToTimestamp(absl::FromUnixMicros(r[4].as<int64_t>()));
  a.mutable_recorded_by()->ParseFromString(pqxx::binarystring(r[5]).str());
  return a;
}

constexpr char kAnswerColumns[] =
    "slot, member, answer, mode, (extract(epoch FROM record_time) * 1000000)::bigint, "
    "recorded_by";

}  // namespace

void SlotStore::InsertSlots(pqxx::work& tx, const std::string& tenant,
                            const std::string& conference_id, const std::vector<v1::Slot>& slots) {
  db::SqlArray ids, starts, ends, venues, remote;
  for (const v1::Slot& s : slots) {
    ids.Add(s.name().substr(s.name().rfind('/') + 1));
    starts.AddInt(absl::ToUnixMicros(ToAbslTime(s.start_time())));
    ends.AddInt(absl::ToUnixMicros(ToAbslTime(s.end_time())));
    venues.Add(s.venue());
    remote.AddInt(s.remote_available() ? 1 : 0);
  }
  tx.exec_params(
      "INSERT INTO slots (tenant, conference, id, start_time, end_time, venue, remote_available, "
      "create_time) SELECT $1, $2, id, 'epoch'::timestamptz + s * interval '1 microsecond', "
      "'epoch'::timestamptz + e * interval '1 microsecond', venue, r = 1, now() "
      "FROM unnest($3::text[], $4::bigint[], $5::bigint[], $6::text[], $7::int[]) "
      "AS t(id, s, e, venue, r)",
      tenant, conference_id, ids.Literal(), starts.Literal(), ends.Literal(), venues.Literal(),
      remote.Literal());
}

absl::StatusOr<SlotStore::Page> SlotStore::List(const std::string& tenant,
                                                const std::string& conference_id,
                                                const std::string& after, int limit,
                                                bool with_answers) {
  return pool_->WithTenantResult<Page>(tenant, [&](pqxx::work& tx) -> absl::StatusOr<Page> {
    // The cursor is "<start micros>/<id>" of the last slot of the previous page.
    int64_t after_start = 0;
    std::string after_id;
    if (!after.empty()) {
      std::vector<std::string> parts = absl::StrSplit(after, absl::MaxSplits('/', 1));
      if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &after_start)) {
        return FieldError("page_token", "is not one this list gave");
      }
      after_id = parts[1];
    }
    pqxx::result rows = tx.exec_params(
        absl::StrCat("SELECT ", kSlotColumns,
                     " FROM slots WHERE tenant = $1 AND conference = $2 AND ($3 OR (start_time, "
                     "id) > (",
                     EpochPlus(4), ", $5)) ORDER BY start_time, id LIMIT $6"),
        tenant, conference_id, after.empty(), after_start, after_id, limit);
    const std::string prefix =
        absl::StrCat("tenants/", tenant, "/conferences/", conference_id, "/slots/");
    Page page;
    std::map<std::string, size_t> by_id;
    for (const auto& r : rows) {
      v1::Slot slot;
      slot.set_name(prefix + r[0].as<std::string>());
      *slot.mutable_start_time() = ToTimestamp(absl::FromUnixMicros(r[1].as<int64_t>()));
      *slot.mutable_end_time() = ToTimestamp(absl::FromUnixMicros(r[2].as<int64_t>()));
      slot.set_venue(r[3].as<std::string>());
      slot.set_remote_available(r[4].as<bool>());
      *slot.mutable_create_time() = ToTimestamp(absl::FromUnixMicros(r[5].as<int64_t>()));
      by_id[r[0].as<std::string>()] = page.slots.size();
      page.cursors.push_back(absl::StrCat(r[1].as<int64_t>(), "/", r[0].as<std::string>()));
      page.slots.push_back(std::move(slot));
    }
    if (with_answers && !page.slots.empty()) {
      db::SqlArray ids;
      for (const auto& [id, index] : by_id) ids.Add(id);
      pqxx::result answers = tx.exec_params(
          absl::StrCat("SELECT ", kAnswerColumns,
                       " FROM availability WHERE tenant = $1 AND conference = $2 AND slot = "
                       "ANY($3::text[]) ORDER BY slot, member"),
          tenant, conference_id, ids.Literal());
      for (const auto& r : answers) {
        *page.slots[by_id.at(r[0].as<std::string>())].add_availability() = AnswerFromRow(r, prefix);
      }
    }
    return page;
  });
}

absl::StatusOr<std::vector<v1::Availability>> SlotStore::RecordAnswers(
    const std::string& tenant, const std::string& conference_id, const std::string& member,
    const std::vector<v1::Availability>& answers, const v1::Actor& actor, absl::Time now,
    const RequestKey& request) {
  const std::string prefix =
      absl::StrCat("tenants/", tenant, "/conferences/", conference_id, "/slots/");
  return pool_->WithTenantResult<std::vector<v1::Availability>>(
      tenant, [&](pqxx::work& tx) -> absl::StatusOr<std::vector<v1::Availability>> {
        bool replayed = false;
        if (!request.request_id.empty()) {
          auto earlier = db::ReplayedResponse(tx, tenant, request.request_id, request.method,
                                              request.request_hash);
          if (!earlier.ok()) return earlier.status();
          replayed = earlier->has_value();
        }
        if (!replayed) {
          db::SqlArray slots, answer_values, modes;
          for (const auto& a : answers) {
            slots.Add(a.slot().substr(prefix.size()));
            answer_values.AddInt(a.answer());
            modes.AddInt(a.mode());
          }
          pqxx::result known = tx.exec_params(
              "SELECT s FROM unnest($3::text[]) AS s WHERE NOT EXISTS (SELECT 1 FROM slots "
              "WHERE tenant = $1 AND conference = $2 AND id = s)",
              tenant, conference_id, slots.Literal());
          if (!known.empty()) {
            return NotFound("fgc.v1.Slot", prefix + known[0][0].as<std::string>());
          }
          std::string recorded_by;
          actor.SerializeToString(&recorded_by);
          tx.exec_params(
              absl::StrCat(
                  "INSERT INTO availability (tenant, conference, slot, member, answer, mode, "
                  "record_time, recorded_by) SELECT $1, $2, s, $3, a, m, ",
                  EpochPlus(7),
                  ", $8 FROM unnest($4::text[], $5::smallint[], $6::smallint[]) AS t(s, a, m) "
                  "ON CONFLICT (tenant, conference, slot, member) DO UPDATE SET "
                  "answer = EXCLUDED.answer, mode = EXCLUDED.mode, "
                  "record_time = EXCLUDED.record_time, recorded_by = EXCLUDED.recorded_by"),
              tenant, conference_id, member, slots.Literal(), answer_values.Literal(),
              modes.Literal(), absl::ToUnixMicros(now), pqxx::binarystring(recorded_by));
          if (!request.request_id.empty()) {
            db::RecordRequest(tx, tenant, request.request_id, request.method, request.request_hash,
                              member);
          }
        }
        pqxx::result rows = tx.exec_params(
            absl::StrCat("SELECT ", kAnswerColumns,
                         " FROM availability WHERE tenant = $1 AND conference = $2 AND member = "
                         "$3 ORDER BY slot"),
            tenant, conference_id, member);
        std::vector<v1::Availability> out;
        for (const auto& r : rows) out.push_back(AnswerFromRow(r, prefix));
        return out;
      });
}

}  // namespace fgc::scheduling
