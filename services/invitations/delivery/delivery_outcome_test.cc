#include "services/invitations/delivery/delivery_outcome.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace fgc::invitations::delivery {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(FromSmtpReply, TwoHundredsAreDelivered) {
  const DeliveryOutcome outcome = FromSmtpReply(250, "250 2.0.0 Ok: queued", "a@b.example");
  EXPECT_EQ(outcome.result, DeliveryResult::kDelivered);
  EXPECT_EQ(outcome.reply_code, 250);
}

TEST(FromSmtpReply, FourHundredsAreRetriedLater) {
  const DeliveryOutcome outcome = FromSmtpReply(451, "451 4.3.0 try later", "a@b.example");
  EXPECT_EQ(outcome.result, DeliveryResult::kRetryLater);
  EXPECT_EQ(outcome.reply_code, 451);
}

TEST(FromSmtpReply, FiveHundredsArePermanentWithTheServersText) {
  const DeliveryOutcome outcome =
      FromSmtpReply(550, "550 5.1.1 <a@b.example>: Recipient address rejected\r\n", "a@b.example");
  EXPECT_EQ(outcome.result, DeliveryResult::kPermanentFailure);
  EXPECT_EQ(outcome.reply_code, 550);
  EXPECT_EQ(outcome.detail, "550 5.1.1 <<recipient>>: Recipient address rejected");
}

TEST(FromSmtpReply, AnUnexpectedCodeIsRetriedLater) {
  EXPECT_EQ(FromSmtpReply(354, "354 go ahead", "").result, DeliveryResult::kRetryLater);
}

TEST(FromHttpStatus, ClassifiesLikeTheProviderMeansIt) {
  const struct {
    int status;
    DeliveryResult result;
  } cases[] = {
      {200, DeliveryResult::kDelivered},        {202, DeliveryResult::kDelivered},
      {408, DeliveryResult::kRetryLater},       {429, DeliveryResult::kRetryLater},
      {500, DeliveryResult::kRetryLater},       {503, DeliveryResult::kRetryLater},
      {302, DeliveryResult::kRetryLater},       {400, DeliveryResult::kPermanentFailure},
      {401, DeliveryResult::kPermanentFailure}, {404, DeliveryResult::kPermanentFailure},
      {422, DeliveryResult::kPermanentFailure},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FromHttpStatus(c.status, "", "").result, c.result) << c.status;
  }
}

TEST(TransportFailure, IsRetriedLaterWithoutAReplyCode) {
  const DeliveryOutcome outcome = TransportFailure("Couldn't connect to server");
  EXPECT_EQ(outcome.result, DeliveryResult::kRetryLater);
  EXPECT_EQ(outcome.reply_code, 0);
}

TEST(SanitizedDetail, IsOneShortLineWithoutTheRecipient) {
  const std::string detail =
      SanitizedDetail("bad number +447700900123\n" + std::string(500, 'x'), "+447700900123");
  EXPECT_THAT(detail, Not(HasSubstr("447700900123")));
  EXPECT_THAT(detail, Not(HasSubstr("\n")));
  EXPECT_LE(detail.size(), 200u);
}

}  // namespace
}  // namespace fgc::invitations::delivery
