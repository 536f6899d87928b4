#include "services/scheduling/lifecycle/timescales.h"

#include <algorithm>
#include <optional>

#include "services/scheduling/lifecycle/conference_time.h"
#include "services/scheduling/lifecycle/working_days.h"

namespace fgc::scheduling {
namespace {

// The facts the deadlines depend on, as they stood at `now`.
struct History {
  absl::Time referred;
  std::optional<absl::Time> acknowledged;
  std::optional<absl::Time> allocated;           // first REFERRAL -> PREPARATION
  std::optional<absl::Time> conference_started;  // first entry into INFORMATION_SHARING
  std::optional<absl::Time> latest_agreement;    // latest entry into FOLLOW_UP
  std::optional<absl::Time> closed;
};

std::optional<absl::Time> KnownBy(const google::protobuf::Timestamp& time, absl::Time now) {
  if (!IsSet(time) || !IsValidTimestamp(time)) return std::nullopt;
  const absl::Time at = ToAbslTime(time);
  if (at > now) return std::nullopt;
  return at;
}

History ReadHistory(const v1::Conference& conference, absl::Time now) {
  History history;
  history.referred = ToAbslTime(conference.create_time());
  history.acknowledged = KnownBy(conference.acknowledge_time(), now);
  for (const v1::StageTransition& transition : conference.transitions()) {
    const std::optional<absl::Time> at = KnownBy(transition.occur_time(), now);
    if (!at) continue;
    switch (transition.to_stage()) {
      case v1::STAGE_PREPARATION:
        if (transition.from_stage() == v1::STAGE_REFERRAL && !history.allocated) {
          history.allocated = at;
        }
        break;
      case v1::STAGE_INFORMATION_SHARING:
        if (!history.conference_started) history.conference_started = at;
        break;
      case v1::STAGE_FOLLOW_UP:
        history.latest_agreement = at;
        break;
      case v1::STAGE_CLOSED:
        history.closed = at;
        break;
      default:
        break;
    }
  }
  return history;
}

// The deadlines of one conference, in the making.
class DeadlineList {
 public:
  DeadlineList(const History& history, absl::Time now)
      : judged_at_(history.closed ? std::min(*history.closed, now) : now),
        closed_(history.closed.has_value()) {}

  void Add(v1::Timescale timescale, absl::Time due, std::optional<absl::Time> met) {
    // A closed case's clocks stopped: what was neither met nor due by then no longer applies.
    if (closed_ && !met && due >= judged_at_) return;
    v1::Deadline& deadline = deadlines_.emplace_back();
    deadline.set_timescale(timescale);
    *deadline.mutable_due_time() = ToTimestamp(due);
    if (met) *deadline.mutable_met_time() = ToTimestamp(*met);
    deadline.set_missed(!met && judged_at_ > due);
  }

  std::vector<v1::Deadline> Take() { return std::move(deadlines_); }

 private:
  const absl::Time judged_at_;
  const bool closed_;
  std::vector<v1::Deadline> deadlines_;
};

// The first review scheduled at or after `since` and known by `now`.
std::optional<absl::Time> ReviewScheduledSince(const v1::Conference& conference, absl::Time since,
                                               absl::Time now) {
  std::optional<absl::Time> first;
  for (const v1::Review& review : conference.reviews()) {
    const std::optional<absl::Time> created = KnownBy(review.create_time(), now);
    if (created && *created >= since && (!first || *created < *first)) first = created;
  }
  return first;
}

// The latest review known by `now`.
const v1::Review* LatestReview(const v1::Conference& conference, absl::Time now) {
  const v1::Review* latest = nullptr;
  for (const v1::Review& review : conference.reviews()) {
    if (KnownBy(review.create_time(), now)) latest = &review;
  }
  return latest;
}

}  // namespace

std::vector<v1::Deadline> ComputeDeadlines(const v1::Conference& conference,
                                           const TimescaleConfig& config, absl::Time now) {
  if (!KnownBy(conference.create_time(), now)) return {};
  const History history = ReadHistory(conference, now);
  const absl::TimeZone zone = ConferenceZone(conference.time_zone());
  auto due = [&](absl::Time start, const TimescaleSpan& span) {
    return DueTime(start, span, zone, config.holidays);
  };
  DeadlineList deadlines(history, now);

  deadlines.Add(v1::TIMESCALE_ACKNOWLEDGE_REFERRAL, due(history.referred, config.acknowledge),
                history.acknowledged);
  if (conference.urgency() == v1::URGENCY_URGENT || conference.urgency() == v1::URGENCY_STANDARD) {
    const TimescaleSpan& span = conference.urgency() == v1::URGENCY_URGENT
                                    ? config.urgent_conference
                                    : config.standard_conference;
    deadlines.Add(v1::TIMESCALE_HOLD_CONFERENCE, due(history.referred, span),
                  history.conference_started);
  }
  if (history.allocated) {
    deadlines.Add(v1::TIMESCALE_COMPLETE_PREPARATION, due(*history.allocated, config.preparation),
                  history.conference_started);
  }
  if (config.review_date_required && history.latest_agreement) {
    deadlines.Add(v1::TIMESCALE_SET_REVIEW_DATE, due(*history.latest_agreement, config.set_review),
                  ReviewScheduledSince(conference, *history.latest_agreement, now));
  }
  if (const v1::Review* review = LatestReview(conference, now)) {
    if (std::optional<absl::CivilDay> date = ToCivilDay(review->review_date())) {
      // Due at the end of the review date: the first instant of the next local day.
      deadlines.Add(v1::TIMESCALE_HOLD_REVIEW, StartOfDay(*date + 1, zone),
                    KnownBy(review->held_time(), now));
    }
  }
  return deadlines.Take();
}

void RefreshTimescales(const TimescaleConfig& config, absl::Time now, v1::Conference* conference) {
  std::vector<v1::Deadline> deadlines = ComputeDeadlines(*conference, config, now);
  conference->clear_deadlines();
  bool missed = false;
  for (v1::Deadline& deadline : deadlines) {
    missed = missed || deadline.missed();
    *conference->add_deadlines() = std::move(deadline);
  }
  const History history = ReadHistory(*conference, now);
  conference->set_overdue(missed && !history.closed);
}

std::vector<v1::Deadline> MissedDeadlines(const v1::Conference& conference,
                                          const TimescaleConfig& config, absl::Time now) {
  if (ReadHistory(conference, now).closed) return {};
  std::vector<v1::Deadline> missed;
  for (v1::Deadline& deadline : ComputeDeadlines(conference, config, now)) {
    if (deadline.missed()) missed.push_back(std::move(deadline));
  }
  std::stable_sort(missed.begin(), missed.end(), [](const v1::Deadline& a, const v1::Deadline& b) {
    return ToAbslTime(a.due_time()) < ToAbslTime(b.due_time());
  });
  return missed;
}

}  // namespace fgc::scheduling
