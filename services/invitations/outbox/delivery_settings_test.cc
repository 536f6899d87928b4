// The senders built from the host's configuration: channels left unset are not configured, and
// settings the senders refuse name the flag.
#include "services/invitations/outbox/delivery_settings.h"

#include <gtest/gtest.h>

#include "common/base/errors.h"

namespace fgc::invitations::outbox {
namespace {

TEST(DeliverySettings, NothingSetConfiguresNoChannel) {
  auto senders = SendersFromConfig(HostConfig{});
  ASSERT_TRUE(senders.ok()) << senders.status();
  EXPECT_FALSE(senders->email.has_value());
  EXPECT_FALSE(senders->sms.has_value());
}

TEST(DeliverySettings, BothChannelsFromTheirSettings) {
  HostConfig config;
  config.smtp_url = "smtp+plaintext://127.0.0.1:2525";
  config.smtp_from = "\"Family meetings\" <fgc@council.example>";
  config.sms_webhook_url = "https://sms.example/v1/messages";
  config.sms_webhook_secret = "s3cret";
  auto senders = SendersFromConfig(config);
  ASSERT_TRUE(senders.ok()) << senders.status();
  EXPECT_TRUE(senders->email.has_value());
  EXPECT_TRUE(senders->sms.has_value());
  EXPECT_EQ(senders->email_from.address, "fgc@council.example");
  EXPECT_EQ(senders->email_from.display_name, "Family meetings");
}

TEST(DeliverySettings, ARefusedWebhookNamesItsFlag) {
  HostConfig config;
  config.sms_webhook_url = "https://sms.example/v1";
  config.sms_webhook_secret = "two\nlines";
  auto senders = SendersFromConfig(config);
  ASSERT_EQ(senders.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DetailsOf(senders.status())->field_violations.at(0).field, "--sms-webhook-url");
}

TEST(DeliverySettings, ABadFromNamesItsFlag) {
  HostConfig config;
  config.smtp_url = "smtps://mail.example";
  config.smtp_from = "not an address";
  auto senders = SendersFromConfig(config);
  ASSERT_EQ(senders.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DetailsOf(senders.status())->field_violations.at(0).field, "--smtp-from");
}

TEST(DeliverySettings, MailboxesWithAndWithoutNames) {
  auto plain = ParseMailbox("fgc@council.example");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->address, "fgc@council.example");
  EXPECT_TRUE(plain->display_name.empty());
  auto named = ParseMailbox("Cyngor <fgc@council.example>");
  ASSERT_TRUE(named.ok());
  EXPECT_EQ(named->display_name, "Cyngor");
  EXPECT_FALSE(ParseMailbox("Name <broken").ok());
}

}  // namespace
}  // namespace fgc::invitations::outbox
