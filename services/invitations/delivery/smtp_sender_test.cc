#include "services/invitations/delivery/smtp_sender.h"

#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "services/invitations/delivery/receiver_process.h"

namespace fgc::invitations::delivery {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

SmtpConfig LoopbackConfig(int port) {
  SmtpConfig config;
  config.host = "127.0.0.1";
  config.port = port;
  config.security = SmtpSecurity::kPlaintext;
  config.connect_timeout = absl::Seconds(5);
  config.total_timeout = absl::Seconds(20);
  return config;
}

EmailMessage PolishWelshArabicMessage(std::string to) {
  EmailMessage m;
  m.from = {"noreply@fgc.example", "Gwasanaeth Cynadleddau Grŵp Teulu"};
  m.to = {std::move(to), "Zofia Wiśniewska"};
  m.subject = "Zaproszenie: konferencja grupy rodzinnej — środa, 10:00";
  m.body_text =
      "Szanowna Pani Zofio,\n"
      "zapraszamy na konferencję grupy rodzinnej w środę o 10:00.\n"
      "Croeso i chi — dydd Mercher, ŵyr ac ŷd.\n"
      "مرحبا بكم في اجتماع العائلة\n";
  m.language_code = "pl";
  m.notification_id = "tenants/t1/conferences/c1/notifications/n42";
  m.date = absl::FromUnixSeconds(1795570088);
  return m;
}

// The body as it travels: the same text with CRLF line ends.
std::string WithCrlf(const std::string& text) {
  return absl::StrReplaceAll(text, {{"\n", "\r\n"}});
}

TEST(SmtpSenderCreate, RejectsPlaintextToAHostThatIsNotLoopback) {
  SmtpConfig config = LoopbackConfig(25);
  config.host = "smtp.example.org";
  EXPECT_EQ(SmtpSender::Create(config).status().code(), absl::StatusCode::kInvalidArgument);
  config.security = SmtpSecurity::kStartTlsOpportunistic;
  EXPECT_EQ(SmtpSender::Create(config).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(SmtpSenderCreate, AcceptsRequiredStartTlsToAnyHost) {
  SmtpConfig config = LoopbackConfig(587);
  config.host = "smtp.example.org";
  config.security = SmtpSecurity::kStartTlsRequired;
  EXPECT_TRUE(SmtpSender::Create(config).ok());
}

TEST(SmtpSenderCreate, RejectsAUsernameWithoutAPassword) {
  SmtpConfig config = LoopbackConfig(25);
  config.username = "fgc";
  EXPECT_EQ(SmtpSender::Create(config).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(SmtpSenderCreate, RejectsAHostThatWouldBendTheUrl) {
  SmtpConfig config = LoopbackConfig(25);
  config.host = "127.0.0.1/evil@other";
  EXPECT_EQ(SmtpSender::Create(config).status().code(), absl::StatusCode::kInvalidArgument);
}

// Each test gets its own aiosmtpd server on a free loopback port.
class SmtpSenderIntegration : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<ReceiverProcess> started =
        ReceiverProcess::Start(FGC_DELIVERY_TEST_DIR "/smtp_receiver.py");
    ASSERT_TRUE(started.ok()) << started.status();
    receiver_.emplace(std::move(*started));
    absl::StatusOr<SmtpSender> sender = SmtpSender::Create(LoopbackConfig(receiver_->port()));
    ASSERT_TRUE(sender.ok()) << sender.status();
    sender_.emplace(std::move(*sender));
  }

  nlohmann::json Received(int n) const {
    absl::StatusOr<std::string> text = receiver_->ReadOutput(absl::StrCat("message-", n, ".json"));
    EXPECT_TRUE(text.ok()) << text.status();
    return text.ok() ? nlohmann::json::parse(*text) : nlohmann::json();
  }

  std::optional<ReceiverProcess> receiver_;
  std::optional<SmtpSender> sender_;
};

TEST_F(SmtpSenderIntegration, DeliversANonAsciiMessageThatDecodesToWhatWasSent) {
  const EmailMessage message = PolishWelshArabicMessage("zofia@family.example");
  const DeliveryOutcome outcome = sender_->Send(message);
  ASSERT_EQ(outcome.result, DeliveryResult::kDelivered) << outcome.detail;
  EXPECT_EQ(outcome.reply_code, 250);

  const nlohmann::json got = Received(1);
  EXPECT_EQ(got["mail_from"], "noreply@fgc.example");
  EXPECT_THAT(got["rcpt_tos"].get<std::vector<std::string>>(), ElementsAre("zofia@family.example"));
  EXPECT_EQ(got["headers"]["subject"], message.subject);
  EXPECT_EQ(got["from_display_name"], "Gwasanaeth Cynadleddau Grŵp Teulu");
  EXPECT_EQ(got["to_display_name"], "Zofia Wiśniewska");
  EXPECT_EQ(got["headers"]["message-id"],
            "<tenants/t1/conferences/c1/notifications/n42@fgc.example>");
  EXPECT_EQ(got["headers"]["content-language"], "pl");
  EXPECT_EQ(got["headers"]["date"], "Wed, 25 Nov 2026 01:28:08 +0000");
  EXPECT_EQ(got["content_type"], "text/plain");
  EXPECT_EQ(got["charset"], "utf-8");
  EXPECT_EQ(got["body"], WithCrlf(message.body_text));
  EXPECT_THAT(got["defects"], IsEmpty());
}

TEST_F(SmtpSenderIntegration, BodyLinesStartingWithADotArriveIntact) {
  EmailMessage message = PolishWelshArabicMessage("zofia@family.example");
  message.body_text = "before\n.hidden line\n.\n..two dots\nafter\n";
  ASSERT_TRUE(sender_->Send(message).delivered());
  EXPECT_EQ(Received(1)["body"], WithCrlf(message.body_text));
  // The bytes received (stuffing undone by the server) still hold the lone-dot line.
  EXPECT_THAT(receiver_->ReadOutput("message-1.eml").value_or(""),
              HasSubstr("\r\nbefore\r\n.hidden line\r\n.\r\n..two dots\r\nafter\r\n"));
}

TEST_F(SmtpSenderIntegration, ARetriedSendCarriesTheSameMessageId) {
  const EmailMessage message = PolishWelshArabicMessage("zofia@family.example");
  ASSERT_TRUE(sender_->Send(message).delivered());
  ASSERT_TRUE(sender_->Send(message).delivered());
  EXPECT_EQ(Received(1)["headers"]["message-id"], Received(2)["headers"]["message-id"]);
}

TEST_F(SmtpSenderIntegration, UnknownRecipientIsPermanentWithTheServersReply) {
  const DeliveryOutcome outcome =
      sender_->Send(PolishWelshArabicMessage("unknown.person@family.example"));
  EXPECT_EQ(outcome.result, DeliveryResult::kPermanentFailure);
  EXPECT_EQ(outcome.reply_code, 550);
  EXPECT_THAT(outcome.detail, HasSubstr("Recipient address rejected: User unknown"));
  EXPECT_THAT(outcome.detail, Not(HasSubstr("unknown.person@family.example")));
  EXPECT_FALSE(receiver_->ReadOutput("message-1.json").ok());
}

TEST_F(SmtpSenderIntegration, TemporarilyUnavailableRecipientIsRetriedLater) {
  const DeliveryOutcome outcome = sender_->Send(PolishWelshArabicMessage("busy@family.example"));
  EXPECT_EQ(outcome.result, DeliveryResult::kRetryLater);
  EXPECT_EQ(outcome.reply_code, 451);
}

TEST_F(SmtpSenderIntegration, RequiredStartTlsThatTheServerLacksSendsNothingAndRetries) {
  SmtpConfig config = LoopbackConfig(receiver_->port());
  config.security = SmtpSecurity::kStartTlsRequired;
  absl::StatusOr<SmtpSender> strict = SmtpSender::Create(config);
  ASSERT_TRUE(strict.ok());
  const DeliveryOutcome outcome = strict->Send(PolishWelshArabicMessage("zofia@family.example"));
  EXPECT_EQ(outcome.result, DeliveryResult::kRetryLater);
  EXPECT_FALSE(receiver_->ReadOutput("message-1.json").ok());
}

TEST_F(SmtpSenderIntegration, AMessageThatCannotBeRenderedIsPermanent) {
  EmailMessage message = PolishWelshArabicMessage("zofia@family.example");
  message.subject = "two\nlines";
  EXPECT_EQ(sender_->Send(message).result, DeliveryResult::kPermanentFailure);
}

TEST(SmtpSenderIntegrationRefused, NothingListeningIsRetriedLater) {
  RefusingPort refusing;
  ASSERT_NE(refusing.port(), 0);
  absl::StatusOr<SmtpSender> sender = SmtpSender::Create(LoopbackConfig(refusing.port()));
  ASSERT_TRUE(sender.ok());
  const DeliveryOutcome outcome = sender->Send(PolishWelshArabicMessage("zofia@family.example"));
  EXPECT_EQ(outcome.result, DeliveryResult::kRetryLater);
  EXPECT_EQ(outcome.reply_code, 0);
  EXPECT_THAT(outcome.detail, Not(IsEmpty()));
}

TEST(SmtpSenderIntegrationSilent, AServerThatNeverGreetsTimesOutAndIsRetriedLater) {
  SilentPort silent;
  ASSERT_NE(silent.port(), 0);
  SmtpConfig config = LoopbackConfig(silent.port());
  config.total_timeout = absl::Seconds(1);
  absl::StatusOr<SmtpSender> sender = SmtpSender::Create(config);
  ASSERT_TRUE(sender.ok());
  const DeliveryOutcome outcome = sender->Send(PolishWelshArabicMessage("zofia@family.example"));
  EXPECT_EQ(outcome.result, DeliveryResult::kRetryLater);
  EXPECT_THAT(outcome.detail, HasSubstr("Timeout"));
}

// An aiosmtpd server that offers and requires STARTTLS, with a fresh self-signed certificate.
class SmtpSenderTlsIntegration : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<ReceiverProcess> started =
        ReceiverProcess::Start(FGC_DELIVERY_TEST_DIR "/smtp_receiver.py", {"--starttls"});
    ASSERT_TRUE(started.ok()) << started.status();
    receiver_.emplace(std::move(*started));
  }

  SmtpConfig StartTlsConfig() const {
    SmtpConfig config = LoopbackConfig(receiver_->port());
    config.security = SmtpSecurity::kStartTlsRequired;
    return config;
  }

  std::optional<ReceiverProcess> receiver_;
};

TEST_F(SmtpSenderTlsIntegration, RequiredStartTlsWithATrustedCertificateDeliversEncrypted) {
  SmtpConfig config = StartTlsConfig();
  config.ca_file = (receiver_->output_dir() / "cert.pem").string();
  absl::StatusOr<SmtpSender> sender = SmtpSender::Create(config);
  ASSERT_TRUE(sender.ok());
  const DeliveryOutcome outcome = sender->Send(PolishWelshArabicMessage("zofia@family.example"));
  ASSERT_EQ(outcome.result, DeliveryResult::kDelivered) << outcome.detail;
  const nlohmann::json got =
      nlohmann::json::parse(receiver_->ReadOutput("message-1.json").value_or("{}"));
  EXPECT_EQ(got["tls"], true);
}

TEST_F(SmtpSenderTlsIntegration, AnUntrustedCertificateSendsNothingAndIsRetriedLater) {
  absl::StatusOr<SmtpSender> sender = SmtpSender::Create(StartTlsConfig());
  ASSERT_TRUE(sender.ok());
  const DeliveryOutcome outcome = sender->Send(PolishWelshArabicMessage("zofia@family.example"));
  EXPECT_EQ(outcome.result, DeliveryResult::kRetryLater);
  EXPECT_THAT(outcome.detail, HasSubstr("certificate"));
  EXPECT_FALSE(receiver_->ReadOutput("message-1.json").ok());
}

// An aiosmtpd server that requires SMTP AUTH (over plaintext, which it allows on loopback).
class SmtpSenderAuthIntegration : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<ReceiverProcess> started =
        ReceiverProcess::Start(FGC_DELIVERY_TEST_DIR "/smtp_receiver.py", {"--auth"});
    ASSERT_TRUE(started.ok()) << started.status();
    receiver_.emplace(std::move(*started));
  }

  DeliveryOutcome SendWithPassword(const std::string& password) const {
    SmtpConfig config = LoopbackConfig(receiver_->port());
    config.username = "fgc";
    config.password = password;
    absl::StatusOr<SmtpSender> sender = SmtpSender::Create(config);
    EXPECT_TRUE(sender.ok()) << sender.status();
    if (!sender.ok()) return {};
    return sender->Send(PolishWelshArabicMessage("zofia@family.example"));
  }

  std::optional<ReceiverProcess> receiver_;
};

TEST_F(SmtpSenderAuthIntegration, TheRightPasswordDelivers) {
  const DeliveryOutcome outcome = SendWithPassword("right-password");
  EXPECT_EQ(outcome.result, DeliveryResult::kDelivered) << outcome.detail;
}

TEST_F(SmtpSenderAuthIntegration, ARejectedLoginIsRetriedLaterWithoutThePassword) {
  const DeliveryOutcome outcome = SendWithPassword("wrong-password-do-not-log");
  EXPECT_EQ(outcome.result, DeliveryResult::kRetryLater);
  EXPECT_EQ(outcome.reply_code, 535);
  EXPECT_THAT(outcome.detail, HasSubstr("login denied"));
  EXPECT_THAT(outcome.detail, Not(HasSubstr("wrong-password-do-not-log")));
  EXPECT_FALSE(receiver_->ReadOutput("message-1.json").ok());
}

}  // namespace
}  // namespace fgc::invitations::delivery
