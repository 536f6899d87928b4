#include "common/base/config.h"

#include <gtest/gtest.h>

#include <map>

#include "common/base/errors.h"

namespace fgc {
namespace {

EnvLookup FakeEnv(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(std::string(name));
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

TEST(HostConfig, DefaultsMatchTheDesign) {
  auto c = ParseHostConfig({}, FakeEnv({}));
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->listen, "127.0.0.1:50051");
  EXPECT_EQ(c->web_listen, "127.0.0.1:8080");
  EXPECT_EQ(c->metrics_listen, "127.0.0.1:9464");
  EXPECT_EQ(c->state_dir, "./.fgc-state");
  EXPECT_TRUE(c->database_url.empty());
  EXPECT_FALSE(c->production());
}

TEST(HostConfig, EnvironmentOverridesDefaults) {
  auto c = ParseHostConfig({}, FakeEnv({{"FGC_LISTEN", "127.0.0.1:0"},
                                        {"FGC_STATE_DIR", "/tmp/s"},
                                        {"FGC_DATABASE_URL", "postgresql:///x"}}));
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->listen, "127.0.0.1:0");
  EXPECT_EQ(c->state_dir, "/tmp/s");
  EXPECT_EQ(c->database_url, "postgresql:///x");
}

TEST(HostConfig, FlagsOverrideEnvironmentInBothForms) {
  auto c = ParseHostConfig({"--listen=127.0.0.1:7000", "--state-dir", "/srv/fgc"},
                           FakeEnv({{"FGC_LISTEN", "127.0.0.1:0"}, {"FGC_STATE_DIR", "/tmp"}}));
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->listen, "127.0.0.1:7000");
  EXPECT_EQ(c->state_dir, "/srv/fgc");
}

TEST(HostConfig, MigrateOnlyAndHelpAreSwitches) {
  auto c = ParseHostConfig({"--migrate-only", "--help"}, FakeEnv({}));
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->migrate_only);
  EXPECT_TRUE(c->help);
}

TEST(HostConfig, UnknownFlagNamesIt) {
  auto c = ParseHostConfig({"--lisen=1"}, FakeEnv({}));
  ASSERT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DetailsOf(c.status())->field_violations.at(0).field, "--lisen");
}

TEST(HostConfig, FlagWithoutValueIsRejected) {
  auto c = ParseHostConfig({"--listen"}, FakeEnv({}));
  EXPECT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(HostConfig, BadModeAndAddressAreRejectedTogether) {
  auto c = ParseHostConfig({"--mode=prod", "--listen=nowhere"}, FakeEnv({}));
  ASSERT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DetailsOf(c.status())->field_violations.size(), 2u);
}

TEST(HostConfig, TlsCertNeedsKey) {
  auto c = ParseHostConfig({"--tls-cert=/c.pem"}, FakeEnv({}));
  EXPECT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(HostConfig, UsageListsEveryVariable) {
  std::string usage = HostConfigUsage("fgc serve");
  for (const char* var : {"FGC_LISTEN", "FGC_WEB_LISTEN", "FGC_METRICS_LISTEN", "FGC_STATE_DIR",
                          "FGC_DATABASE_URL", "FGC_JWKS_FILE", "FGC_MODE"}) {
    EXPECT_NE(usage.find(var), std::string::npos) << var;
  }
}

}  // namespace
}  // namespace fgc
