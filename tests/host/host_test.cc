// `fgc serve` as a user runs it: a fresh state directory, its own PostgreSQL, four services on
// one port; authentication at the door; a clean stop with nothing left behind; a second start
// that reuses the state; migrations applied once when two hosts start together.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <pqxx/pqxx>
#include <set>
#include <thread>

#include "absl/time/clock.h"
#include "common/auth/dev_keys.h"
#include "common/auth/jwt_signer.h"
#include "common/db/test_postgres.h"
#include "fgc/v1/scheduling_service.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"
#include "tests/support/grpc_error.h"
#include "tests/support/host_process.h"

namespace fgc {
namespace {

using testing::HostProcess;
using testing::TempDir;

const std::vector<std::string> kServices = {"fgc.v1.SchedulingService", "fgc.v1.InvitationService",
                                            "fgc.v1.PlanService", "fgc.v1.LedgerService"};

std::vector<std::string> ServeArgs(const std::string& state_dir) {
  return {"serve",
          "--state-dir",
          state_dir,
          "--listen",
          "127.0.0.1:0",
          "--metrics-listen",
          "127.0.0.1:0",
          "--web-listen",
          "127.0.0.1:0",
          "--family-web-host",
          "family.example.test"};
}

std::shared_ptr<grpc::Channel> Connect(const std::string& address) {
  return grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
}

std::string DevToken(const std::string& state_dir, auth::Role role, const std::string& tenant) {
  auto signer = auth::LoadDevelopmentJwtSigner(state_dir);
  EXPECT_TRUE(signer.ok()) << signer.status();
  auth::Claims claims;
  claims.sub = "test";
  claims.tenant = tenant;
  claims.role = role;
  claims.agency = "agency-a";
  claims.exp = absl::Now() + absl::Minutes(10);
  claims.aud = {"fgc"};
  return signer->Sign(claims).value();
}

grpc::Status GetConference(const std::string& address, const std::string& token) {
  auto stub = v1::SchedulingService::NewStub(Connect(address));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
  v1::GetConferenceRequest request;
  request.set_name("tenants/demo/conferences/c1");
  v1::GetConferenceResponse response;
  return stub->GetConference(&context, request, &response);
}

using testing::ReasonOf;

bool Alive(pid_t pid) { return kill(pid, 0) == 0; }

class FreshHost : public ::testing::Test {
 protected:
  void SetUp() override {
    state_ = dir_.path() + "/state";
    host_ = std::make_unique<HostProcess>("fgc", ServeArgs(state_));
    auto address = host_->WaitUntilServing();
    ASSERT_TRUE(address.has_value()) << host_->Output();
    address_ = *address;
  }

