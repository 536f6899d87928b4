#include "common/base/config.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

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

TEST(HostConfig, DeliveryIsNotConfiguredByDefault) {
  auto c = ParseHostConfig({}, FakeEnv({}));
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->smtp_url.empty());
  EXPECT_TRUE(c->sms_webhook_url.empty());
}

TEST(HostConfig, DeliverySettingsFromFlagsAndSecretsFromTheEnvironment) {
  auto c = ParseHostConfig(
      {"--smtp-url=smtp://mail.example:587", "--smtp-from", "Family meetings <fgc@council.example>",
       "--smtp-username=fgc", "--sms-webhook-url=https://sms.example/v1"},
      FakeEnv({{"FGC_SMTP_PASSWORD", "pw"}, {"FGC_SMS_WEBHOOK_SECRET", "secret"}}));
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->smtp_url, "smtp://mail.example:587");
  EXPECT_EQ(c->smtp_password, "pw");
  EXPECT_EQ(c->sms_webhook_secret, "secret");
}

TEST(HostConfig, SecretsAreRefusedAsFlags) {
  for (const char* flag : {"--smtp-password=pw", "--sms-webhook-secret=s"}) {
    auto c = ParseHostConfig({flag}, FakeEnv({}));
    ASSERT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument) << flag;
    EXPECT_NE(DetailsOf(c.status())->field_violations.at(0).description.find("FGC_"),
              std::string::npos);
  }
}

TEST(HostConfig, PlaintextSmtpOnlyToLoopback) {
  EXPECT_TRUE(ParseHostConfig({"--smtp-url=smtp+plaintext://127.0.0.1:2525",
                               "--smtp-from=fgc@localhost.example"},
                              FakeEnv({}))
                  .ok());
  auto c = ParseHostConfig(
      {"--smtp-url=smtp+plaintext://mail.example:25", "--smtp-from=fgc@council.example"},
      FakeEnv({}));
  ASSERT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DetailsOf(c.status())->field_violations.at(0).field, "--smtp-url");
}

TEST(HostConfig, SmtpUrlFormsAndDefaultPorts) {
  auto starttls = ParseSmtpUrl("smtp://mail.example");
  ASSERT_TRUE(starttls.ok());
  EXPECT_EQ(starttls->security, SmtpUrl::Security::kStartTlsRequired);
  EXPECT_EQ(starttls->port, 587);
  auto implicit = ParseSmtpUrl("smtps://[2001:db8::1]:4650");
  ASSERT_TRUE(implicit.ok());
  EXPECT_EQ(implicit->host, "2001:db8::1");
  EXPECT_EQ(implicit->port, 4650);
  for (const char* bad : {"http://mail.example", "smtp://user:pw@mail.example", "smtp://",
                          "smtp://mail.example:0", "smtp://mail.example:x", "smtp://m/path"}) {
    EXPECT_FALSE(ParseSmtpUrl(bad).ok()) << bad;
  }
}

TEST(HostConfig, EachDeliverySettingNamesItsFlag) {
  auto c = ParseHostConfig({"--smtp-url=smtp://mail.example", "--smtp-username=fgc",
                            "--sms-webhook-url=http://sms.example/v1"},
                           FakeEnv({}));
  ASSERT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument);
  std::vector<std::string> fields;
  const auto details = DetailsOf(c.status());
  ASSERT_TRUE(details.has_value());
  for (const auto& v : details->field_violations) fields.push_back(v.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"--smtp-from", "--smtp-username", "--sms-webhook-url",
                                              "--sms-webhook-url"}));
}

TEST(HostConfig, UsageNamesTheSecretsButNoFlagForThem) {
  std::string usage = HostConfigUsage("fgc serve");
  EXPECT_NE(usage.find("FGC_SMTP_PASSWORD"), std::string::npos);
  EXPECT_NE(usage.find("FGC_SMS_WEBHOOK_SECRET"), std::string::npos);
  EXPECT_EQ(usage.find("--smtp-password"), std::string::npos);
}

}  // namespace
}  // namespace fgc
