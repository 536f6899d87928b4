// The VTIMEZONE component (RFC 5545 section 3.6.5) for an IANA zone, built from the zone's real
// rules (absl::TimeZone, the system's tzdata) so that a client without that zone's name still
// places the meeting at the right instant.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/scheduling/calendar/ical_writer.h"

namespace fgc::scheduling::calendar {

// One STANDARD or DAYLIGHT sub-component: the offset in force from `onset` until the next one.
struct ZoneObservance {
  bool daylight = false;
  // The local time the observance begins, as read on clocks before it (in `offset_from`), which
  // is how DTSTART of a sub-component is defined.
  absl::CivilSecond onset;
  int offset_from_seconds = 0;  // UTC offset before the onset
  int offset_to_seconds = 0;    // UTC offset from the onset on
  std::string abbreviation;     // TZNAME, for example `BST`, `NZDT`, `IST`, `+04`
};

// The observances of `zone` covering [from, until]: the one in force at `from` and every change
// up to `until`, oldest first. A zone that never changes (UTC) has one observance from
// 1970-01-01; a zone without daylight saving (Asia/Kolkata) has one, its last change.
// INVALID_ARGUMENT (INVALID_FIELD on `time_zone`) for a name the system does not know.
absl::StatusOr<std::vector<ZoneObservance>> ObservancesCovering(std::string_view zone,
                                                                absl::Time from, absl::Time until);

// A UTC offset as RFC 5545's UTC-OFFSET: `+hhmm`, or `+hhmmss` when seconds are not zero;
// zero is `+0000` (the RFC forbids `-0000`).
std::string FormatUtcOffset(int seconds);

// Writes BEGIN:VTIMEZONE, TZID:<tzid>, one STANDARD or DAYLIGHT per observance (DTSTART,
// TZOFFSETFROM, TZOFFSETTO, TZNAME) and END:VTIMEZONE.
void WriteVTimezone(std::string_view tzid, const std::vector<ZoneObservance>& observances,
                    IcalWriter& writer);

}  // namespace fgc::scheduling::calendar