  TempDir dir_;
  std::string state_;
  std::unique_ptr<HostProcess> host_;
  std::string address_;
};

TEST_F(FreshHost, EveryServiceAndTheServerAreServing) {
  auto stub = grpc::health::v1::Health::NewStub(Connect(address_));
  std::vector<std::string> names = kServices;
  names.push_back("");
  for (const auto& name : names) {
    grpc::ClientContext context;
    grpc::health::v1::HealthCheckRequest request;
    request.set_service(name);
    grpc::health::v1::HealthCheckResponse response;
    ASSERT_TRUE(stub->Check(&context, request, &response).ok()) << name;
    EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING) << name;
  }
}

TEST_F(FreshHost, ReflectionListsTheFourServices) {
  auto stub = grpc::reflection::v1alpha::ServerReflection::NewStub(Connect(address_));
  grpc::ClientContext context;
  auto stream = stub->ServerReflectionInfo(&context);
  grpc::reflection::v1alpha::ServerReflectionRequest request;
  request.set_list_services("*");
  ASSERT_TRUE(stream->Write(request));
  grpc::reflection::v1alpha::ServerReflectionResponse response;
  ASSERT_TRUE(stream->Read(&response));
  stream->WritesDone();
  std::set<std::string> listed;
  for (const auto& s : response.list_services_response().service()) listed.insert(s.name());
  for (const auto& name : kServices) EXPECT_TRUE(listed.count(name)) << name;
  EXPECT_TRUE(listed.count("grpc.health.v1.Health"));
}

TEST_F(FreshHost, ACallWithoutATokenIsUnauthenticated) {
  grpc::Status status = GetConference(address_, "");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(ReasonOf(status), "MISSING_CREDENTIALS");
}

TEST_F(FreshHost, ACoordinatorsCallPassesTheChecksAndReachesTheMethod) {
  // Past authentication, tenant and role table: the method itself answers.
  grpc::Status status = GetConference(address_, DevToken(state_, auth::Role::kCoordinator, "demo"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(ReasonOf(status), "RESOURCE_NOT_FOUND");
}

TEST_F(FreshHost, ATokenForAnotherTenantIsUnauthenticated) {
  grpc::Status status =
      GetConference(address_, DevToken(state_, auth::Role::kCoordinator, "elsewhere"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(FreshHost, SigtermStopsTheHostAndItsPostgresLeavingNoProcess) {
  auto started = host_->WaitForLog(
      [](const nlohmann::json& j) { return j.value("msg", "") == "postgres started"; });
  ASSERT_TRUE(started.has_value());
  const pid_t postgres = std::stoi(started->value("pid", "0"));
  const std::string data_dir = started->value("data_dir", "");
  ASSERT_TRUE(Alive(postgres));
  ASSERT_FALSE(testing::ProcessesMentioning(data_dir).empty());

  auto status = host_->Stop(SIGTERM);
  ASSERT_TRUE(status.has_value()) << "host did not stop";
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0) << host_->Output();
  EXPECT_TRUE(testing::ProcessesMentioning(data_dir).empty());
  EXPECT_TRUE(
      host_->WaitForLog([](const nlohmann::json& j) { return j.value("msg", "") == "stopped"; })
          .has_value());
}

TEST_F(FreshHost, ASecondStartReusesTheState) {
  const std::string token = DevToken(state_, auth::Role::kCoordinator, "demo");
  ASSERT_TRUE(host_->Stop(SIGTERM).has_value());

  HostProcess again("fgc", ServeArgs(state_));
  auto address = again.WaitUntilServing();
  ASSERT_TRUE(address.has_value()) << again.Output();
  auto pg = again.WaitForLog(
      [](const nlohmann::json& j) { return j.value("msg", "") == "postgres started"; });
  ASSERT_TRUE(pg.has_value());
  EXPECT_EQ(pg->value("initdb_ms", ""), "0") << "the cluster was initialised again";
  // The development keys are the same: a token from the first run still opens the door.
  EXPECT_EQ(GetConference(*address, token).error_code(), grpc::StatusCode::NOT_FOUND);
  auto status = again.Stop(SIGTERM);
  ASSERT_TRUE(status.has_value());
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0);
}

TEST_F(FreshHost, ASecondHostOnTheSamePortFailsClearly) {
  TempDir other;
  HostProcess second("fgc", {"serve", "--state-dir", other.path() + "/state", "--listen", address_,
                             "--metrics-listen", "127.0.0.1:0", "--web-listen", "127.0.0.1:0",
                             "--family-web-host", "family.example.test"});
  auto status = second.Wait(std::chrono::seconds(30));
  ASSERT_TRUE(status.has_value()) << "second host kept running";
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 1);
  EXPECT_NE(second.Output().find("cannot serve gRPC"), std::string::npos) << second.Output();
}

TEST_F(FreshHost, ProductionRefusesDevelopmentKeys) {
  TempDir other;
  HostProcess prod("fgc",
                   {"serve", "--state-dir", other.path() + "/state", "--listen", "127.0.0.1:0",
                    "--metrics-listen", "127.0.0.1:0", "--web-listen", "127.0.0.1:0", "--mode",
                    "production", "--jwks-file", state_ + "/keys/dev-jwks.json"});
  auto status = prod.Wait(std::chrono::seconds(30));
  ASSERT_TRUE(status.has_value());
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) != 0);
  EXPECT_NE(prod.Output().find("cannot load the token keys"), std::string::npos) << prod.Output();
}

grpc::health::v1::HealthCheckResponse::ServingStatus HealthOf(const std::string& address,
                                                              const std::string& service,
                                                              grpc::StatusCode* code) {
  auto stub = grpc::health::v1::Health::NewStub(Connect(address));
  grpc::ClientContext context;
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  grpc::health::v1::HealthCheckResponse response;
  *code = stub->Check(&context, request, &response).error_code();
  return response.status();
}

// The split deployment: one binary per service, here on a shared external PostgreSQL.
TEST(SplitDeployment, EachServiceBinaryServesItsOwnServiceOnly) {
  const std::string url = db::testing::AdminConninfo();
  const std::vector<std::pair<std::string, std::string>> binaries = {
      {"fgc-scheduling", "fgc.v1.SchedulingService"},
      {"fgc-invitations", "fgc.v1.InvitationService"},
      {"fgc-plans", "fgc.v1.PlanService"},
      {"fgc-ledger", "fgc.v1.LedgerService"}};
  for (const auto& [binary, service] : binaries) {
    TempDir dir;
    HostProcess host(binary, {"--database-url", url, "--state-dir", dir.path() + "/state",
                              "--listen", "127.0.0.1:0", "--metrics-listen", "127.0.0.1:0"});
    auto address = host.WaitUntilServing();
    ASSERT_TRUE(address.has_value()) << binary << "\n" << host.Output();
    for (const auto& [other_binary, other] : binaries) {
      grpc::StatusCode code;
      auto status = HealthOf(*address, other, &code);
      if (other == service) {
        EXPECT_EQ(code, grpc::StatusCode::OK) << binary;
        EXPECT_EQ(status, grpc::health::v1::HealthCheckResponse::SERVING) << binary;
      } else {
        EXPECT_EQ(code, grpc::StatusCode::NOT_FOUND) << binary << " answers for " << other;
      }
    }
    auto stopped = host.Stop(SIGTERM);
    ASSERT_TRUE(stopped.has_value());
    EXPECT_TRUE(WIFEXITED(*stopped) && WEXITSTATUS(*stopped) == 0) << host.Output();
  }
}

TEST(HostFlags, AnUnknownFlagExitsWithUsage) {
  HostProcess host("fgc", {"serve", "--lisen", "x"});
  auto status = host.Wait(std::chrono::seconds(10));
  ASSERT_TRUE(status.has_value());
  EXPECT_EQ(WEXITSTATUS(*status), 2);
  EXPECT_NE(host.Output().find("--lisen"), std::string::npos);
}

TEST(HostMigrations, TwoHostsStartingTogetherApplyEachMigrationOnce) {
  const std::string url = db::testing::AdminConninfo();
  TempDir a, b;
  auto args = [&](const TempDir& d) {
    return std::vector<std::string>{"serve", "--migrate-only", "--database-url",
                                    url,     "--state-dir",    d.path() + "/state"};
  };
  HostProcess first("fgc", args(a));
  HostProcess second("fgc", args(b));
  for (HostProcess* h : {&first, &second}) {
    auto status = h->Wait(std::chrono::seconds(60));
    ASSERT_TRUE(status.has_value());
    EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0) << h->Output();
  }
  pqxx::connection conn(url);
  pqxx::work tx(conn);
  int migrations = 0;
  for (const char* schema : {"scheduling", "invitations", "plans", "ledger"}) {
    auto row = tx.exec1(std::string("SELECT count(*), count(DISTINCT version) FROM ") + schema +
                        ".schema_migrations");
    EXPECT_GE(row[0].as<int>(), 1) << schema;
    EXPECT_EQ(row[0].as<int>(), row[1].as<int>()) << schema;
    migrations += row[0].as<int>();
  }
  // Exactly one of the two applied each migration; the other found it done.
  int applied_lines = 0;
  for (HostProcess* h : {&first, &second}) {
    const std::string out = h->Output();
    for (size_t at = out.find("applied migration"); at != std::string::npos;
         at = out.find("applied migration", at + 1)) {
      ++applied_lines;
    }
  }
  EXPECT_EQ(applied_lines, migrations);
}

}  // namespace
}  // namespace fgc
