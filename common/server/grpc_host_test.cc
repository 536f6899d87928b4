#include "common/server/grpc_host.h"

#include <gtest/gtest.h>

#include "grpc/health/v1/health.grpc.pb.h"

namespace fgc::server {
namespace {

using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;

TEST(IsLoopback, KnowsLoopbackAddresses) {
  EXPECT_TRUE(IsLoopback("127.0.0.1:50051"));
  EXPECT_TRUE(IsLoopback("127.1.2.3:0"));
  EXPECT_TRUE(IsLoopback("localhost:1"));
  EXPECT_TRUE(IsLoopback("[::1]:50051"));
  EXPECT_FALSE(IsLoopback("0.0.0.0:50051"));
  EXPECT_FALSE(IsLoopback("[::]:50051"));
  EXPECT_FALSE(IsLoopback("10.0.0.5:50051"));
  EXPECT_FALSE(IsLoopback("example.org:443"));
}

TEST(GrpcHost, RefusesPlaintextOffLoopback) {
  GrpcHostOptions options;
  options.listen = "0.0.0.0:0";
  options.metrics = std::make_shared<prometheus::Registry>();
  auto host = GrpcHost::Start(options);
  EXPECT_EQ(host.status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(GrpcHost, ReportsAnAddressInUse) {
  GrpcHostOptions options;
  options.listen = "127.0.0.1:0";
  options.metrics = std::make_shared<prometheus::Registry>();
  auto first = GrpcHost::Start(options);
  ASSERT_TRUE(first.ok()) << first.status();
  options.listen = (*first)->address();
  auto second = GrpcHost::Start(options);
  EXPECT_EQ(second.status().code(), absl::StatusCode::kFailedPrecondition);
}

HealthCheckResponse::ServingStatus Check(GrpcHost& host, const std::string& service) {
  auto stub = grpc::health::v1::Health::NewStub(host.InProcessChannel());
  grpc::ClientContext context;
  HealthCheckRequest request;
  request.set_service(service);
  HealthCheckResponse response;
  grpc::Status status = stub->Check(&context, request, &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return response.status();
}

TEST(GrpcHost, HealthFollowsSetServingForEveryNameAndOverall) {
  GrpcHostOptions options;
  options.listen = "127.0.0.1:0";
  options.health_names = {"fgc.v1.LedgerService"};
  options.metrics = std::make_shared<prometheus::Registry>();
  auto host = GrpcHost::Start(options);
  ASSERT_TRUE(host.ok()) << host.status();
  EXPECT_EQ(Check(**host, "fgc.v1.LedgerService"), HealthCheckResponse::NOT_SERVING);
  (*host)->SetServing(true);
  EXPECT_EQ(Check(**host, "fgc.v1.LedgerService"), HealthCheckResponse::SERVING);
  EXPECT_EQ(Check(**host, ""), HealthCheckResponse::SERVING);
  (*host)->SetServing(false);
  EXPECT_EQ(Check(**host, ""), HealthCheckResponse::NOT_SERVING);
}

}  // namespace
}  // namespace fgc::server
