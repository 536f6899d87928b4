#include "services/invitations/tokens/invitation_token.h"

#include <set>
#include <string>

#include "common/base/errors.h"
#include "common/crypto/sha256.h"
#include "gtest/gtest.h"

namespace fgc::invitations {
namespace {

const absl::Time kNow = absl::FromUnixSeconds(1'790'000'000);

MintedToken Mint(absl::Duration lifetime = absl::Hours(24)) {
  absl::StatusOr<MintedToken> minted = MintToken(kNow, kNow + lifetime);
  EXPECT_TRUE(minted.ok()) << minted.status();
  return *minted;
}

void ExpectInvalidToken(const absl::Status& status) {
  EXPECT_EQ(status.code(), absl::StatusCode::kUnauthenticated) << status;
  std::optional<ErrorDetails> details = DetailsOf(status);
  ASSERT_TRUE(details.has_value());
  EXPECT_EQ(details->reason, "INVITATION_TOKEN_INVALID");
  EXPECT_EQ(status.message(), InvalidTokenError().message());
}

absl::Status Judge(const TokenRecord* record, const std::string& token, absl::Time now) {
  absl::StatusOr<PresentedToken> presented = PresentedToken::Parse(token);
  if (!presented.ok()) return presented.status();
  return CheckToken(record, *presented, now);
}

TEST(MintToken, GivesA43CharacterBase64UrlTokenStoredOnlyAsItsSha256) {
  MintedToken minted = Mint();
  EXPECT_EQ(minted.token.size(), kInvitationTokenLength);
  EXPECT_EQ(minted.token.find_first_not_of(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_EQ(minted.record.digest, crypto::Sha256(minted.token));
  EXPECT_EQ(minted.record.digest.find(minted.token), std::string::npos);
  EXPECT_EQ(minted.record.issue_time, kNow);
  EXPECT_EQ(minted.record.expire_time, kNow + absl::Hours(24));
}

TEST(MintToken, NeverRepeatsATokenInAThousand) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) seen.insert(Mint().token);
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(MintToken, RefusesAnExpiryNotAfterIssue) { EXPECT_FALSE(MintToken(kNow, kNow).ok()); }

TEST(DeriveToken, GivesTheSameParseableTokenForTheSameSecretAndContext) {
  const std::string secret(32, 's');
  auto first = DeriveToken(secret, "tenants/t/conferences/c/invitations/i|0|req-1", kNow,
                           kNow + absl::Hours(1));
  auto again = DeriveToken(secret, "tenants/t/conferences/c/invitations/i|0|req-1", kNow,
                           kNow + absl::Hours(1));
  ASSERT_TRUE(first.ok() && again.ok());
  EXPECT_EQ(first->token, again->token);
  auto presented = PresentedToken::Parse(first->token);
  ASSERT_TRUE(presented.ok());
  EXPECT_TRUE(CheckToken(&first->record, *presented, kNow).ok());
}

TEST(DeriveToken, ChangesWithTheContextAndTheSecret) {
  const std::string secret(32, 's');
  const absl::Time expire = kNow + absl::Hours(1);
  EXPECT_NE(DeriveToken(secret, "i|0|req", kNow, expire)->token,
            DeriveToken(secret, "i|1|req", kNow, expire)->token);
  EXPECT_NE(DeriveToken(secret, "i|0|req", kNow, expire)->token,
            DeriveToken(std::string(32, 't'), "i|0|req", kNow, expire)->token);
}

TEST(DeriveToken, RefusesAShortSecret) {
  EXPECT_FALSE(DeriveToken("short", "i|0|req", kNow, kNow + absl::Hours(1)).ok());
}

TEST(CheckToken, OpensTheRecordMintedWithIt) {
  MintedToken minted = Mint();
  EXPECT_TRUE(Judge(&minted.record, minted.token, kNow).ok());
}

TEST(PresentedToken, DigestIsTheLookupKeyTheRecordStores) {
  MintedToken minted = Mint();
  absl::StatusOr<PresentedToken> presented = PresentedToken::Parse(minted.token);
  ASSERT_TRUE(presented.ok());
  EXPECT_EQ(presented->digest(), minted.record.digest);
}

TEST(CheckToken, RefusesAnyOneCharacterChange) {
  MintedToken minted = Mint();
  for (size_t i = 0; i + 1 < minted.token.size(); ++i) {
    std::string tampered = minted.token;
    tampered[i] = tampered[i] == 'A' ? 'B' : 'A';
    ExpectInvalidToken(Judge(&minted.record, tampered, kNow));
  }
}

TEST(CheckToken, RefusesARecordWhoseDigestDiffersOnlyInTheLastByte) {
  // The comparison must look at every byte, not stop at a prefix.
  MintedToken minted = Mint();
  TokenRecord other = minted.record;
  other.digest.back() = static_cast<char>(other.digest.back() ^ 1);
  ExpectInvalidToken(Judge(&other, minted.token, kNow));
}

TEST(CheckToken, RefusesAnUnknownTokenWithTheSameErrorAsTheOthers) {
  ExpectInvalidToken(Judge(nullptr, Mint().token, kNow));
}

TEST(CheckToken, WorksUntilTheInstantBeforeExpiryAndNotAtIt) {
  MintedToken minted = Mint(absl::Hours(24));
  const absl::Time expiry = minted.record.expire_time;
  EXPECT_TRUE(Judge(&minted.record, minted.token, expiry - absl::Nanoseconds(1)).ok());
  ExpectInvalidToken(Judge(&minted.record, minted.token, expiry));
  ExpectInvalidToken(Judge(&minted.record, minted.token, expiry + absl::Hours(1)));
}

TEST(CheckToken, RefusesARevokedToken) {
  MintedToken minted = Mint();
  minted.record.revoke_time = kNow + absl::Minutes(5);
  ExpectInvalidToken(Judge(&minted.record, minted.token, kNow + absl::Minutes(6)));
}

TEST(CheckToken, RefusesTheOldTokenAfterAResendAndOpensTheNewOne) {
  MintedToken old_token = Mint();
  MintedToken new_token = Mint();
  old_token.record.replace_time = kNow;
  ExpectInvalidToken(Judge(&old_token.record, old_token.token, kNow));
  EXPECT_TRUE(Judge(&new_token.record, new_token.token, kNow).ok());
  ExpectInvalidToken(Judge(&new_token.record, old_token.token, kNow));
}

TEST(PresentedToken, RefusesAnythingButExactly43Base64UrlCharacters) {
  const std::string good = Mint().token;
  for (const std::string& bad :
       {std::string(), good.substr(1), good + "A", good.substr(1) + "=", good.substr(1) + "+",
        good.substr(1) + "/", good.substr(1) + " ", good.substr(1) + ".", good.substr(1) + "\xC3",
        std::string(1000, 'A')}) {
    ExpectInvalidToken(PresentedToken::Parse(bad).status());
  }
}

TEST(PresentedToken, RefusesANonCanonicalLastCharacter) {
  // 43 characters carry 258 bits; the last two must be zero, so 'B' (000001) cannot end one.
  std::string token = Mint().token;
  token.back() = 'B';
  ExpectInvalidToken(PresentedToken::Parse(token).status());
}

TEST(TokenExpiry, DefaultsToNinetyDays) {
  absl::StatusOr<absl::Time> expiry = TokenExpiry(std::nullopt, kNow, "expire_time");
  ASSERT_TRUE(expiry.ok());
  EXPECT_EQ(*expiry, kNow + absl::Hours(90 * 24));
}

TEST(TokenExpiry, TakesARequestedTimeWithinAYear) {
  const absl::Time year = kNow + absl::Hours(365 * 24);
  EXPECT_EQ(*TokenExpiry(year, kNow, "expire_time"), year);
}

TEST(TokenExpiry, RefusesThePastAndMoreThanAYearAheadNamingTheField) {
  for (absl::Time bad : {kNow, kNow - absl::Hours(1), kNow + absl::Hours(366 * 24)}) {
    absl::StatusOr<absl::Time> expiry = TokenExpiry(bad, kNow, "invitation.expire_time");
    ASSERT_EQ(expiry.status().code(), absl::StatusCode::kInvalidArgument);
    std::optional<ErrorDetails> details = DetailsOf(expiry.status());
    ASSERT_TRUE(details.has_value());
    ASSERT_EQ(details->field_violations.size(), 1u);
    EXPECT_EQ(details->field_violations[0].field, "invitation.expire_time");
  }
}

}  // namespace
}  // namespace fgc::invitations
