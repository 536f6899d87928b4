// The field checks the entry model uses: common/base/field_violations.h and the shared checks of
// common.proto's values (common/checks), under the ledger's namespace. Internal to the model.
#pragma once

#include <string>

#include "absl/time/time.h"
#include "common/base/field_violations.h"
#include "common/checks/common_messages.h"
#include "google/protobuf/timestamp.pb.h"

namespace fgc::ledger {

using fgc::CountCodePoints;
using fgc::FieldViolations;
using fgc::IsValidUtf8;
using fgc::LooksLikeLanguageTag;
using fgc::TextShape;

// A timestamp RFC 3339 can write; as CheckTime, and not later than a given time.
using checks::CheckTime;
using checks::CheckTimeNotAfter;

}  // namespace fgc::ledger
