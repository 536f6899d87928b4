#include "services/invitations/delivery/retry_policy.h"

#include <algorithm>
#include <cmath>

namespace fgc::invitations::delivery {

absl::Status ValidateRetryPolicy(const RetryPolicy& policy) {
  if (policy.initial_backoff <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("retry initial_backoff must be positive");
  }
  if (policy.max_backoff < policy.initial_backoff) {
    return absl::InvalidArgumentError("retry max_backoff must be at least initial_backoff");
  }
  if (!(policy.multiplier >= 1.0) || !std::isfinite(policy.multiplier)) {
    return absl::InvalidArgumentError("retry multiplier must be at least 1");
  }
  if (policy.max_attempts < 1) {
    return absl::InvalidArgumentError("retry max_attempts must be at least 1");
  }
  return absl::OkStatus();
}

std::optional<absl::Time> NextAttemptTime(const RetryPolicy& policy, int attempts_made,
                                          absl::Time now, UnitRandom random,
                                          absl::Duration at_least) {
  if (attempts_made >= policy.max_attempts) return std::nullopt;
  // Work in milliseconds as doubles: multiplier^n overflows integers long before the cap
  // matters, and std::min with the cap brings it back into range.
  const double initial_ms = absl::ToDoubleMilliseconds(policy.initial_backoff);
  const double cap_ms = absl::ToDoubleMilliseconds(policy.max_backoff);
  const int exponent = std::max(0, attempts_made - 1);
  const double bound_ms = std::min(cap_ms, initial_ms * std::pow(policy.multiplier, exponent));
  const double fraction = std::clamp(random(), 0.0, 1.0);
  return now + std::max(at_least, absl::Milliseconds(std::floor(bound_ms * fraction)));
}

}  // namespace fgc::invitations::delivery
