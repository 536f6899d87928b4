#include "services/scheduling/calendar/vtimezone.h"

#include <cstdlib>

#include "absl/strings/str_format.h"
#include "common/base/errors.h"

namespace fgc::scheduling::calendar {
namespace {

// More changes than any zone makes in the few years a calendar covers; a bound so that a
// corrupt zone file cannot make the component grow without end.
constexpr int kMaxObservances = 64;

// The observance that begins with `transition`, and the instant it begins.
ZoneObservance ObservanceAt(const absl::TimeZone& tz,
                            const absl::TimeZone::CivilTransition& transition,
                            absl::Time* instant) {
  // The documented way from a civil transition to its instant: `to` is unique or the first of
  // a repeated range, and either way `trans` is the discontinuity.
  *instant = tz.At(transition.to).trans;
  const absl::TimeZone::CivilInfo after = tz.At(*instant);
  ZoneObservance observance;
  observance.daylight = after.is_dst;
  observance.onset = transition.from;
  observance.offset_to_seconds = after.offset;
  // Clocks jumped from `from` to `to` at one instant, so the offsets differ by the jump.
  observance.offset_from_seconds = after.offset - static_cast<int>(transition.to - transition.from);
  observance.abbreviation = after.zone_abbr;
  return observance;
}

// For a zone with no recorded change: its one offset, since the Unix epoch.
ZoneObservance UnchangingObservance(const absl::TimeZone& tz, absl::Time at) {
  const absl::TimeZone::CivilInfo info = tz.At(at);
  ZoneObservance observance;
  observance.daylight = info.is_dst;
  observance.onset = absl::CivilSecond(1970, 1, 1, 0, 0, 0);
  observance.offset_from_seconds = info.offset;
  observance.offset_to_seconds = info.offset;
  observance.abbreviation = info.zone_abbr;
  return observance;
}

}  // namespace

absl::StatusOr<std::vector<ZoneObservance>> ObservancesCovering(std::string_view zone,
                                                                absl::Time from, absl::Time until) {
  absl::TimeZone tz;
  if (zone.empty() || !absl::LoadTimeZone(std::string(zone), &tz)) {
    return FieldError("time_zone", "not an IANA time zone this server knows");
  }
  std::vector<ZoneObservance> observances;
  absl::TimeZone::CivilTransition transition;
  absl::Time instant;
  // The change in force at `from` (a change at exactly `from` included).
  if (!tz.PrevTransition(from + absl::Seconds(1), &transition)) {
    observances.push_back(UnchangingObservance(tz, from));
    instant = from;
  } else {
    observances.push_back(ObservanceAt(tz, transition, &instant));
  }
  while (observances.size() < kMaxObservances && tz.NextTransition(instant, &transition)) {
    absl::Time next;
    ZoneObservance observance = ObservanceAt(tz, transition, &next);
    if (next > until || next <= instant) break;
    observances.push_back(std::move(observance));
    instant = next;
  }
  return observances;
}

std::string FormatUtcOffset(int seconds) {
  const char sign = seconds < 0 ? '-' : '+';
  const int magnitude = std::abs(seconds);
  const int hours = magnitude / 3600;
  const int minutes = magnitude / 60 % 60;
  const int rest = magnitude % 60;
  if (rest != 0) return absl::StrFormat("%c%02d%02d%02d", sign, hours, minutes, rest);
  return absl::StrFormat("%c%02d%02d", sign, hours, minutes);
}

void WriteVTimezone(std::string_view tzid, const std::vector<ZoneObservance>& observances,
                    IcalWriter& writer) {
  writer.Begin("VTIMEZONE");
  writer.AddText("TZID", tzid);
  for (const ZoneObservance& observance : observances) {
    const char* kind = observance.daylight ? "DAYLIGHT" : "STANDARD";
    writer.Begin(kind);
    writer.AddRaw("DTSTART", FormatLocalDateTime(observance.onset));
    writer.AddRaw("TZOFFSETFROM", FormatUtcOffset(observance.offset_from_seconds));
    writer.AddRaw("TZOFFSETTO", FormatUtcOffset(observance.offset_to_seconds));
    if (!observance.abbreviation.empty()) writer.AddText("TZNAME", observance.abbreviation);
    writer.End(kind);
  }
  writer.End("VTIMEZONE");
}

}  // namespace fgc::scheduling::calendar
