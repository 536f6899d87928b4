// google.protobuf.Timestamp to and from absl::Time, for adapters and stores that keep times in
// protobuf messages but reason about them with absl.
#pragma once

#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"

namespace fgc {

// The same instant (a Timestamp's nanos are always representable in absl::Time).
absl::Time ToAbslTime(const google::protobuf::Timestamp& timestamp);
// The same instant, with nanos in [0, 1e9) as the Timestamp contract wants.
google::protobuf::Timestamp ToTimestamp(absl::Time time);

}  // namespace fgc
