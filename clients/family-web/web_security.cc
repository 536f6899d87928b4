#include "clients/family-web/web_security.h"

#include <algorithm>
#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "common/base/errors.h"
#include "common/crypto/aes_gcm.h"
#include "common/crypto/encoding.h"
#include "common/crypto/random.h"
#include "common/crypto/sha256.h"

namespace fgc::family_web {
namespace {

// Binds the sealed bytes to this use: no other sealed value of fgc opens as a session.
constexpr std::string_view kSessionAad = "fgc-family-session-v1";
constexpr std::string_view kCsrfLabel = "csrf\n";
constexpr std::string_view kInvalidReason = "INVITATION_TOKEN_INVALID";
// Browsers drop cookies past about 4096 bytes, name and attributes included, without a word;
// refusing to seal more makes that failure loud, and opening refuses more before decoding.
constexpr size_t kMaxCookieValueSize = 3800;

// The plaintext inside the seal: u32 length || token || u32 length || language || i64 issued
// (Unix nanoseconds), all big-endian, nothing after. One session has one encoding.
void AppendUint(std::string& out, uint64_t value, int bytes) {
  for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((value >> shift) & 0xff));
  }
}

bool ReadUint(std::string_view& in, int bytes, uint64_t& value) {
  if (in.size() < static_cast<size_t>(bytes)) return false;
  value = 0;
  for (int i = 0; i < bytes; ++i) value = (value << 8) | static_cast<uint8_t>(in[i]);
  in.remove_prefix(bytes);
  return true;
}

void AppendField(std::string& out, std::string_view field) {
  AppendUint(out, field.size(), 4);
  out.append(field);
}

bool ReadField(std::string_view& in, std::string& field) {
  uint64_t size = 0;
  if (!ReadUint(in, 4, size) || size > in.size()) return false;
  field.assign(in.substr(0, size));
  in.remove_prefix(size);
  return true;
}

std::string SerializeSession(const Session& session) {
  std::string out;
  AppendField(out, session.invitation_token);
  AppendField(out, session.language);
  AppendUint(out, static_cast<uint64_t>(absl::ToUnixNanos(session.issued)), 8);
  return out;
}

bool ParseSession(std::string_view in, Session& session) {
  uint64_t issued = 0;
  if (!ReadField(in, session.invitation_token) || !ReadField(in, session.language) ||
      !ReadUint(in, 8, issued) || !in.empty()) {
    return false;
  }
  session.issued = absl::FromUnixNanos(static_cast<int64_t>(issued));
  return true;
}

absl::Status InvalidSession() {
  return Unauthenticated(kInvalidReason,
                         "this session is not valid: please open your invitation link again");
}

bool IsBase64UrlChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

absl::StatusOr<SessionSealer> SessionSealer::Create(std::string key, absl::Duration max_age) {
  if (key.size() != crypto::kAesGcmKeySize) {
    return absl::InvalidArgumentError("the session key must be 32 bytes");
  }
  if (max_age <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("the session max_age must be positive");
  }
  return SessionSealer(std::move(key), max_age);
}

absl::StatusOr<std::string> SessionSealer::Seal(const Session& session) const {
  absl::StatusOr<std::string> sealed =
      crypto::AesGcmSeal(key_, SerializeSession(session), kSessionAad);
  if (!sealed.ok()) return sealed.status();
  std::string value = crypto::Base64UrlEncode(*sealed);
  if (value.size() > kMaxCookieValueSize) {
    return absl::InvalidArgumentError("the session is too large for a cookie");
  }
  return value;
}

absl::StatusOr<Session> SessionSealer::Open(std::string_view cookie_value, absl::Time now) const {
  if (cookie_value.size() > kMaxCookieValueSize) return InvalidSession();
  absl::StatusOr<std::string> sealed = crypto::Base64UrlDecode(cookie_value);
  if (!sealed.ok()) return InvalidSession();
  absl::StatusOr<std::string> plaintext = crypto::AesGcmOpen(key_, *sealed, kSessionAad);
  if (!plaintext.ok()) {
    // DATA_LOSS is anything that does not authenticate; anything else is ours, not theirs.
    if (plaintext.status().code() == absl::StatusCode::kDataLoss) return InvalidSession();
    return plaintext.status();
  }
  Session session;
  // Only this sealer's key can have sealed it, so a bad layout means a bug, still refused.
  if (!ParseSession(*plaintext, session)) return InvalidSession();
  if (now - session.issued > max_age_) {
    return Unauthenticated(kInvalidReason,
                           "this session has expired: please open your invitation link again");
  }
  return session;
}

