// Dates and times as a family member reads them: in the page's language (ICU's CLDR data) and in
// their own time zone, e.g. "Tuesday 9 March 2027, 10:00 to 14:00". Texts are plain (not
// escaped). One TimeText serves one page render; it is not shared between threads.
#pragma once

#include <unicode/uversion.h>

#include <memory>
#include <string>
#include <string_view>

#include "absl/time/time.h"
#include "google/type/date.pb.h"

U_NAMESPACE_BEGIN
class SimpleDateFormat;
U_NAMESPACE_END

namespace fgc::family_web {

// True for an IANA zone ICU knows.
bool IsKnownTimeZone(const std::string& zone);
// The first known of the reader's zone and the conference's, else "UTC".
std::string ChooseTimeZone(const std::string& reader, const std::string& conference);
// True when two known zones keep the same clock (so naming either is enough).
bool SameClock(const std::string& a, const std::string& b);

class TimeText final {
 public:
  // `language` is a page language; `zone` a known IANA zone (see ChooseTimeZone).
  TimeText(std::string_view language, const std::string& zone);
  ~TimeText();
  TimeText(const TimeText&) = delete;
  TimeText& operator=(const TimeText&) = delete;

  // "Tuesday 9 March 2027".
  std::string Date(absl::Time time) const;
  // "10:00" (or "١٠:٠٠ ص": the locale's own clock and digits).
  std::string Time(absl::Time time) const;
  // "Tuesday 9 March 2027, 10:00".
  std::string DateTime(absl::Time time) const;
  // "Tuesday 9 March 2027, 10:00 to 14:00"; both dates in full when the end is on another day.
  std::string Range(absl::Time start, absl::Time end) const;
  // A date without a time (google.type.Date, in the conference's zone already); empty when unset.
  std::string CalendarDate(const google::type::Date& date) const;
  // The zone's name for people, e.g. "United Kingdom Time", "توقيت بولندا".
  std::string ZoneName(absl::Time at) const;

  const std::string& zone() const { return zone_; }

 private:
  const std::string language_;
  const std::string zone_;
  std::unique_ptr<icu::SimpleDateFormat> date_;
  std::unique_ptr<icu::SimpleDateFormat> time_;
  std::unique_ptr<icu::SimpleDateFormat> zone_name_;
  std::unique_ptr<icu::SimpleDateFormat> utc_date_;
};

}  // namespace fgc::family_web
