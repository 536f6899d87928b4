#include "services/scheduling/lifecycle/working_days.h"

namespace fgc::scheduling {

bool IsWorkingDay(absl::CivilDay day, const std::set<absl::CivilDay>& holidays) {
  const absl::Weekday weekday = absl::GetWeekday(day);
  if (weekday == absl::Weekday::saturday || weekday == absl::Weekday::sunday) return false;
  return !holidays.contains(day);
}

absl::CivilDay AddWorkingDays(absl::CivilDay day, int count,
                              const std::set<absl::CivilDay>& holidays) {
  // Every week has five weekdays, so the loop ends after at most count * 7 / 5 steps plus the
  // holidays on the way.
  while (count > 0) {
    ++day;
    if (IsWorkingDay(day, holidays)) --count;
  }
  return day;
}

absl::Time StartOfDay(absl::CivilDay day, absl::TimeZone zone) {
  // For a skipped civil time `trans` is the instant the clocks jumped; for a repeated one `pre`
  // is its first occurrence.
  const absl::TimeZone::TimeInfo info = zone.At(absl::CivilSecond(day));
  return info.kind == absl::TimeZone::TimeInfo::SKIPPED ? info.trans : info.pre;
}

absl::Time DueTime(absl::Time start, const TimescaleSpan& span, absl::TimeZone zone,
                   const std::set<absl::CivilDay>& holidays) {
  if (span.unit == TimescaleSpan::Unit::kElapsed) return start + span.elapsed;
  const absl::CivilDay last =
      AddWorkingDays(absl::ToCivilDay(start, zone), span.working_days, holidays);
  return StartOfDay(last + 1, zone);
}

}  // namespace fgc::scheduling
