#include "services/invitations/delivery/retry_policy.h"

#include <random>

#include "gtest/gtest.h"

namespace fgc::invitations::delivery {
namespace {

const absl::Time kNow = absl::FromUnixSeconds(1795570088);
constexpr double kAlmostOne = 0.999999;

absl::Duration WaitAfter(const RetryPolicy& policy, int attempts_made, double random) {
  const std::optional<absl::Time> next =
      NextAttemptTime(policy, attempts_made, kNow, [random] { return random; });
  EXPECT_TRUE(next.has_value());
  return next.value_or(kNow) - kNow;
}

TEST(NextAttemptTime, ZeroFromTheRandomSourceMeansRetryNow) {
  EXPECT_EQ(WaitAfter(RetryPolicy{}, 3, 0.0), absl::ZeroDuration());
}

TEST(NextAttemptTime, UpperBoundGrowsByTheMultiplierPerAttempt) {
  const RetryPolicy policy{.initial_backoff = absl::Seconds(30), .max_backoff = absl::Hours(6)};
  EXPECT_EQ(WaitAfter(policy, 1, kAlmostOne), absl::Milliseconds(29999));
  EXPECT_EQ(WaitAfter(policy, 2, kAlmostOne), absl::Milliseconds(59999));
  EXPECT_EQ(WaitAfter(policy, 3, kAlmostOne), absl::Milliseconds(119999));
}

TEST(NextAttemptTime, WaitIsTheRandomFractionOfTheBound) {
  const RetryPolicy policy{.initial_backoff = absl::Seconds(10), .max_backoff = absl::Hours(1)};
  EXPECT_EQ(WaitAfter(policy, 2, 0.25), absl::Seconds(5));
}

TEST(NextAttemptTime, BoundStopsAtTheCap) {
  const RetryPolicy policy{
      .initial_backoff = absl::Seconds(30), .max_backoff = absl::Minutes(10), .max_attempts = 50};
  EXPECT_EQ(WaitAfter(policy, 20, 0.5), absl::Minutes(5));
}

TEST(NextAttemptTime, HugeAttemptNumbersDoNotOverflow) {
  const RetryPolicy policy{.max_backoff = absl::Hours(6), .max_attempts = 1'000'000};
  EXPECT_EQ(WaitAfter(policy, 999'999, 0.5), absl::Hours(3));
}

TEST(NextAttemptTime, WaitsAtLeastAsLongAsTheProviderAsked) {
  const RetryPolicy policy{.initial_backoff = absl::Seconds(10)};
  const auto half = [] { return 0.5; };
  EXPECT_EQ(*NextAttemptTime(policy, 1, kNow, half, absl::Seconds(120)), kNow + absl::Seconds(120));
  EXPECT_EQ(*NextAttemptTime(policy, 1, kNow, half, absl::Seconds(1)), kNow + absl::Seconds(5));
}

TEST(NextAttemptTime, GivesUpAfterMaxAttempts) {
  const RetryPolicy policy{.max_attempts = 4};
  EXPECT_TRUE(NextAttemptTime(policy, 3, kNow, [] { return 0.5; }).has_value());
  EXPECT_FALSE(NextAttemptTime(policy, 4, kNow, [] { return 0.5; }).has_value());
}

TEST(NextAttemptTime, JitterSpreadsRetriesAcrossTheWholeWindow) {
  const RetryPolicy policy{.initial_backoff = absl::Seconds(60)};
  std::mt19937_64 engine(42);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  absl::Duration least = absl::InfiniteDuration(), most = absl::ZeroDuration();
  for (int i = 0; i < 1000; ++i) {
    const absl::Duration wait =
        *NextAttemptTime(policy, 1, kNow, [&] { return unit(engine); }) - kNow;
    ASSERT_GE(wait, absl::ZeroDuration());
    ASSERT_LT(wait, absl::Seconds(60));
    least = std::min(least, wait);
    most = std::max(most, wait);
  }
  EXPECT_LT(least, absl::Seconds(3));
  EXPECT_GT(most, absl::Seconds(57));
}

TEST(ValidateRetryPolicy, AcceptsTheDefaults) { EXPECT_TRUE(ValidateRetryPolicy({}).ok()); }

TEST(ValidateRetryPolicy, RejectsACapBelowTheInitialBackoff) {
  EXPECT_FALSE(
      ValidateRetryPolicy({.initial_backoff = absl::Hours(1), .max_backoff = absl::Minutes(1)})
          .ok());
}

TEST(ValidateRetryPolicy, RejectsAShrinkingMultiplierAndNoAttempts) {
  EXPECT_FALSE(ValidateRetryPolicy({.multiplier = 0.5}).ok());
  EXPECT_FALSE(ValidateRetryPolicy({.max_attempts = 0}).ok());
}

}  // namespace
}  // namespace fgc::invitations::delivery
