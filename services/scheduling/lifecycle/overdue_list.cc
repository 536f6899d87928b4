#include "services/scheduling/lifecycle/overdue_list.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/base/errors.h"
#include "services/scheduling/lifecycle/conference_time.h"
#include "services/scheduling/lifecycle/timescales.h"

namespace fgc::scheduling {
namespace {

absl::Status FilterError(std::string_view description) {
  return InvalidArgument("INVALID_FILTER", "the filter cannot be used",
                         {{"filter", std::string(description)}});
}

// A double-quoted string without escapes (identities and agency ids need none).
std::optional<std::string> Unquote(absl::string_view value) {
  if (value.size() < 2 || value.front() != '"' || value.back() != '"') return std::nullopt;
  value = value.substr(1, value.size() - 2);
  if (value.find('"') != absl::string_view::npos || value.find('\\') != absl::string_view::npos) {
    return std::nullopt;
  }
  return std::string(value);
}

absl::Status ApplyComparison(absl::string_view comparison, OverdueFilter* filter) {
  const size_t equals = comparison.find('=');
  if (equals == absl::string_view::npos) {
    return FilterError(absl::StrCat("'", comparison, "' is not `field = value`"));
  }
  const std::string field(absl::StripAsciiWhitespace(comparison.substr(0, equals)));
  const absl::string_view value = absl::StripAsciiWhitespace(comparison.substr(equals + 1));
  auto once = [&](bool already) {
    return already ? FilterError(absl::StrCat("`", field, "` is given more than once"))
                   : absl::OkStatus();
  };
  if (field == "timescale") {
    if (absl::Status status = once(filter->timescale.has_value()); !status.ok()) return status;
    v1::Timescale timescale;
    if (!v1::Timescale_Parse(std::string(value), &timescale) ||
        timescale == v1::TIMESCALE_UNSPECIFIED) {
      return FilterError(absl::StrCat("'", value, "' is not a Timescale"));
    }
    filter->timescale = timescale;
  } else if (field == "coordinator.subject" || field == "referral.referring_agency") {
    std::optional<std::string>& target =
        field == "coordinator.subject" ? filter->coordinator_subject : filter->referring_agency;
    if (absl::Status status = once(target.has_value()); !status.ok()) return status;
    target = Unquote(value);
    if (!target) return FilterError(absl::StrCat("`", field, "` takes a double-quoted string"));
  } else {
    return FilterError(absl::StrCat(
        "`", field,
        "` cannot be filtered on (timescale, coordinator.subject, referral.referring_agency)"));
  }
  return absl::OkStatus();
}

bool Matches(const v1::Conference& conference, const OverdueFilter& filter) {
  if (filter.coordinator_subject &&
      conference.coordinator().subject() != *filter.coordinator_subject) {
    return false;
  }
  return !filter.referring_agency ||
         conference.referral().referring_agency() == *filter.referring_agency;
}

// The missed deadline that ranks the conference: the filtered timescale's, else the earliest.
const v1::Deadline* RankingDeadline(const v1::OverdueConference& overdue,
                                    const OverdueFilter& filter) {
  for (const v1::Deadline& deadline : overdue.missed_deadlines()) {
    if (!filter.timescale || deadline.timescale() == *filter.timescale) return &deadline;
  }
  return nullptr;
}

}  // namespace

absl::StatusOr<OverdueFilter> ParseOverdueFilter(std::string_view text) {
  OverdueFilter filter;
  const absl::string_view trimmed =
      absl::StripAsciiWhitespace(absl::string_view(text.data(), text.size()));
  if (trimmed.empty()) return filter;
  for (absl::string_view comparison : absl::StrSplit(trimmed, " AND ")) {
    comparison = absl::StripAsciiWhitespace(comparison);
    if (comparison.empty()) return FilterError("an empty comparison around AND");
    if (absl::Status status = ApplyComparison(comparison, &filter); !status.ok()) return status;
  }
  return filter;
}

std::vector<v1::OverdueConference> ListOverdueAt(std::span<const v1::Conference> conferences,
                                                 const OverdueFilter& filter,
                                                 const TimescaleConfig& config, absl::Time now) {
  std::vector<v1::OverdueConference> overdue;
  for (const v1::Conference& conference : conferences) {
    if (!Matches(conference, filter)) continue;
    std::vector<v1::Deadline> missed = MissedDeadlines(conference, config, now);
    v1::OverdueConference entry;
    for (v1::Deadline& deadline : missed) *entry.add_missed_deadlines() = std::move(deadline);
    if (RankingDeadline(entry, filter) == nullptr) continue;
    *entry.mutable_conference() = conference;
    RefreshTimescales(config, now, entry.mutable_conference());
    overdue.push_back(std::move(entry));
  }
  std::sort(overdue.begin(), overdue.end(),
            [&](const v1::OverdueConference& a, const v1::OverdueConference& b) {
              const absl::Time a_due = ToAbslTime(RankingDeadline(a, filter)->due_time());
              const absl::Time b_due = ToAbslTime(RankingDeadline(b, filter)->due_time());
              if (a_due != b_due) return a_due < b_due;
              return a.conference().name() < b.conference().name();
            });
  return overdue;
}

}  // namespace fgc::scheduling
