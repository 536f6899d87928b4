#include "services/invitations/delivery/webhook_sender.h"

#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "services/invitations/delivery/receiver_process.h"

namespace fgc::invitations::delivery {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kSecret[] = "s3cret-token-for-tests";

SmsMessage ArabicSms() {
  return SmsMessage{.notification_id = "tenants/t1/conferences/c1/notifications/n7",
                    .to = "+447700900123",
                    .text = "مرحبا، اجتماع العائلة يوم الأربعاء الساعة 10:00",
                    .language_code = "ar"};
}

WebhookConfig ConfigFor(std::string url) {
  return WebhookConfig{.url = std::move(url),
                       .bearer_secret = kSecret,
                       .connect_timeout = absl::Seconds(5),
                       .total_timeout = absl::Seconds(20)};
}

TEST(WebhookBody, HoldsIdRecipientTextAndLanguage) {
  const nlohmann::json body = nlohmann::json::parse(WebhookBody(ArabicSms()));
  EXPECT_EQ(body, (nlohmann::json{{"id", "tenants/t1/conferences/c1/notifications/n7"},
                                  {"to", "+447700900123"},
                                  {"text", "مرحبا، اجتماع العائلة يوم الأربعاء الساعة 10:00"},
                                  {"language", "ar"}}));
}

TEST(WebhookBody, ReplacesInvalidUtf8InsteadOfFailing) {
  SmsMessage sms = ArabicSms();
  sms.text = "bad \xC3 byte";
  EXPECT_TRUE(nlohmann::json::accept(WebhookBody(sms)));
}

TEST(WebhookSenderCreate, AcceptsHttpsAnywhere) {
  EXPECT_TRUE(WebhookSender::Create(ConfigFor("https://sms.example.org/v1/send")).ok());
}

TEST(WebhookSenderCreate, AcceptsHttpOnlyToLoopback) {
  EXPECT_TRUE(WebhookSender::Create(ConfigFor("http://127.0.0.1:8080/sms")).ok());
  EXPECT_TRUE(WebhookSender::Create(ConfigFor("http://[::1]:8080/sms")).ok());
  EXPECT_EQ(WebhookSender::Create(ConfigFor("http://sms.example.org/send")).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(WebhookSenderCreate, RejectsOtherSchemesAndCredentialsInTheUrl) {
  EXPECT_FALSE(WebhookSender::Create(ConfigFor("ftp://sms.example.org/send")).ok());
  EXPECT_FALSE(WebhookSender::Create(ConfigFor("https://user:pw@sms.example.org/send")).ok());
  EXPECT_FALSE(WebhookSender::Create(ConfigFor("not a url")).ok());
}

TEST(WebhookSenderCreate, RejectsAMissingOrMultiLineSecret) {
  WebhookConfig config = ConfigFor("https://sms.example.org/send");
  config.bearer_secret = "";
  EXPECT_FALSE(WebhookSender::Create(config).ok());
  config.bearer_secret = "abc\r\nX-Injected: 1";
  EXPECT_FALSE(WebhookSender::Create(config).ok());
}

// Each test gets its own HTTP receiver on a free loopback port.
class WebhookSenderIntegration : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<ReceiverProcess> started =
        ReceiverProcess::Start(FGC_DELIVERY_TEST_DIR "/webhook_receiver.py");
    ASSERT_TRUE(started.ok()) << started.status();
    receiver_.emplace(std::move(*started));
  }

  DeliveryOutcome SendTo(const std::string& path) {
    absl::StatusOr<WebhookSender> sender = WebhookSender::Create(
        ConfigFor(absl::StrCat("http://127.0.0.1:", receiver_->port(), path)));
    EXPECT_TRUE(sender.ok()) << sender.status();
    if (!sender.ok()) return {};
    return sender->Send(ArabicSms());
  }

  std::optional<ReceiverProcess> receiver_;
};

TEST_F(WebhookSenderIntegration, PostsTheJsonWithTheBearerSecret) {
  const DeliveryOutcome outcome = SendTo("/sms");
  ASSERT_EQ(outcome.result, DeliveryResult::kDelivered) << outcome.detail;
  EXPECT_EQ(outcome.reply_code, 202);

  const nlohmann::json got =
      nlohmann::json::parse(receiver_->ReadOutput("request-1.json").value_or("{}"));
  EXPECT_EQ(got["path"], "/sms");
  EXPECT_EQ(got["authorization"], absl::StrCat("Bearer ", kSecret));
  EXPECT_EQ(got["content_type"], "application/json; charset=utf-8");
  EXPECT_EQ(got["idempotency_key"], "tenants/t1/conferences/c1/notifications/n7");
  EXPECT_EQ(got["body"], nlohmann::json::parse(WebhookBody(ArabicSms())));
  EXPECT_EQ(got["body"]["text"], ArabicSms().text);
}

TEST_F(WebhookSenderIntegration, ServiceUnavailableIsRetriedLater) {
  const DeliveryOutcome outcome = SendTo("/busy");
  EXPECT_EQ(outcome.result, DeliveryResult::kRetryLater);
  EXPECT_EQ(outcome.reply_code, 503);
}

TEST_F(WebhookSenderIntegration, TooManyRequestsIsRetriedLaterAfterTheProvidersRetryAfter) {
  const DeliveryOutcome outcome = SendTo("/limited");
  EXPECT_EQ(outcome.result, DeliveryResult::kRetryLater);
  EXPECT_EQ(outcome.retry_after, absl::Seconds(120));
}

TEST_F(WebhookSenderIntegration, BadRequestIsPermanentWithTheProvidersReason) {
  const DeliveryOutcome outcome = SendTo("/bad");
  EXPECT_EQ(outcome.result, DeliveryResult::kPermanentFailure);
  EXPECT_EQ(outcome.reply_code, 400);
  EXPECT_EQ(outcome.detail, "invalid phone number");
  EXPECT_THAT(outcome.detail, Not(HasSubstr(kSecret)));
}

TEST(WebhookSenderIntegrationRefused, NothingListeningIsRetriedLater) {
  RefusingPort refusing;
  ASSERT_NE(refusing.port(), 0);
  absl::StatusOr<WebhookSender> sender =
      WebhookSender::Create(ConfigFor(absl::StrCat("http://127.0.0.1:", refusing.port(), "/sms")));
  ASSERT_TRUE(sender.ok());
  const DeliveryOutcome outcome = sender->Send(ArabicSms());
  EXPECT_EQ(outcome.result, DeliveryResult::kRetryLater);
  EXPECT_EQ(outcome.reply_code, 0);
  EXPECT_THAT(outcome.detail, Not(HasSubstr(kSecret)));
}

TEST(WebhookSenderIntegrationSilent, AnEndpointThatNeverAnswersTimesOutAndIsRetriedLater) {
  SilentPort silent;
  ASSERT_NE(silent.port(), 0);
  WebhookConfig config = ConfigFor(absl::StrCat("http://127.0.0.1:", silent.port(), "/sms"));
  config.total_timeout = absl::Seconds(1);
  absl::StatusOr<WebhookSender> sender = WebhookSender::Create(config);
  ASSERT_TRUE(sender.ok());
  const DeliveryOutcome outcome = sender->Send(ArabicSms());
  EXPECT_EQ(outcome.result, DeliveryResult::kRetryLater);
  EXPECT_THAT(outcome.detail, HasSubstr("Timeout"));
}

// The receiver over HTTPS with a fresh self-signed certificate.
class WebhookSenderTlsIntegration : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<ReceiverProcess> started =
        ReceiverProcess::Start(FGC_DELIVERY_TEST_DIR "/webhook_receiver.py", {"--tls"});
    ASSERT_TRUE(started.ok()) << started.status();
    receiver_.emplace(std::move(*started));
  }

  WebhookConfig HttpsConfig() const {
    return ConfigFor(absl::StrCat("https://127.0.0.1:", receiver_->port(), "/sms"));
  }

  std::optional<ReceiverProcess> receiver_;
};

TEST_F(WebhookSenderTlsIntegration, HttpsWithATrustedCertificateDelivers) {
  WebhookConfig config = HttpsConfig();
  config.ca_file = (receiver_->output_dir() / "cert.pem").string();
  absl::StatusOr<WebhookSender> sender = WebhookSender::Create(config);
  ASSERT_TRUE(sender.ok());
  const DeliveryOutcome outcome = sender->Send(ArabicSms());
  EXPECT_EQ(outcome.result, DeliveryResult::kDelivered) << outcome.detail;
  EXPECT_TRUE(receiver_->ReadOutput("request-1.json").ok());
}

TEST_F(WebhookSenderTlsIntegration, AnUntrustedCertificateSendsNothingAndIsRetriedLater) {
  absl::StatusOr<WebhookSender> sender = WebhookSender::Create(HttpsConfig());
  ASSERT_TRUE(sender.ok());
  const DeliveryOutcome outcome = sender->Send(ArabicSms());
  EXPECT_EQ(outcome.result, DeliveryResult::kRetryLater);
  EXPECT_THAT(outcome.detail, HasSubstr("certificate"));
  EXPECT_FALSE(receiver_->ReadOutput("request-1.json").ok());
}

}  // namespace
}  // namespace fgc::invitations::delivery
