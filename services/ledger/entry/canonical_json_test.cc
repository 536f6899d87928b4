#include "services/ledger/entry/canonical_json.h"

#include <string>

#include "gtest/gtest.h"
#include "services/ledger/entry/entry_time.h"

namespace fgc::ledger {
namespace {

std::string Quoted(std::string_view text) {
  std::string out;
  AppendJsonString(text, &out);
  return out;
}

google::protobuf::Timestamp Time(int64_t seconds, int32_t nanos) {
  google::protobuf::Timestamp timestamp;
  timestamp.set_seconds(seconds);
  timestamp.set_nanos(nanos);
  return timestamp;
}

TEST(AppendJsonString, EscapesQuoteAndBackslash) { EXPECT_EQ(Quoted("a\"b\\c"), R"("a\"b\\c")"); }

TEST(AppendJsonString, UsesShortEscapesWhereJsonHasThem) {
  EXPECT_EQ(Quoted("\b\t\n\f\r"), R"("\b\t\n\f\r")");
}

TEST(AppendJsonString, EscapesOtherControlsAsLowerCaseHex) {
  EXPECT_EQ(Quoted(std::string("\x00\x01\x0b\x1f", 4)), R"("\u0000\u0001\u000b\u001f")");
}

TEST(AppendJsonString, WritesEverythingElseAsIs) {
  // '/', DEL, e-acute, U+2028 and an emoji: RFC 8785 escapes none of them.
  const std::string text = "/\x7f\xc3\xa9\xe2\x80\xa8\xf0\x9f\x91\xaa";
  EXPECT_EQ(Quoted(text), "\"" + text + "\"");
}

// RFC 8785 Appendix B's string test, as UTF-8.
TEST(AppendJsonString, MatchesRfc8785Example) {
  const std::string text = "\xe2\x82\xac$\x0f\nA'B\"\\\\\"/";
  EXPECT_EQ(Quoted(text), "\"\xe2\x82\xac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"");
}

TEST(FormatCanonicalTime, WholeSecondsHaveNoFraction) {
  EXPECT_EQ(FormatCanonicalTime(Time(1740823200, 0)), "2025-03-01T10:00:00Z");
}

TEST(FormatCanonicalTime, FractionHasNineDigits) {
  EXPECT_EQ(FormatCanonicalTime(Time(1740823200, 250000000)), "2025-03-01T10:00:00.250000000Z");
  EXPECT_EQ(FormatCanonicalTime(Time(0, 1)), "1970-01-01T00:00:00.000000001Z");
}

TEST(FormatCanonicalTime, CoversTheWholeRange) {
  EXPECT_EQ(FormatCanonicalTime(Time(kMinTimestampSeconds, 0)), "0001-01-01T00:00:00Z");
  EXPECT_EQ(FormatCanonicalTime(Time(kMaxTimestampSeconds, 999999999)),
            "9999-12-31T23:59:59.999999999Z");
  EXPECT_EQ(FormatCanonicalTime(Time(-1, 0)), "1969-12-31T23:59:59Z");
}

TEST(ParseCanonicalTime, InvertsFormat) {
  for (const auto& t :
       {Time(1740823200, 0), Time(1740823200, 250000000), Time(kMinTimestampSeconds, 0),
        Time(kMaxTimestampSeconds, 999999999), Time(-1, 5), Time(951782400, 0)}) {
    auto parsed = ParseCanonicalTime(FormatCanonicalTime(t));
    ASSERT_TRUE(parsed.has_value()) << FormatCanonicalTime(t);
    EXPECT_EQ(parsed->seconds(), t.seconds());
    EXPECT_EQ(parsed->nanos(), t.nanos());
  }
}

TEST(ParseCanonicalTime, RefusesOtherSpellings) {
  for (const char* text :
       {"2025-03-01T10:00:00.000000000Z", "2025-03-01T10:00:00.25Z", "2025-03-01T10:00:00+00:00",
        "2025-03-01t10:00:00Z", "2025-03-01T10:00:00z", "2025-03-01 10:00:00Z",
        "2025-02-29T10:00:00Z", "2025-03-01T24:00:00Z", "2016-12-31T23:59:60Z",
        "0000-12-31T00:00:00Z", "2025-3-01T10:00:00Z", "2025-03-01T10:00:00", ""}) {
    EXPECT_FALSE(ParseCanonicalTime(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace fgc::ledger
