// Working-day arithmetic for timescales such as "acknowledge within 2 working days": which local
// days count (not Saturday, Sunday or a configured public holiday) and when a span that started
// at an instant falls due. The conference's IANA zone decides what day an instant is.
#pragma once

#include <set>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/scheduling/lifecycle/timescale_config.h"

namespace fgc::scheduling {

// Monday to Friday and not in `holidays`.
bool IsWorkingDay(absl::CivilDay day, const std::set<absl::CivilDay>& holidays);

// The `count`-th working day after `day` (`day` itself never counts, whether or not it is a
// working day: a referral on Monday afternoon has Tuesday and Wednesday).
absl::CivilDay AddWorkingDays(absl::CivilDay day, int count,
                              const std::set<absl::CivilDay>& holidays);

// The first instant of `day` in `zone`: its midnight, or when a clock change skips midnight, the
// instant the clocks jumped.
absl::Time StartOfDay(absl::CivilDay day, absl::TimeZone zone);

// When a span begun at `start` falls due. Working days: the end of the last of them, that is
// the first instant of the next local day in `zone` (midnight, or the first instant after it
// when a clock change skips midnight). Elapsed: `start` plus the duration, whatever the zone.
absl::Time DueTime(absl::Time start, const TimescaleSpan& span, absl::TimeZone zone,
                   const std::set<absl::CivilDay>& holidays);

}  // namespace fgc::scheduling
