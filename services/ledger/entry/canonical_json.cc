#include "services/ledger/entry/canonical_json.h"

#include <cstdio>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/ledger/entry/entry_time.h"

namespace fgc::ledger {
namespace {

// Reads `count` decimal digits at text[pos]; nothing when any is not a digit.
std::optional<int> Digits(std::string_view text, size_t pos, size_t count) {
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

void AppendJsonString(std::string_view utf8, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (char c : utf8) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\f':
        out->append("\\f");
        break;
      case '\r':
        out->append("\\r");
        break;
      default:
        if (u < 0x20) {
          out->append("\\u00");
          out->push_back(kHex[u >> 4]);
          out->push_back(kHex[u & 0xF]);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

std::string FormatCanonicalTime(const google::protobuf::Timestamp& timestamp) {
  const absl::CivilSecond civil =
      absl::ToCivilSecond(absl::FromUnixSeconds(timestamp.seconds()), absl::UTCTimeZone());
  char text[40];
  int length = std::snprintf(text, sizeof(text), "%04d-%02d-%02dT%02d:%02d:%02d",
                             static_cast<int>(civil.year()), civil.month(), civil.day(),
                             civil.hour(), civil.minute(), civil.second());
  if (timestamp.nanos() != 0) {
    length += std::snprintf(text + length, sizeof(text) - static_cast<size_t>(length), ".%09d",
                            timestamp.nanos());
  }
  return std::string(text, static_cast<size_t>(length)) + "Z";
}

std::optional<google::protobuf::Timestamp> ParseCanonicalTime(std::string_view text) {
  // 0123456789012345678901234567890
  // YYYY-MM-DDTHH:MM:SSZ / YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ
  if (text.size() != 20 && text.size() != 30) return std::nullopt;
  if (text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text.back() != 'Z') {
    return std::nullopt;
  }
  const auto year = Digits(text, 0, 4);
  const auto month = Digits(text, 5, 2);
  const auto day = Digits(text, 8, 2);
  const auto hour = Digits(text, 11, 2);
  const auto minute = Digits(text, 14, 2);
  const auto second = Digits(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
  int nanos = 0;
  if (text.size() == 30) {
    auto fraction = Digits(text, 20, 9);
    if (text[19] != '.' || !fraction || *fraction == 0) return std::nullopt;
    nanos = *fraction;
  }
  const absl::CivilSecond civil(*year, *month, *day, *hour, *minute, *second);
  // CivilSecond normalises out-of-range fields (month 13, second 60); canonical text has none.
  if (civil.year() != *year || civil.month() != *month || civil.day() != *day ||
      civil.hour() != *hour || civil.minute() != *minute || civil.second() != *second) {
    return std::nullopt;
  }
  google::protobuf::Timestamp timestamp;
  timestamp.set_seconds(absl::ToUnixSeconds(absl::FromCivil(civil, absl::UTCTimeZone())));
  timestamp.set_nanos(nanos);
  if (!IsValidTimestamp(timestamp)) return std::nullopt;
  return timestamp;
}

}  // namespace fgc::ledger
