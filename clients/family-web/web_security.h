// The family web's defences, as pure functions and small types: the session cookie that stands
// in for the invitation token after the first visit (sealed with AES-256-GCM, so it can be
// neither read nor forged), CSRF tokens bound to it, a per-client rate limit on token lookups,
// and the response headers every page carries.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace fgc::family_web {

inline constexpr char kSessionCookie[] = "fgc_session";

// What a session cookie holds once opened.
struct Session {
  std::string invitation_token;  // the link's token, exactly as the family received it
  std::string language;          // the language they chose, or "" for Accept-Language
  absl::Time issued;
};

// Seals and opens session cookie values with a 32-byte key (from the host's state directory).
// A value is base64url(version || nonce || ciphertext || tag) (common/crypto/aes_gcm.h); anything
// changed, another key,
// or a session older than `max_age` opens to UNAUTHENTICATED. Thread-safe (immutable).
class SessionSealer {
 public:
  // INVALID_ARGUMENT unless `key` is 32 bytes.
  static absl::StatusOr<SessionSealer> Create(std::string key, absl::Duration max_age);

  absl::StatusOr<std::string> Seal(const Session& session) const;
  absl::StatusOr<Session> Open(std::string_view cookie_value, absl::Time now) const;

  // The CSRF token for forms of the session whose cookie value is `cookie_value`:
  // base64url(HMAC-SHA256(key, "csrf\n" || cookie_value)); and its check, in constant time.
  std::string CsrfToken(std::string_view cookie_value) const;
  bool CsrfTokenMatches(std::string_view cookie_value, std::string_view presented) const;

  absl::Duration max_age() const { return max_age_; }

 private:
  SessionSealer(std::string key, absl::Duration max_age)
      : key_(std::move(key)), max_age_(max_age) {}
  std::string key_;
  absl::Duration max_age_;
};

// The Set-Cookie value for a session: HttpOnly, SameSite=Strict, Path=/, Max-Age, and Secure
// unless `loopback` (a plain-HTTP development host on 127.0.0.1 or ::1). An empty `value` with
// Max-Age=0 clears it.
std::string SessionCookieHeader(std::string_view value, absl::Duration max_age, bool loopback);
// The value of cookie `name` in a Cookie request header, or "".
std::string CookieValue(std::string_view cookie_header, std::string_view name);

// Headers every response carries: a strict Content-Security-Policy (default-src 'none';
// style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors
// 'none'), Referrer-Policy: no-referrer, X-Content-Type-Options: nosniff, X-Frame-Options: DENY,
// Cache-Control: no-store, Permissions-Policy denying what a page never needs, and
// Cross-Origin-Opener-Policy: same-origin.
std::vector<std::pair<std::string, std::string>> SecurityHeaders();

// A token bucket per client (its address): `burst` lookups at once, refilled at `per_minute`.
// Remembers at most `max_clients` clients, forgetting the longest idle first. Thread-safe.
class RateLimiter {
 public:
  RateLimiter(int burst, double per_minute, size_t max_clients = 10000);
  // Whether `client` may make one more lookup at `now` (and counts it when it may).
  bool Allow(const std::string& client, absl::Time now);

 private:
  struct Bucket {
    double tokens;
    absl::Time updated;
  };
  const int burst_;
  const double per_second_;
  const size_t max_clients_;
  absl::Mutex mu_;
  std::map<std::string, Bucket> buckets_ ABSL_GUARDED_BY(mu_);
};

}  // namespace fgc::family_web
