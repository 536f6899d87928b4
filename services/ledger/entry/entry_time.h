// Instants in ledger entries: google.protobuf.Timestamp limited to what RFC 3339 can write
// (years 0001-9999, nanos 0-999,999,999), and conversions to absl::Time for the rules.
#pragma once

#include <cstdint>

#include "absl/time/time.h"
#include "common/base/proto_time.h"  // ToAbslTime, ToTimestamp
#include "google/protobuf/timestamp.pb.h"

namespace fgc::ledger {

// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z in Unix seconds.
inline constexpr int64_t kMinTimestampSeconds = -62135596800;
inline constexpr int64_t kMaxTimestampSeconds = 253402300799;

bool IsValidTimestamp(const google::protobuf::Timestamp& timestamp);

}  // namespace fgc::ledger
