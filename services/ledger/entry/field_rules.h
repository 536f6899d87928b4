// The ledger's own field checks on top of common/base/field_violations.h: times an RFC 3339
// writer can print. Internal to the entry model.
#pragma once

#include <string>

#include "absl/time/time.h"
#include "common/base/field_violations.h"
#include "google/protobuf/timestamp.pb.h"

namespace fgc::ledger {

using fgc::CountCodePoints;
using fgc::FieldViolations;
using fgc::IsValidUtf8;
using fgc::LooksLikeLanguageTag;
using fgc::TextShape;

// A timestamp RFC 3339 can write. Returns true when it passed.
bool CheckTime(FieldViolations& v, const std::string& field,
               const google::protobuf::Timestamp& value);
// As CheckTime, and not later than `latest`.
bool CheckTimeNotAfter(FieldViolations& v, const std::string& field,
                       const google::protobuf::Timestamp& value, absl::Time latest);

}  // namespace fgc::ledger
