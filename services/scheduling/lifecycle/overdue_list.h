// What ListOverdue answers, before paging: the conferences that have missed a timescale at an
// instant, most overdue first, with the deadlines each has missed; and the filter it accepts.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "fgc/v1/conference.pb.h"
#include "fgc/v1/scheduling_service.pb.h"
#include "services/scheduling/lifecycle/timescale_config.h"

namespace fgc::scheduling {

// ListOverdueRequest.filter: each field at most once, all must hold.
struct OverdueFilter {
  std::optional<v1::Timescale> timescale;          // has this deadline missed
  std::optional<std::string> coordinator_subject;  // coordinator.subject
  std::optional<std::string> referring_agency;     // referral.referring_agency
};

// Parses `timescale = TIMESCALE_...`, `coordinator.subject = "..."` and
// `referral.referring_agency = "..."` joined by AND (common.proto's filter rules). Errors:
// INVALID_ARGUMENT (INVALID_FILTER) with a field violation on `filter` saying what is wrong.
absl::StatusOr<OverdueFilter> ParseOverdueFilter(std::string_view filter);

// The conferences among `conferences` that match `filter` and have missed a deadline at `now`,
// each with its missed deadlines (earliest due first) and its deadlines and `overdue` flag
// refreshed at `now`. Most overdue first: the earliest missed due time (of the filtered
// timescale, when there is one) first, then by name, so that pages are stable.
std::vector<v1::OverdueConference> ListOverdueAt(std::span<const v1::Conference> conferences,
                                                 const OverdueFilter& filter,
                                                 const TimescaleConfig& config, absl::Time now);

}  // namespace fgc::scheduling
