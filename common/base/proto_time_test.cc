#include "common/base/proto_time.h"

#include <gtest/gtest.h>

namespace fgc {
namespace {

TEST(ProtoTime, RoundTripsToTheNanosecond) {
  const absl::Time t = absl::FromUnixSeconds(1'800'000'000) + absl::Nanoseconds(123'456'789);
  const google::protobuf::Timestamp ts = ToTimestamp(t);
  EXPECT_EQ(ts.seconds(), 1'800'000'000);
  EXPECT_EQ(ts.nanos(), 123'456'789);
  EXPECT_EQ(ToAbslTime(ts), t);
}

TEST(ProtoTime, KeepsNanosPositiveBeforeTheEpoch) {
  const google::protobuf::Timestamp ts = ToTimestamp(absl::FromUnixMillis(-1500));
  EXPECT_EQ(ts.seconds(), -2);
  EXPECT_EQ(ts.nanos(), 500'000'000);
}

}  // namespace
}  // namespace fgc
