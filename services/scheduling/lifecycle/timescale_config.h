// The timescales a conference is measured against (DESIGN §1), as service configuration: how
// long each one runs and which days are not working days. Defaults follow the FGC model; a host
// may override them with a short text form (see ParseTimescaleConfig).
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace fgc::scheduling {

// How long a timescale runs: a number of working days (ending with the last of them, in the
// conference's zone) or an elapsed duration.
struct TimescaleSpan {
  enum class Unit { kWorkingDays, kElapsed };
  Unit unit = Unit::kElapsed;
  int working_days = 0;                           // with kWorkingDays, at least 1
  absl::Duration elapsed = absl::ZeroDuration();  // with kElapsed, positive

  static TimescaleSpan WorkingDays(int days) { return {Unit::kWorkingDays, days, {}}; }
  static TimescaleSpan Elapsed(absl::Duration duration) { return {Unit::kElapsed, 0, duration}; }

  // The text form: "2wd", "24h", "30d", "8w", "90m".
  std::string ToString() const;
  friend bool operator==(const TimescaleSpan&, const TimescaleSpan&) = default;
};

struct TimescaleConfig {
  // TIMESCALE_ACKNOWLEDGE_REFERRAL, from the referral.
  TimescaleSpan acknowledge = TimescaleSpan::WorkingDays(2);
  // TIMESCALE_HOLD_CONFERENCE for an urgent referral, from the referral.
  TimescaleSpan urgent_conference = TimescaleSpan::Elapsed(absl::Hours(24));
  // TIMESCALE_HOLD_CONFERENCE for a standard referral ("about 6-8 weeks"), from the referral.
  TimescaleSpan standard_conference = TimescaleSpan::Elapsed(absl::Hours(24 * 7 * 8));
  // TIMESCALE_COMPLETE_PREPARATION, from allocation to the conference starting.
  TimescaleSpan preparation = TimescaleSpan::Elapsed(absl::Hours(24 * 30));
  // TIMESCALE_SET_REVIEW_DATE: a review scheduled within this long of the plan's agreement.
  TimescaleSpan set_review = TimescaleSpan::WorkingDays(5);
  // False turns TIMESCALE_SET_REVIEW_DATE off (a service whose reviews are set elsewhere).
  bool review_date_required = true;
  // Public holidays: local dates (in each conference's zone) that are not working days.
  // Saturdays and Sundays never are.
  std::set<absl::CivilDay> holidays;
};

// Parses the host's text form over the defaults: entries separated by commas or new lines,
// each `key=value`; blank entries and lines starting with '#' are skipped. Keys:
//   acknowledge, urgent_conference, standard_conference, preparation, set_review
//       a positive whole number with a unit: wd (working days), m, h, d (24 h), w (7 d)
//   review_date_required   true | false
//   holidays               ISO dates separated by ';' or spaces, e.g. 2026-12-25;2026-12-28
//   holiday                one ISO date (may repeat)
// Errors: INVALID_ARGUMENT (INVALID_FIELD) with one field violation per bad entry, its field
// the key (or the entry's text when it has no '='): unknown or repeated keys, bad values.
absl::StatusOr<TimescaleConfig> ParseTimescaleConfig(std::string_view text);

}  // namespace fgc::scheduling
