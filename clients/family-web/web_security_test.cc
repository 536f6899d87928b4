#include "clients/family-web/web_security.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "common/base/errors.h"
#include "common/crypto/aes_gcm.h"
#include "common/crypto/encoding.h"
#include "common/crypto/random.h"
#include "common/crypto/sha256.h"

namespace fgc::family_web {
namespace {

const absl::Time kIssued = absl::FromUnixSeconds(1767225600) + absl::Microseconds(123456);
const absl::Duration kMaxAge = absl::Hours(24 * 30);
const Session kSession{"Zx8f0Rk2bQ9vWm3LpT7cYh1uNa6sEe4dGi5jKo0qXrU", "mi", kIssued};

SessionSealer NewSealer(absl::Duration max_age = kMaxAge) {
  return SessionSealer::Create(crypto::RandomBytes(32).value(), max_age).value();
}

// Sealed with the sealer's key and associated data, so only the layout inside can refuse it.
std::string SealRaw(const std::string& key, const std::string& plaintext) {
  return crypto::Base64UrlEncode(
      crypto::AesGcmSeal(key, plaintext, "fgc-family-session-v1").value());
}

void ExpectRefused(const absl::StatusOr<Session>& opened) {
  ASSERT_EQ(opened.status().code(), absl::StatusCode::kUnauthenticated);
  ASSERT_TRUE(DetailsOf(opened.status()).has_value());
  EXPECT_EQ(DetailsOf(opened.status())->reason, "INVITATION_TOKEN_INVALID");
}

std::string Flipped(std::string bytes, size_t at) {
  bytes[at] = static_cast<char>(bytes[at] ^ 0x01);
  return bytes;
}

// The session sealer

TEST(SessionSealer, CreateRefusesAKeyThatIsNot32Bytes) {
  EXPECT_EQ(SessionSealer::Create(std::string(16, 'k'), kMaxAge).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(SessionSealer::Create(std::string(33, 'k'), kMaxAge).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(SessionSealer, CreateRefusesAMaxAgeThatIsNotPositive) {
  EXPECT_EQ(SessionSealer::Create(std::string(32, 'k'), absl::ZeroDuration()).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(SessionSealer, SealThenOpenRoundTripsTokenLanguageAndTime) {
  const SessionSealer sealer = NewSealer();
  const Session opened = sealer.Open(sealer.Seal(kSession).value(), kIssued).value();
  EXPECT_EQ(opened.invitation_token, kSession.invitation_token);
  EXPECT_EQ(opened.language, "mi");
  EXPECT_EQ(opened.issued, kIssued);
}

TEST(SessionSealer, RoundTripsAnEmptyLanguage) {
  const SessionSealer sealer = NewSealer();
  const Session session{"token", "", kIssued};
  EXPECT_EQ(sealer.Open(sealer.Seal(session).value(), kIssued).value().language, "");
}

TEST(SessionSealer, ValueIsBase64UrlOfSealedBytesHidingTheToken) {
  const std::string value = NewSealer().Seal(kSession).value();
  const std::string sealed = crypto::Base64UrlDecode(value).value();
  EXPECT_GT(sealed.size(), kSession.invitation_token.size() + crypto::kAesGcmOverhead);
  EXPECT_EQ(sealed.find(kSession.invitation_token), std::string::npos);
  EXPECT_EQ(value.find(kSession.invitation_token), std::string::npos);
}

TEST(SessionSealer, SealingTwiceGivesDifferentValues) {
  const SessionSealer sealer = NewSealer();
  EXPECT_NE(sealer.Seal(kSession).value(), sealer.Seal(kSession).value());
}

TEST(SessionSealer, AChangedByteDoesNotOpen) {
  const SessionSealer sealer = NewSealer();
  const std::string sealed = crypto::Base64UrlDecode(sealer.Seal(kSession).value()).value();
  for (size_t at = 0; at < sealed.size(); ++at) {
    SCOPED_TRACE(at);
    ExpectRefused(sealer.Open(crypto::Base64UrlEncode(Flipped(sealed, at)), kIssued));
  }
}

TEST(SessionSealer, AChangedCharacterDoesNotOpen) {
  const SessionSealer sealer = NewSealer();
  const std::string value = sealer.Seal(kSession).value();
  for (size_t at = 0; at < value.size(); ++at) {
    SCOPED_TRACE(at);
    std::string changed = value;
    changed[at] = changed[at] == 'A' ? 'B' : 'A';
    ExpectRefused(sealer.Open(changed, kIssued));
  }
}

TEST(SessionSealer, ATruncatedValueDoesNotOpen) {
  const SessionSealer sealer = NewSealer();
  const std::string value = sealer.Seal(kSession).value();
  for (size_t size = 0; size < value.size(); ++size) {
    SCOPED_TRACE(size);
    ExpectRefused(sealer.Open(value.substr(0, size), kIssued));
  }
}

TEST(SessionSealer, AnExtendedValueDoesNotOpen) {
  const SessionSealer sealer = NewSealer();
  const std::string sealed = crypto::Base64UrlDecode(sealer.Seal(kSession).value()).value();
  ExpectRefused(sealer.Open(crypto::Base64UrlEncode(sealed + "x"), kIssued));
}

TEST(SessionSealer, AnotherKeyDoesNotOpen) {
  const std::string value = NewSealer().Seal(kSession).value();
  ExpectRefused(NewSealer().Open(value, kIssued));
}

TEST(SessionSealer, GarbageBase64DoesNotOpen) {
  const SessionSealer sealer = NewSealer();
  for (const char* garbage : {"", "not base64!", "AAAA====", "AQID BAUG", "%%%", "a",
                              "fgc_session=AQIDBAUG", "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0e"}) {
    SCOPED_TRACE(garbage);
    ExpectRefused(sealer.Open(garbage, kIssued));
  }
}

TEST(SessionSealer, AnOverlongValueDoesNotOpen) {
  ExpectRefused(NewSealer().Open(std::string(100000, 'A'), kIssued));
}

TEST(SessionSealer, OtherDataSealedUnderTheSameKeyDoesNotOpen) {
  const std::string key = crypto::RandomBytes(32).value();
  const SessionSealer sealer = SessionSealer::Create(key, kMaxAge).value();
  const std::string other = crypto::AesGcmSeal(key, "anything", "fgc-other-v1").value();
  ExpectRefused(sealer.Open(crypto::Base64UrlEncode(other), kIssued));
}

TEST(SessionSealer, SealedBytesOfAnotherLayoutDoNotOpen) {
  const std::string key = crypto::RandomBytes(32).value();
  const SessionSealer sealer = SessionSealer::Create(key, kMaxAge).value();
  const std::string token_then_language("\0\0\0\x05token\0\0\0\x02mi", 15);
  const std::string issued(8, '\0');  // the Unix epoch
  const absl::Time now = absl::UnixEpoch();
  EXPECT_TRUE(sealer.Open(SealRaw(key, token_then_language + issued), now).ok());
  ExpectRefused(sealer.Open(SealRaw(key, token_then_language + issued + "x"), now));
  ExpectRefused(sealer.Open(SealRaw(key, token_then_language + issued.substr(1)), now));
  ExpectRefused(sealer.Open(SealRaw(key, std::string("\0\0\0\x50token", 9)), now));
  ExpectRefused(sealer.Open(SealRaw(key, ""), now));
}

TEST(SessionSealer, AnExpiredSessionDoesNotOpen) {
  const SessionSealer sealer = NewSealer(absl::Hours(1));
  const std::string value = sealer.Seal(kSession).value();
  ExpectRefused(sealer.Open(value, kIssued + absl::Hours(1) + absl::Seconds(1)));
}

TEST(SessionSealer, ASessionOpensUntilMaxAge) {
  const SessionSealer sealer = NewSealer(absl::Hours(1));
  const std::string value = sealer.Seal(kSession).value();
  EXPECT_TRUE(sealer.Open(value, kIssued + absl::Hours(1)).ok());
}

TEST(SessionSealer, SealRefusesASessionTooLargeForACookie) {
  const Session huge{std::string(5000, 't'), "en", kIssued};
  EXPECT_EQ(NewSealer().Seal(huge).status().code(), absl::StatusCode::kInvalidArgument);
}

// CSRF tokens

TEST(CsrfToken, IsBase64UrlOfTheHmacOfTheCookieValue) {
  const std::string key = crypto::RandomBytes(32).value();
  const SessionSealer sealer = SessionSealer::Create(key, kMaxAge).value();
  EXPECT_EQ(sealer.CsrfToken("cookie"),
            crypto::Base64UrlEncode(crypto::HmacSha256(key, "csrf\ncookie")));
}

TEST(CsrfToken, MatchesForTheSameCookieAndKey) {
  const SessionSealer sealer = NewSealer();
  const std::string cookie = sealer.Seal(kSession).value();
  EXPECT_TRUE(sealer.CsrfTokenMatches(cookie, sealer.CsrfToken(cookie)));
}

TEST(CsrfToken, DoesNotMatchAnotherCookie) {
  const SessionSealer sealer = NewSealer();
  const std::string cookie = sealer.Seal(kSession).value();
  const std::string other = sealer.Seal(kSession).value();
  EXPECT_FALSE(sealer.CsrfTokenMatches(other, sealer.CsrfToken(cookie)));
}

TEST(CsrfToken, DoesNotMatchUnderAnotherKey) {
  const SessionSealer sealer = NewSealer();
  const std::string cookie = sealer.Seal(kSession).value();
  EXPECT_FALSE(NewSealer().CsrfTokenMatches(cookie, sealer.CsrfToken(cookie)));
}

TEST(CsrfToken, DoesNotMatchWithOneCharacterChangedOrMissing) {
  const SessionSealer sealer = NewSealer();
  const std::string cookie = sealer.Seal(kSession).value();
  const std::string token = sealer.CsrfToken(cookie);
  std::string last_changed = token;
  last_changed.back() = last_changed.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(sealer.CsrfTokenMatches(cookie, last_changed));
  EXPECT_FALSE(sealer.CsrfTokenMatches(cookie, token.substr(0, token.size() - 1)));
  EXPECT_FALSE(sealer.CsrfTokenMatches(cookie, ""));
}

TEST(CsrfToken, NeverMatchesWithoutACookie) {
  const SessionSealer sealer = NewSealer();
  EXPECT_FALSE(sealer.CsrfTokenMatches("", sealer.CsrfToken("")));
}

// The Set-Cookie header

TEST(SessionCookieHeader, IsHttpOnlyStrictSiteWholePathWithMaxAgeAndSecure) {
  EXPECT_EQ(SessionCookieHeader("AbC-_9", absl::Hours(1), /*loopback=*/false),
            "fgc_session=AbC-_9; Path=/; Max-Age=3600; HttpOnly; SameSite=Strict; Secure");
}

TEST(SessionCookieHeader, IsNotSecureOnLoopback) {
  EXPECT_EQ(SessionCookieHeader("AbC-_9", absl::Hours(1), /*loopback=*/true),
            "fgc_session=AbC-_9; Path=/; Max-Age=3600; HttpOnly; SameSite=Strict");
}

TEST(SessionCookieHeader, AnEmptyValueWithZeroMaxAgeClears) {
  EXPECT_EQ(SessionCookieHeader("", absl::ZeroDuration(), /*loopback=*/false),
            "fgc_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict; Secure");
}

TEST(SessionCookieHeader, AValueThatCouldInjectAttributesClearsInstead) {
  EXPECT_EQ(SessionCookieHeader("x; Domain=evil.example\r\nX-A: b", absl::Hours(1), false),
            "fgc_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict; Secure");
}

// The Cookie request header

TEST(CookieValue, FindsTheCookieAmongSeveral) {
  EXPECT_EQ(CookieValue("a=1; fgc_session=xyz; b=2", kSessionCookie), "xyz");
}

TEST(CookieValue, DoesNotTakeACookieWhoseNameEndsInTheName) {
  EXPECT_EQ(CookieValue("xfgc_session=evil", kSessionCookie), "");
  EXPECT_EQ(CookieValue("xfgc_session=evil; fgc_session=good", kSessionCookie), "good");
}

TEST(CookieValue, DoesNotTakeACookieWhoseNameStartsWithTheName) {
  EXPECT_EQ(CookieValue("fgc_session_old=evil; fgc_sessionx=evil", kSessionCookie), "");
}

TEST(CookieValue, IsEmptyWhenTheCookieIsAbsent) {
  EXPECT_EQ(CookieValue("", kSessionCookie), "");
  EXPECT_EQ(CookieValue("a=1; b=2", kSessionCookie), "");
  EXPECT_EQ(CookieValue("fgc_session; a=fgc_session", kSessionCookie), "");
}

TEST(CookieValue, ToleratesMissingSpacesAndQuotes) {
  EXPECT_EQ(CookieValue("a=1;fgc_session=\"xyz\";b=2", kSessionCookie), "xyz");
}

TEST(CookieValue, TakesTheFirstOfTwoWithTheName) {
  EXPECT_EQ(CookieValue("fgc_session=first; fgc_session=second", kSessionCookie), "first");
}

// The security headers

std::string HeaderValue(const std::string& name) {
  for (const auto& [header, value] : SecurityHeaders()) {
    if (header == name) return value;
  }
  return "";
}

TEST(SecurityHeaders, ContentSecurityPolicyHasExactlyTheListedDirectives) {
  const std::string csp = HeaderValue("Content-Security-Policy");
  std::set<std::string> directives;
  for (size_t start = 0; start <= csp.size();) {
    const size_t end = std::min(csp.find("; ", start), csp.size());
    directives.insert(csp.substr(start, end - start));
    start = end + 2;
  }
  EXPECT_EQ(directives, (std::set<std::string>{"default-src 'none'", "style-src 'self'",
                                               "img-src 'self'", "form-action 'self'",
                                               "base-uri 'none'", "frame-ancestors 'none'"}));
}

TEST(SecurityHeaders, ForbidReferrersSniffingFramingAndCaching) {
  EXPECT_EQ(HeaderValue("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(HeaderValue("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(HeaderValue("X-Frame-Options"), "DENY");
  EXPECT_EQ(HeaderValue("Cache-Control"), "no-store");
  EXPECT_EQ(HeaderValue("Cross-Origin-Opener-Policy"), "same-origin");
}

TEST(SecurityHeaders, PermissionsPolicyDeniesCameraMicrophoneAndLocation) {
  const std::string policy = HeaderValue("Permissions-Policy");
  EXPECT_THAT(policy, ::testing::HasSubstr("camera=()"));
  EXPECT_THAT(policy, ::testing::HasSubstr("microphone=()"));
  EXPECT_THAT(policy, ::testing::HasSubstr("geolocation=()"));
}

TEST(SecurityHeaders, NameEachHeaderOnce) {
  std::set<std::string> names;
  for (const auto& [name, value] : SecurityHeaders()) {
    EXPECT_TRUE(names.insert(name).second) << name;
  }
  EXPECT_EQ(names.size(), 7u);
}

// The rate limiter

const absl::Time kStart = absl::FromUnixSeconds(1767225600);

TEST(RateLimiter, AllowsBurstThenRefuses) {
  RateLimiter limiter(/*burst=*/3, /*per_minute=*/6);
  EXPECT_TRUE(limiter.Allow("192.0.2.1", kStart));
  EXPECT_TRUE(limiter.Allow("192.0.2.1", kStart));
  EXPECT_TRUE(limiter.Allow("192.0.2.1", kStart));
  EXPECT_FALSE(limiter.Allow("192.0.2.1", kStart));
}

TEST(RateLimiter, RefillsOverTime) {
  RateLimiter limiter(/*burst=*/1, /*per_minute=*/60);  // one a second
  ASSERT_TRUE(limiter.Allow("192.0.2.1", kStart));
  EXPECT_FALSE(limiter.Allow("192.0.2.1", kStart + absl::Milliseconds(500)));
  EXPECT_TRUE(limiter.Allow("192.0.2.1", kStart + absl::Seconds(1)));
  EXPECT_FALSE(limiter.Allow("192.0.2.1", kStart + absl::Seconds(1)));
}

TEST(RateLimiter, RefillsNoMoreThanBurst) {
  RateLimiter limiter(/*burst=*/2, /*per_minute=*/6);
  ASSERT_TRUE(limiter.Allow("192.0.2.1", kStart));
  const absl::Time later = kStart + absl::Hours(1);
  EXPECT_TRUE(limiter.Allow("192.0.2.1", later));
  EXPECT_TRUE(limiter.Allow("192.0.2.1", later));
  EXPECT_FALSE(limiter.Allow("192.0.2.1", later));
}

TEST(RateLimiter, AClockSteppingBackRefillsNothing) {
  RateLimiter limiter(/*burst=*/1, /*per_minute=*/6);
  ASSERT_TRUE(limiter.Allow("192.0.2.1", kStart));
  EXPECT_FALSE(limiter.Allow("192.0.2.1", kStart - absl::Hours(1)));
  EXPECT_FALSE(limiter.Allow("192.0.2.1", kStart + absl::Seconds(9)));
}

TEST(RateLimiter, KeepsClientsApart) {
  RateLimiter limiter(/*burst=*/1, /*per_minute=*/6);
  ASSERT_TRUE(limiter.Allow("192.0.2.1", kStart));
  EXPECT_FALSE(limiter.Allow("192.0.2.1", kStart));
  EXPECT_TRUE(limiter.Allow("192.0.2.2", kStart));
  EXPECT_TRUE(limiter.Allow("2001:db8::1", kStart));
}

TEST(RateLimiter, StaysWithinMaxClientsForgettingTheLongestIdle) {
  RateLimiter limiter(/*burst=*/1, /*per_minute=*/0, /*max_clients=*/2);
  ASSERT_TRUE(limiter.Allow("a", kStart));
  ASSERT_TRUE(limiter.Allow("b", kStart + absl::Seconds(1)));
  ASSERT_TRUE(limiter.Allow("c", kStart + absl::Seconds(2)));   // forgets a, the longest idle
  EXPECT_FALSE(limiter.Allow("b", kStart + absl::Seconds(3)));  // b is still remembered
  EXPECT_TRUE(limiter.Allow("a", kStart + absl::Seconds(4)));   // a starts afresh, forgets c
  EXPECT_FALSE(limiter.Allow("b", kStart + absl::Seconds(5)));
  EXPECT_TRUE(limiter.Allow("c", kStart + absl::Seconds(6)));
}

}  // namespace
}  // namespace fgc::family_web
