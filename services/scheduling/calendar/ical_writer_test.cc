#include "services/scheduling/calendar/ical_writer.h"

#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace fgc::scheduling::calendar {
namespace {

using ::testing::Each;
using ::testing::SizeIs;

// The physical lines of folded output, without their CRLF (the last, empty piece dropped).
std::vector<std::string> PhysicalLines(const std::string& folded) {
  std::vector<std::string> lines = absl::StrSplit(folded, "\r\n");
  EXPECT_EQ(lines.back(), "");
  lines.pop_back();
  return lines;
}

// RFC 5545 unfolding: remove every CRLF followed by one space.
std::string Unfold(const std::string& folded) {
  std::string out;
  for (size_t i = 0; i < folded.size(); ++i) {
    if (folded.compare(i, 3, "\r\n ") == 0) {
      i += 2;
    } else {
      out += folded[i];
    }
  }
  return out;
}

bool StartsInsideCharacter(const std::string& piece) {
  return !piece.empty() && (static_cast<unsigned char>(piece[0]) & 0xC0) == 0x80;
}

TEST(IcalWriterEscape, BackslashSemicolonAndCommaAreEscaped) {
  EXPECT_EQ(EscapeText(R"(a\b;c,d)"), R"(a\\b\;c\,d)");
}

TEST(IcalWriterEscape, LineBreaksOfEveryKindBecomeBackslashN) {
  EXPECT_EQ(EscapeText("one\ntwo\r\nthree\rfour"), R"(one\ntwo\nthree\nfour)");
}

TEST(IcalWriterEscape, ColonsAndQuotesAreLeftAlone) {
  EXPECT_EQ(EscapeText(R"(Time: "soon")"), R"(Time: "soon")");
}

TEST(IcalWriterEscape, ControlCharactersOtherThanTabAreDropped) {
  EXPECT_EQ(EscapeText(std::string("a\x01\tb\x7f", 5)), "a\tb");
}

TEST(IcalWriterParam, PlainValueStaysBare) {
  EXPECT_EQ(QuoteParamValue("Europe/London"), "Europe/London");
  EXPECT_EQ(QuoteParamValue("Sam Jones"), "Sam Jones");
}

TEST(IcalWriterParam, ValueWithSeparatorsIsQuoted) {
  EXPECT_EQ(QuoteParamValue("Jones, Sam"), R"("Jones, Sam")");
  EXPECT_EQ(QuoteParamValue("a:b;c"), R"("a:b;c")");
}

TEST(IcalWriterParam, DoubleQuotesBecomeApostrophes) {
  EXPECT_EQ(QuoteParamValue(R"(Sam "Sammy" Jones)"), "Sam 'Sammy' Jones");
}

TEST(IcalWriterFold, ShortLineIsEndedWithCrlfOnly) {
  EXPECT_EQ(FoldLine("VERSION:2.0"), "VERSION:2.0\r\n");
}

TEST(IcalWriterFold, LineOfExactly75OctetsIsNotFolded) {
  const std::string line(75, 'x');
  EXPECT_EQ(FoldLine(line), line + "\r\n");
}

TEST(IcalWriterFold, Line76OctetsLongContinuesWithASpace) {
  const std::string line = std::string(75, 'x') + "y";
  EXPECT_EQ(FoldLine(line), std::string(75, 'x') + "\r\n y\r\n");
}

TEST(IcalWriterFold, LongAsciiLineUnfoldsToItselfWithNoLineOver75Octets) {
  const std::string line = "DESCRIPTION:" + std::string(500, 'a');
  const std::string folded = FoldLine(line);
  for (const std::string& physical : PhysicalLines(folded)) EXPECT_LE(physical.size(), 75u);
  EXPECT_EQ(Unfold(folded), line + "\r\n");
}

// Two-, three- and four-octet characters, at every alignment against the 75-octet limit.
TEST(IcalWriterFold, MultiByteCharactersAreNeverSplit) {
  for (const std::string character : {"é", "日", "😀"}) {
    for (int prefix = 0; prefix < 4; ++prefix) {
      std::string line = "SUMMARY:" + std::string(prefix, 'p');
      for (int i = 0; i < 60; ++i) line += character;
      const std::string folded = FoldLine(line);
      const std::vector<std::string> physical = PhysicalLines(folded);
      ASSERT_THAT(physical, SizeIs(::testing::Gt(1u)));
      for (size_t i = 0; i < physical.size(); ++i) {
        EXPECT_LE(physical[i].size(), 75u) << character << " prefix " << prefix;
        const std::string content = i == 0 ? physical[i] : physical[i].substr(1);
        EXPECT_FALSE(StartsInsideCharacter(content)) << character << " line " << i;
      }
      EXPECT_EQ(Unfold(folded), line + "\r\n");
    }
  }
}

TEST(IcalWriterFold, ContinuationLinesStartWithOneSpace) {
  const std::vector<std::string> physical = PhysicalLines(FoldLine(std::string(300, 'z')));
  for (size_t i = 1; i < physical.size(); ++i) {
    EXPECT_EQ(physical[i][0], ' ');
    EXPECT_NE(physical[i][1], ' ');
  }
}

TEST(IcalWriterFormat, LocalAndUtcDateTimes) {
  EXPECT_EQ(FormatLocalDateTime(absl::CivilSecond(1998, 1, 18, 23, 0, 5)), "19980118T230005");
  EXPECT_EQ(FormatUtcDateTime(
                absl::FromCivil(absl::CivilSecond(1998, 1, 19, 7, 0, 0), absl::UTCTimeZone())),
            "19980119T070000Z");
}

TEST(IcalWriter, PropertiesWithParametersAndTextValues) {
  IcalWriter writer;
  writer.Begin("VEVENT");
  writer.AddText("SUMMARY", "Family meeting, with lunch", {{"LANGUAGE", "en"}});
  writer.AddRaw("ORGANIZER", "mailto:jo@example.org", {{"CN", "Jo Smith, coordinator"}});
  writer.End("VEVENT");
  EXPECT_EQ(writer.text(),
            "BEGIN:VEVENT\r\n"
            "SUMMARY;LANGUAGE=en:Family meeting\\, with lunch\r\n"
            "ORGANIZER;CN=\"Jo Smith, coordinator\":mailto:jo@example.org\r\n"
            "END:VEVENT\r\n");
}

TEST(IcalWriter, EveryLineEndsWithCrlf) {
  IcalWriter writer;
  writer.AddText("DESCRIPTION", "first\nsecond " + std::string(200, 'w'));
  const std::string& text = writer.text();
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      EXPECT_TRUE(i > 0 && text[i - 1] == '\r') << "bare LF at " << i;
    }
  }
  EXPECT_THAT(PhysicalLines(text), Each(SizeIs(::testing::Le(75u))));
}

}  // namespace
}  // namespace fgc::scheduling::calendar
