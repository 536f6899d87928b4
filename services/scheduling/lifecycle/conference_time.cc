#include "services/scheduling/lifecycle/conference_time.h"

#include <cstdint>
#include <string>

#include "absl/strings/str_split.h"

namespace fgc::scheduling {
namespace {

constexpr int64_t kMinTimestampSeconds = -62135596800;  // 0001-01-01T00:00:00Z
constexpr int64_t kMaxTimestampSeconds = 253402300799;  // 9999-12-31T23:59:59Z

bool IsZoneNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '+';
}

// Segments start with a letter and hold letters, digits, '_', '-', '+': never '.', so never a
// relative path, and no leading '/', so never an absolute one.
bool HasZoneNameShape(std::string_view name) {
  if (name.empty() || name.size() > 64 || name == "localtime") return false;
  for (absl::string_view segment :
       absl::StrSplit(absl::string_view(name.data(), name.size()), '/')) {
    if (segment.empty()) return false;
    const char first = segment.front();
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) return false;
    for (char c : segment) {
      if (!IsZoneNameChar(c)) return false;
    }
  }
  return true;
}

}  // namespace

bool IsValidTimestamp(const google::protobuf::Timestamp& timestamp) {
  return timestamp.seconds() >= kMinTimestampSeconds &&
         timestamp.seconds() <= kMaxTimestampSeconds && timestamp.nanos() >= 0 &&
         timestamp.nanos() <= 999'999'999;
}

bool IsSet(const google::protobuf::Timestamp& timestamp) {
  return timestamp.seconds() != 0 || timestamp.nanos() != 0;
}

std::optional<absl::CivilDay> ToCivilDay(const google::type::Date& date) {
  if (date.year() < 1 || date.year() > 9999 || date.month() < 1 || date.day() < 1) {
    return std::nullopt;
  }
  const absl::CivilDay day(date.year(), date.month(), date.day());
  // CivilDay normalises (2026-02-30 becomes 2026-03-02); a real date survives unchanged.
  if (day.year() != date.year() || day.month() != date.month() || day.day() != date.day()) {
    return std::nullopt;
  }
  return day;
}

google::type::Date ToDate(absl::CivilDay day) {
  google::type::Date date;
  date.set_year(static_cast<int32_t>(day.year()));
  date.set_month(day.month());
  date.set_day(day.day());
  return date;
}

bool IsKnownTimeZone(std::string_view name) {
  absl::TimeZone zone;
  return HasZoneNameShape(name) && absl::LoadTimeZone(std::string(name), &zone);
}

absl::TimeZone ConferenceZone(std::string_view name) {
  absl::TimeZone zone;
  if (HasZoneNameShape(name) && absl::LoadTimeZone(std::string(name), &zone)) return zone;
  return absl::UTCTimeZone();
}

}  // namespace fgc::scheduling
