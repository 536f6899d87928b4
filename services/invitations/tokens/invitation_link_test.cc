#include "services/invitations/tokens/invitation_link.h"

#include "gtest/gtest.h"

namespace fgc::invitations {
namespace {

constexpr char kToken[] = "q3Xv9a_Zk-2mT8pLr0cYwH4nJ6sUe1dFbGiKoVxN7Ey";

TEST(InvitationLinks, BuildsAnHttpsLinkUnderSlashI) {
  absl::StatusOr<InvitationLinks> links = InvitationLinks::ForHost("family.example.org");
  ASSERT_TRUE(links.ok()) << links.status();
  EXPECT_EQ(links->UrlFor(kToken), std::string("https://family.example.org/i/") + kToken);
}

TEST(InvitationLinks, KeepsAPortAndFoldsCase) {
  absl::StatusOr<InvitationLinks> links = InvitationLinks::ForHost("Family.Example.org:8443");
  ASSERT_TRUE(links.ok()) << links.status();
  EXPECT_EQ(links->UrlFor("t"), "https://family.example.org:8443/i/t");
}

TEST(InvitationLinks, ADevelopmentHostOnLoopbackGetsAPlainHttpLinkThatStillRedacts) {
  absl::StatusOr<InvitationLinks> links = InvitationLinks::ForHost("127.0.0.1:8080");
  ASSERT_TRUE(links.ok()) << links.status();
  const std::string url = links->UrlFor(kToken);
  EXPECT_EQ(url, std::string("http://127.0.0.1:8080/i/") + kToken);
  EXPECT_EQ(RedactLink(url), "http://127.0.0.1:8080/i/q3Xv\xE2\x80\xA6");
}

TEST(InvitationLinks, RefusesHostsThatAreNotPlainHostNames) {
  for (const char* bad :
       {"", "https://family.example.org", "family.example.org/", "family.example.org/x",
        "user@family.example.org", "family example.org", "family..example.org",
        "-family.example.org", "family.example.org:", "family.example.org:0",
        "family.example.org:65536", "family.example.org:80:80", "family.example.org?x"}) {
    EXPECT_FALSE(InvitationLinks::ForHost(bad).ok()) << bad;
  }
}

TEST(RedactToken, KeepsFourCharactersAndAnEllipsis) {
  EXPECT_EQ(RedactToken(kToken), "q3Xv\xE2\x80\xA6");
}

TEST(RedactToken, ShowsNothingOfShortText) { EXPECT_EQ(RedactToken("abcdefg"), "\xE2\x80\xA6"); }

TEST(RedactLink, RedactsTheTokenOfALink) {
  const std::string url = InvitationLinks::ForHost("family.example.org")->UrlFor(kToken);
  const std::string redacted = RedactLink(url);
  EXPECT_EQ(redacted, "https://family.example.org/i/q3Xv\xE2\x80\xA6");
  EXPECT_EQ(redacted.find(std::string(kToken).substr(4)), std::string::npos);
}

TEST(RedactLink, RedactsOtherTextWhole) {
  EXPECT_EQ(RedactLink(std::string("http://x/i/") + kToken), "\xE2\x80\xA6");
  EXPECT_EQ(RedactLink(kToken), "\xE2\x80\xA6");
}

}  // namespace
}  // namespace fgc::invitations
