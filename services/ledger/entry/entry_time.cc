#include "services/ledger/entry/entry_time.h"

namespace fgc::ledger {

bool IsValidTimestamp(const google::protobuf::Timestamp& timestamp) {
  return timestamp.seconds() >= kMinTimestampSeconds &&
         timestamp.seconds() <= kMaxTimestampSeconds && timestamp.nanos() >= 0 &&
         timestamp.nanos() <= 999'999'999;
}

}  // namespace fgc::ledger