std::string SessionSealer::CsrfToken(std::string_view cookie_value) const {
  std::string message(kCsrfLabel);
  message.append(cookie_value);
  return crypto::Base64UrlEncode(crypto::HmacSha256(key_, message));
}

bool SessionSealer::CsrfTokenMatches(std::string_view cookie_value,
                                     std::string_view presented) const {
  // No session, no form to protect: an empty cookie never vouches for a token.
  if (cookie_value.empty()) return false;
  return crypto::ConstantTimeEquals(CsrfToken(cookie_value), presented);
}

std::string SessionCookieHeader(std::string_view value, absl::Duration max_age, bool loopback) {
  // The value lands in a response header: anything a sealer cannot have made (';', CR, LF...)
  // clears the cookie instead of setting attributes or headers of its own.
  const bool safe = std::all_of(value.begin(), value.end(), IsBase64UrlChar);
  const int64_t seconds = safe ? std::max<int64_t>(0, absl::ToInt64Seconds(max_age)) : 0;
  std::string header(kSessionCookie);
  header.append("=");
  if (safe) header.append(value);
  header.append("; Path=/; Max-Age=");
  header.append(std::to_string(seconds));
  header.append("; HttpOnly; SameSite=Strict");
  if (!loopback) header.append("; Secure");
  return header;
}

std::string CookieValue(std::string_view cookie_header, std::string_view name) {
  if (name.empty()) return "";
  while (!cookie_header.empty()) {
    const size_t end = std::min(cookie_header.find(';'), cookie_header.size());
    const std::string_view pair = TrimSpaces(cookie_header.substr(0, end));
    cookie_header.remove_prefix(std::min(end + 1, cookie_header.size()));
    const size_t equals = pair.find('=');
    if (equals == std::string_view::npos || TrimSpaces(pair.substr(0, equals)) != name) continue;
    std::string_view value = TrimSpaces(pair.substr(equals + 1));
    // RFC 6265 lets a value be quoted; the quotes are not part of it.
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return "";
}

std::vector<std::pair<std::string, std::string>> SecurityHeaders() {
  return {
      {"Content-Security-Policy",
       "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Cache-Control", "no-store"},
      {"Permissions-Policy",
       "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
       "microphone=(), payment=(), usb=()"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
  };
}

RateLimiter::RateLimiter(int burst, double per_minute, size_t max_clients)
    : burst_(std::max(burst, 0)),
      per_second_(std::max(per_minute, 0.0) / 60.0),
      max_clients_(std::max<size_t>(max_clients, 1)) {}

bool RateLimiter::Allow(const std::string& client, absl::Time now) {
  absl::MutexLock lock(&mu_);
  auto it = buckets_.find(client);
  if (it == buckets_.end()) {
    // A linear scan, but only when a new client arrives at a full table.
    if (buckets_.size() >= max_clients_) {
      buckets_.erase(std::min_element(
          buckets_.begin(), buckets_.end(),
          [](const auto& a, const auto& b) { return a.second.updated < b.second.updated; }));
    }
    it = buckets_.emplace(client, Bucket{static_cast<double>(burst_), now}).first;
  }
  Bucket& bucket = it->second;
  // A clock that steps back refills nothing rather than draining.
  if (now > bucket.updated) {
    const double elapsed = absl::ToDoubleSeconds(now - bucket.updated);
    bucket.tokens = std::min(static_cast<double>(burst_), bucket.tokens + elapsed * per_second_);
    bucket.updated = now;
  }
  if (bucket.tokens < 1.0) return false;
  bucket.tokens -= 1.0;
  return true;
}

}  // namespace fgc::family_web
