#include "services/scheduling/lifecycle/timescale_config.h"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/base/errors.h"

namespace fgc::scheduling {
namespace {

// Long enough for any real timescale (a review within a year), short enough never to overflow.
constexpr int64_t kMaxSpanDays = 3660;

std::optional<TimescaleSpan> ParseSpan(absl::string_view value) {
  size_t digits = 0;
  while (digits < value.size() && absl::ascii_isdigit(value[digits])) ++digits;
  if (digits == 0 || digits > 9) return std::nullopt;
  int64_t count = 0;
  if (!absl::SimpleAtoi(value.substr(0, digits), &count) || count <= 0) return std::nullopt;
  const absl::string_view unit = value.substr(digits);
  absl::Duration elapsed;
  if (unit == "wd") {
    if (count > kMaxSpanDays) return std::nullopt;
    return TimescaleSpan::WorkingDays(static_cast<int>(count));
  } else if (unit == "m") {
    elapsed = absl::Minutes(count);
  } else if (unit == "h") {
    elapsed = absl::Hours(count);
  } else if (unit == "d") {
    elapsed = absl::Hours(24) * count;
  } else if (unit == "w") {
    elapsed = absl::Hours(24 * 7) * count;
  } else {
    return std::nullopt;
  }
  if (elapsed > absl::Hours(24) * kMaxSpanDays) return std::nullopt;
  return TimescaleSpan::Elapsed(elapsed);
}

// Holidays: ISO dates separated by ';' or spaces. Returns the first bad one's description.
std::optional<std::string> ParseHolidays(absl::string_view value, std::set<absl::CivilDay>* out) {
  for (absl::string_view date : absl::StrSplit(value, absl::ByAnyChar("; "), absl::SkipEmpty())) {
    absl::CivilDay day;
    // ParseCivilTime accepts only the full YYYY-MM-DD form and refuses impossible dates.
    if (date.size() != 10 || !absl::ParseCivilTime(date, &day)) {
      return absl::StrCat("'", date, "' is not an ISO date (YYYY-MM-DD)");
    }
    out->insert(day);
  }
  return std::nullopt;
}

TimescaleSpan* SpanFor(absl::string_view key, TimescaleConfig* config) {
  if (key == "acknowledge") return &config->acknowledge;
  if (key == "urgent_conference") return &config->urgent_conference;
  if (key == "standard_conference") return &config->standard_conference;
  if (key == "preparation") return &config->preparation;
  if (key == "set_review") return &config->set_review;
  return nullptr;
}

// Applies one `key=value` entry; returns a violation when it is bad.
std::optional<FieldViolation> ApplyEntry(absl::string_view key, absl::string_view value,
                                         TimescaleConfig* config) {
  const std::string field(key);
  if (TimescaleSpan* span = SpanFor(key, config)) {
    std::optional<TimescaleSpan> parsed = ParseSpan(value);
    if (!parsed) {
      return FieldViolation{field, absl::StrCat("'", value,
                                                "' is not a positive whole number with a unit "
                                                "(wd, m, h, d, w), e.g. 2wd or 24h")};
    }
    *span = *parsed;
  } else if (key == "review_date_required") {
    if (value != "true" && value != "false") {
      return FieldViolation{field, "must be true or false"};
    }
    config->review_date_required = value == "true";
  } else if (key == "holidays" || key == "holiday") {
    if (auto error = ParseHolidays(value, &config->holidays)) return FieldViolation{field, *error};
  } else {
    return FieldViolation{field, "not a timescale setting"};
  }
  return std::nullopt;
}

}  // namespace

std::string TimescaleSpan::ToString() const {
  if (unit == Unit::kWorkingDays) return absl::StrCat(working_days, "wd");
  const int64_t minutes = absl::ToInt64Minutes(elapsed);
  if (minutes % (60 * 24 * 7) == 0) return absl::StrCat(minutes / (60 * 24 * 7), "w");
  if (minutes % (60 * 24) == 0) return absl::StrCat(minutes / (60 * 24), "d");
  if (minutes % 60 == 0) return absl::StrCat(minutes / 60, "h");
  return absl::StrCat(minutes, "m");
}

absl::StatusOr<TimescaleConfig> ParseTimescaleConfig(std::string_view text) {
  TimescaleConfig config;
  std::vector<FieldViolation> violations;
  std::set<std::string> seen;
  for (absl::string_view entry :
       absl::StrSplit(absl::string_view(text.data(), text.size()), absl::ByAnyChar(",\n"))) {
    entry = absl::StripAsciiWhitespace(entry);
    if (entry.empty() || absl::StartsWith(entry, "#")) continue;
    const size_t equals = entry.find('=');
    if (equals == absl::string_view::npos) {
      violations.push_back({std::string(entry), "expected key=value"});
      continue;
    }
    const absl::string_view key = absl::StripAsciiWhitespace(entry.substr(0, equals));
    const absl::string_view value = absl::StripAsciiWhitespace(entry.substr(equals + 1));
    if (key != "holiday" && !seen.insert(std::string(key)).second) {
      violations.push_back({std::string(key), "given more than once"});
      continue;
    }
    if (auto violation = ApplyEntry(key, value, &config)) violations.push_back(*violation);
  }
  if (!violations.empty()) {
    return InvalidArgument("INVALID_FIELD", "the timescale configuration has bad entries",
                           std::move(violations));
  }
  return config;
}

}  // namespace fgc::scheduling
