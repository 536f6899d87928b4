#include "services/ledger/entry/field_rules.h"

#include "services/ledger/entry/entry_time.h"

namespace fgc::ledger {

bool CheckTime(FieldViolations& v, const std::string& field,
               const google::protobuf::Timestamp& value) {
  if (IsValidTimestamp(value)) return true;
  v.Add(field, "must be a time between years 0001 and 9999 with nanos 0-999999999");
  return false;
}

bool CheckTimeNotAfter(FieldViolations& v, const std::string& field,
                       const google::protobuf::Timestamp& value, absl::Time latest) {
  if (!CheckTime(v, field, value)) return false;
  if (ToAbslTime(value) <= latest) return true;
  v.Add(field, "must not be in the future");
  return false;
}

}  // namespace fgc::ledger
