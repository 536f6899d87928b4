#include "services/invitations/delivery/mime_encoding.h"

#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace fgc::invitations::delivery {
namespace {

using ::testing::SizeIs;
using ::testing::StartsWith;

// Decodes quoted-printable (RFC 2045 6.7) back to text with LF line ends, for round trips.
std::string DecodeQuotedPrintable(std::string_view encoded) {
  std::string out;
  for (size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] == '=' && encoded.substr(i + 1, 2) == "\r\n") {
      i += 2;
    } else if (encoded[i] == '=') {
      int value = 0;
      std::string hex(encoded.substr(i + 1, 2));
      value = std::stoi(hex, nullptr, 16);
      out += static_cast<char>(value);
      i += 2;
    } else if (encoded[i] == '\r') {
      // the LF that follows becomes the line end
    } else {
      out += encoded[i];
    }
  }
  return out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines = absl::StrSplit(text, "\r\n");
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

TEST(Base64Lines, LinesAreAtMost76CharactersAndEndInCrlf) {
  const std::string text(500, 'x');
  const std::string encoded = Base64Lines(text);
  EXPECT_TRUE(absl::EndsWith(encoded, "\r\n"));
  for (const std::string& line : Lines(encoded)) EXPECT_LE(line.size(), 76u);
  std::string decoded;
  ASSERT_TRUE(absl::Base64Unescape(absl::StrReplaceAll(encoded, {{"\r\n", ""}}), &decoded));
  EXPECT_EQ(decoded, text);
}

TEST(QuotedPrintable, EncodesNonAsciiBytesAndEqualsSign) {
  EXPECT_EQ(QuotedPrintable("café = ŵ"), "caf=C3=A9 =3D =C5=B5");
}

TEST(QuotedPrintable, TurnsLineBreaksIntoCrlf) {
  EXPECT_EQ(QuotedPrintable("one\ntwo\r\nthree"), "one\r\ntwo\r\nthree");
}

TEST(QuotedPrintable, EncodesTrailingWhitespaceSoRelaysCannotStripIt) {
  EXPECT_EQ(QuotedPrintable("end \nnext\t"), "end=20\r\nnext=09");
}

TEST(QuotedPrintable, SoftBreaksLongLinesAndRoundTrips) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "Dydd Llun ŵ ";
  text += "diwedd";
  const std::string encoded = QuotedPrintable(text);
  for (const std::string& line : Lines(encoded)) EXPECT_LE(line.size(), 76u) << line;
  EXPECT_GT(Lines(encoded).size(), 1u);
  EXPECT_EQ(DecodeQuotedPrintable(encoded), text);
}

TEST(QuotedPrintable, NeverSplitsAnEscapeAcrossASoftBreak) {
  const std::string encoded = QuotedPrintable(std::string(200, '='));
  for (const std::string& line : Lines(encoded)) {
    EXPECT_THAT(line, ::testing::MatchesRegex("(=3D)*=?"));
  }
  EXPECT_EQ(DecodeQuotedPrintable(encoded), std::string(200, '='));
}

TEST(IsPrintableAscii, RejectsControlAndNonAsciiBytes) {
  EXPECT_TRUE(IsPrintableAscii("Conference on Monday ~ 10:00"));
  EXPECT_FALSE(IsPrintableAscii("tab\there"));
  EXPECT_FALSE(IsPrintableAscii("Poniedziałek"));
}

TEST(EncodedWords, EachWordIsAtMost75CharactersOfWholeCharacters) {
  const std::string arabic = "اجتماع المجموعة العائلية يوم الاثنين في الساعة العاشرة صباحا";
  const std::vector<std::string> words = EncodedWords(arabic);
  ASSERT_GT(words.size(), 1u);
  std::string joined;
  for (const std::string& word : words) {
    EXPECT_LE(word.size(), 75u);
    ASSERT_THAT(word, StartsWith("=?UTF-8?B?"));
    ASSERT_TRUE(absl::EndsWith(word, "?="));
    std::string chunk;
    ASSERT_TRUE(absl::Base64Unescape(word.substr(10, word.size() - 12), &chunk));
    // A chunk never starts with a UTF-8 continuation byte: characters are never split.
    EXPECT_NE(static_cast<unsigned char>(chunk.front()) & 0xC0, 0x80);
    joined += chunk;
  }
  EXPECT_EQ(joined, arabic);
}

TEST(EncodedWords, FirstWordRespectsItsSmallerBudget) {
  const std::vector<std::string> words = EncodedWords("Cyfarfod Grŵp Teulu ddydd Llun", 40);
  ASSERT_THAT(words, SizeIs(::testing::Gt(1u)));
  EXPECT_LE(words.front().size(), 40u);
}

}  // namespace
}  // namespace fgc::invitations::delivery
