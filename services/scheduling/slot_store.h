// The SQL of proposed slots and availability answers (migrations/004_slots.sql).
#pragma once

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/db/pool.h"
#include "fgc/v1/slot.pb.h"
#include "services/scheduling/conference_store.h"

namespace fgc::scheduling {

class SlotStore {
 public:
  explicit SlotStore(db::Pool* pool) : pool_(pool) {}

  // Inserts `slots` (named already) of the conference, inside the caller's transaction.
  static void InsertSlots(pqxx::work& tx, const std::string& tenant,
                          const std::string& conference_id, const std::vector<v1::Slot>& slots);

  // Up to `limit` slots of the conference after `after` (a slot id), earliest first, with their
  // answers when `with_answers`; each slot's cursor is its position "<start micros>/<id>".
  struct Page {
    std::vector<v1::Slot> slots;
    std::vector<std::string> cursors;
  };
  absl::StatusOr<Page> List(const std::string& tenant, const std::string& conference_id,
                            const std::string& after, int limit, bool with_answers);

  // Records `member`'s answers (replacing earlier answers to the same slots) and returns all
  // their answers. NOT_FOUND naming a slot the conference does not have. Idempotent under
  // `request`.
  absl::StatusOr<std::vector<v1::Availability>> RecordAnswers(
      const std::string& tenant, const std::string& conference_id, const std::string& member,
      const std::vector<v1::Availability>& answers, const v1::Actor& actor, absl::Time now,
      const RequestKey& request);

 private:
  db::Pool* const pool_;
};

}  // namespace fgc::scheduling
