// fgcctl end to end against a real `fgc serve`: health, development tokens, and how failures
// are reported to a person and to a script.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "fgc/v1/scheduling_service.grpc.pb.h"
#include "nlohmann/json.hpp"
#include "tests/support/host_process.h"
#include "tests/support/run_command.h"
#include "tests/support/serving_host.h"

namespace fgc {
namespace {

using testing::RunCommand;

class FgcctlAgainstAHost : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    host_ = new testing::ServingHost();
    ASSERT_TRUE(host_->serving()) << host_->process().Output();
    state_ = host_->state_dir();
    address_ = host_->address();
  }
  static void TearDownTestSuite() { delete host_; }
  static std::map<std::string, std::string> Env() {
    return {{"FGC_ADDR", address_}, {"FGC_STATE_DIR", state_}};
  }

  static testing::ServingHost* host_;
  static std::string state_;
  static std::string address_;
};

testing::ServingHost* FgcctlAgainstAHost::host_ = nullptr;
std::string FgcctlAgainstAHost::state_;
std::string FgcctlAgainstAHost::address_;

TEST_F(FgcctlAgainstAHost, HealthSaysEveryServiceIsServing) {
  auto r = RunCommand("fgcctl", {"health"}, Env());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* name : {"fgc.v1.SchedulingService", "fgc.v1.InvitationService",
                           "fgc.v1.PlanService", "fgc.v1.LedgerService", "overall"}) {
    EXPECT_NE(r.out.find(name), std::string::npos) << name;
  }
  EXPECT_EQ(r.out.find("NOT_SERVING"), std::string::npos);
}

TEST_F(FgcctlAgainstAHost, HealthAsJsonIsForScripts) {
  auto r = RunCommand("fgcctl", {"--json", "health"}, Env());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.size(), 5u);
  for (const auto& [name, state] : j.items()) EXPECT_EQ(state, "SERVING") << name;
}

TEST_F(FgcctlAgainstAHost, ADevTokenOpensTheDoor) {
  auto r =
      RunCommand("fgcctl", {"dev", "token", "--role", "coordinator", "--tenant", "demo"}, Env());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string token = r.out.substr(0, r.out.find('\n'));
  auto stub = v1::SchedulingService::NewStub(
      grpc::CreateChannel(address_, grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.AddMetadata("authorization", "Bearer " + token);
  v1::GetConferenceRequest request;
  request.set_name("tenants/demo/conferences/c1");
  v1::GetConferenceResponse response;
  // Past authentication and the role table: what answers is the method (no such conference).
  EXPECT_EQ(stub->GetConference(&context, request, &response).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(FgcctlAgainstAHost, DevTokenAsJsonHasAnExpiry) {
  auto r = RunCommand(
      "fgcctl", {"--json", "dev", "token", "--role", "auditor", "--tenant", "demo", "--ttl", "30m"},
      Env());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_FALSE(j["token"].get<std::string>().empty());
  EXPECT_FALSE(j["expires_at"].get<std::string>().empty());
}

TEST_F(FgcctlAgainstAHost, DevTokenRefusesAnUnknownRole) {
  auto r = RunCommand("fgcctl", {"dev", "token", "--role", "wizard", "--tenant", "demo"}, Env());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--role"), std::string::npos) << r.err;
}

TEST_F(FgcctlAgainstAHost, DevTokenWithoutAStateDirectorySaysWhatToDo) {
  testing::TempDir empty;
  auto r = RunCommand("fgcctl", {"dev", "token", "--role", "coordinator", "--tenant", "demo",
                                 "--state-dir", empty.path()});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("fgc serve"), std::string::npos) << r.err;
}

TEST(Fgcctl, AnUnreachableServerIsAFailureWithTheStatus) {
  auto r = RunCommand("fgcctl", {"--addr", "127.0.0.1:1", "--timeout", "2", "--json", "health"});
  EXPECT_NE(r.exit_code, 0);
  auto j = nlohmann::json::parse(r.err, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.err;
  EXPECT_TRUE(j["code"] == "UNAVAILABLE" || j["code"] == "DEADLINE_EXCEEDED") << r.err;
}

}  // namespace
}  // namespace fgc
