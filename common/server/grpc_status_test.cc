#include "common/server/grpc_status.h"

#include <gtest/gtest.h>

#include "common/base/errors.h"
#include "fgc/v1/error_reason.pb.h"
#include "google/rpc/error_details.pb.h"

namespace fgc::server {
namespace {

template <typename T>
int CountDetails(const google::rpc::Status& rich) {
  int n = 0;
  for (const auto& any : rich.details()) n += any.Is<T>() ? 1 : 0;
  return n;
}

template <typename T>
T Detail(const google::rpc::Status& rich) {
  T out;
  for (const auto& any : rich.details()) {
    if (any.UnpackTo(&out)) return out;
  }
  ADD_FAILURE() << "no " << T::descriptor()->full_name();
  return out;
}

TEST(GrpcStatus, OkStaysOk) { EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok()); }

TEST(GrpcStatus, InvalidArgumentHasOneErrorInfoAndFieldViolations) {
  grpc::Status s = ToGrpcStatus(
      InvalidArgument("INVALID_CONFERENCE", "bad", {{"conference.time_zone", "not an IANA zone"}}));
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  google::rpc::Status rich = RichStatusOf(s);
  EXPECT_EQ(rich.code(), 3);
  EXPECT_EQ(CountDetails<google::rpc::ErrorInfo>(rich), 1);
  auto info = Detail<google::rpc::ErrorInfo>(rich);
  EXPECT_EQ(info.reason(), "INVALID_CONFERENCE");
  EXPECT_EQ(info.domain(), "fgc.v1");
  auto bad = Detail<google::rpc::BadRequest>(rich);
  ASSERT_EQ(bad.field_violations_size(), 1);
  EXPECT_EQ(bad.field_violations(0).field(), "conference.time_zone");
}

TEST(GrpcStatus, NotFoundCarriesResourceInfo) {
  google::rpc::Status rich =
      RichStatusOf(ToGrpcStatus(NotFound("fgc.v1.Venue", "tenants/t/venues/v")));
  auto ri = Detail<google::rpc::ResourceInfo>(rich);
  EXPECT_EQ(ri.resource_type(), "fgc.v1.Venue");
  EXPECT_EQ(ri.resource_name(), "tenants/t/venues/v");
}

TEST(GrpcStatus, FailedPreconditionCarriesViolations) {
  google::rpc::Status rich = RichStatusOf(ToGrpcStatus(
      FailedPrecondition("STAGE_RULE", "not yet", {{"STAGE", "tenants/t/conferences/c", "x"}})));
  EXPECT_EQ(rich.code(), 9);
  EXPECT_EQ(Detail<google::rpc::PreconditionFailure>(rich).violations(0).type(), "STAGE");
}

TEST(GrpcStatus, PlainStatusGetsADefaultReason) {
  google::rpc::Status rich = RichStatusOf(ToGrpcStatus(absl::AbortedError("etag mismatch")));
  EXPECT_EQ(Detail<google::rpc::ErrorInfo>(rich).reason(), "CONCURRENT_MODIFICATION");
  EXPECT_EQ(rich.message(), "etag mismatch");
}

// Clients branch on ErrorInfo.reason, so every reason fgc sends is in the contract's catalogue.
TEST(GrpcStatus, EveryFallbackReasonIsInTheContractsCatalogue) {
  for (int c = 1; c <= 16; ++c) {
    std::string reason(DefaultReason(static_cast<absl::StatusCode>(c)));
    v1::ErrorReason value;
    EXPECT_TRUE(v1::ErrorReason_Parse("ERROR_REASON_" + reason, &value)) << reason;
  }
}

TEST(GrpcStatus, GuardReasonsAreInTheContractsCatalogue) {
  for (const char* reason :
       {"MISSING_CREDENTIALS", "MALFORMED_CREDENTIALS", "INVALID_TOKEN", "WRONG_TENANT",
        "ROLE_NOT_ALLOWED", "INVALID_FIELD", "MALFORMED_REQUEST", "METHOD_NOT_YET_AVAILABLE"}) {
    v1::ErrorReason value;
    EXPECT_TRUE(v1::ErrorReason_Parse(std::string("ERROR_REASON_") + reason, &value)) << reason;
  }
}

TEST(GrpcStatus, InternalMessagesNeverReachTheCaller) {
  grpc::Status s =
      ToGrpcStatus(absl::InternalError("ERROR: relation \"scheduling.x\" does not exist"));
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_EQ(s.error_message().find("relation"), std::string::npos);
  EXPECT_EQ(RichStatusOf(s).message().find("scheduling"), std::string::npos);
}

TEST(GrpcStatus, RichStatusOfPlainGrpcStatusKeepsCodeAndMessage) {
  google::rpc::Status rich = RichStatusOf(grpc::Status(grpc::StatusCode::UNAVAILABLE, "down"));
  EXPECT_EQ(rich.code(), 14);
  EXPECT_EQ(rich.message(), "down");
  EXPECT_EQ(rich.details_size(), 0);
}

}  // namespace
}  // namespace fgc::server
