// When the outbox worker tries a failed notification again: exponential backoff with full
// jitter (a uniformly random wait up to the exponential bound, so that many notifications
// failing together do not retry together), a cap on the wait, and a limit on attempts.
#pragma once

#include <optional>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/time/time.h"

namespace fgc::invitations::delivery {

struct RetryPolicy {
  absl::Duration initial_backoff = absl::Seconds(30);  // the bound after the first attempt
  absl::Duration max_backoff = absl::Hours(6);         // no bound grows past this
  double multiplier = 2.0;                             // the bound's growth per attempt
  int max_attempts = 10;                               // attempts in all, the first included
};

// OK when the policy makes sense: positive backoffs, initial <= max, multiplier >= 1, at least
// one attempt.
absl::Status ValidateRetryPolicy(const RetryPolicy& policy);

// A random number in [0, 1).
using UnitRandom = absl::FunctionRef<double()>;

// When to try again after `attempts_made` attempts (1 after the first) have failed at `now`,
// or nullopt when the policy says give up. The wait is random(0..1) times
// min(max_backoff, initial_backoff * multiplier^(attempts_made - 1)), rounded to whole
// milliseconds, and never less than `at_least` (the provider's Retry-After).
std::optional<absl::Time> NextAttemptTime(const RetryPolicy& policy, int attempts_made,
                                          absl::Time now, UnitRandom random,
                                          absl::Duration at_least = absl::ZeroDuration());

}  // namespace fgc::invitations::delivery
