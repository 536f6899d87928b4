#include "clients/family-web/time_text.h"

#include <unicode/dtptngen.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include "absl/strings/str_replace.h"
#include "clients/family-web/message_catalogue.h"
#include "clients/family-web/page_language.h"

namespace fgc::family_web {
namespace {

// A language's date and time patterns, worked out once (the pattern generator is slow to load).
struct Patterns {
  icu::UnicodeString date;
  icu::UnicodeString time;
};

Patterns PatternsFor(std::string_view language) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale(IcuLocaleName(language));
  std::unique_ptr<icu::DateTimePatternGenerator> generator(
      icu::DateTimePatternGenerator::createInstance(locale, status));
  Patterns patterns;
  if (U_FAILURE(status)) {
    patterns.date = u"EEEE d MMMM y";
    patterns.time = u"HH:mm";
    return patterns;
  }
  patterns.date = generator->getBestPattern(u"yMMMMEEEEd", status);
  // The day, date, month, year the way GOV.UK writes them ("Tuesday 9 March 2027"), not CLDR's
  // "Tuesday, 9 March 2027".
  if (language == "en") patterns.date = u"EEEE d MMMM y";
  // `j`: the locale's own clock, 24-hour or 12-hour with its own day-period words.
  patterns.time = generator->getBestPattern(u"jmm", status);
  return patterns;
}

const Patterns& CachedPatterns(std::string_view language) {
  static const Patterns* const en = new Patterns(PatternsFor("en"));
  static const Patterns* const cy = new Patterns(PatternsFor("cy"));
  static const Patterns* const pl = new Patterns(PatternsFor("pl"));
  static const Patterns* const ar = new Patterns(PatternsFor("ar"));
  if (language == "cy") return *cy;
  if (language == "pl") return *pl;
  if (language == "ar") return *ar;
  return *en;
}

std::unique_ptr<icu::SimpleDateFormat> Formatter(const icu::UnicodeString& pattern,
                                                 std::string_view language,
                                                 const std::string& zone) {
  UErrorCode status = U_ZERO_ERROR;
  auto formatter = std::make_unique<icu::SimpleDateFormat>(
      pattern, icu::Locale(IcuLocaleName(language)), status);
  if (U_FAILURE(status)) {
    status = U_ZERO_ERROR;
    formatter = std::make_unique<icu::SimpleDateFormat>(pattern, icu::Locale::getRoot(), status);
  }
  formatter->adoptTimeZone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
  return formatter;
}

std::string Format(const icu::SimpleDateFormat& formatter, absl::Time time) {
  icu::UnicodeString text;
  formatter.format(static_cast<UDate>(absl::ToUnixMillis(time)), text);
  std::string utf8;
  text.toUTF8String(utf8);
  return utf8;
}

std::unique_ptr<icu::TimeZone> ZoneOf(const std::string& zone) {
  return std::unique_ptr<icu::TimeZone>(
      icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
}

}  // namespace

bool IsKnownTimeZone(const std::string& zone) {
  if (zone.empty()) return false;
  std::unique_ptr<icu::TimeZone> tz = ZoneOf(zone);
  return *tz != icu::TimeZone::getUnknown();
}

std::string ChooseTimeZone(const std::string& reader, const std::string& conference) {
  if (IsKnownTimeZone(reader)) return reader;
  if (IsKnownTimeZone(conference)) return conference;
  return "UTC";
}

bool SameClock(const std::string& a, const std::string& b) {
  if (a == b) return true;
  return ZoneOf(a)->hasSameRules(*ZoneOf(b));
}

TimeText::TimeText(std::string_view language, const std::string& zone)
    : language_(language), zone_(zone) {
  const Patterns& patterns = CachedPatterns(language);
  date_ = Formatter(patterns.date, language, zone);
  time_ = Formatter(patterns.time, language, zone);
  // VVVV: the zone's generic location name ("United Kingdom Time"), the same all year round.
  zone_name_ = Formatter(u"VVVV", language, zone);
  utc_date_ = Formatter(patterns.date, language, "UTC");
}

TimeText::~TimeText() = default;

std::string TimeText::Date(absl::Time time) const { return Format(*date_, time); }

std::string TimeText::Time(absl::Time time) const { return Format(*time_, time); }

std::string TimeText::DateTime(absl::Time time) const {
  return absl::StrReplaceAll(MessageText(language_, "time.at"),
                             {{"{date}", Date(time)}, {"{time}", Time(time)}});
}

std::string TimeText::Range(absl::Time start, absl::Time end) const {
  const std::string start_date = Date(start);
  if (start_date == Date(end)) {
    return absl::StrReplaceAll(
        MessageText(language_, "time.range"),
        {{"{date}", start_date}, {"{start}", Time(start)}, {"{end}", Time(end)}});
  }
  return absl::StrReplaceAll(MessageText(language_, "time.range.days"),
                             {{"{start}", DateTime(start)}, {"{end}", DateTime(end)}});
}

std::string TimeText::CalendarDate(const google::type::Date& date) const {
  if (date.year() <= 0 || date.month() <= 0 || date.day() <= 0) return "";
  const absl::Time noon = absl::FromCivil(
      absl::CivilHour(date.year(), date.month(), date.day(), 12), absl::UTCTimeZone());
  return Format(*utc_date_, noon);
}

std::string TimeText::ZoneName(absl::Time at) const { return Format(*zone_name_, at); }

}  // namespace fgc::family_web
