#include "services/scheduling/ranking/slot_ranking.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "services/scheduling/ranking/slot_explanation.h"

namespace fgc::scheduling {
namespace {

// A participant who counts, as the per-cell loop reads them.
struct Counted {
  uint32_t column;  // their index in the participants (and the grid's column)
  int32_t weight;   // >= 0
  bool key;
  v1::AttendanceMode mode;
};

// What a slot offers: a venue to come to, and remote joining.
struct Offer {
  bool venue;
  bool remote;
};

enum class Attendance : uint8_t { kMissing, kInPerson, kRemote };

// How one participant stands at one slot (the rules in slot_ranking.h).
Attendance AttendanceAt(uint8_t cell, v1::AttendanceMode default_mode, Offer offer) {
  const v1::AvailabilityAnswer answer = AvailabilityGrid::AnswerOf(cell);
  if (answer != v1::AVAILABILITY_ANSWER_YES && answer != v1::AVAILABILITY_ANSWER_IF_NEED_BE) {
    return Attendance::kMissing;
  }
  v1::AttendanceMode mode = AvailabilityGrid::ModeOf(cell);
  if (mode == v1::ATTENDANCE_MODE_UNSPECIFIED) mode = default_mode;
  if (mode == v1::ATTENDANCE_MODE_REMOTE) {
    return offer.remote ? Attendance::kRemote : Attendance::kMissing;
  }
  return offer.venue ? Attendance::kInPerson : Attendance::kRemote;
}

Offer OfferOf(const v1::Slot& slot) {
  const bool venue = !slot.venue().empty();
  // A slot without a venue is remote only, whatever `remote_available` says.
  return {venue, slot.remote_available() || !venue};
}

// One slot's figures: all that the order needs.
struct Tally {
  int64_t half_points = 0;  // the score doubled, exact: YES 2 x weight, IF_NEED_BE 1 x weight
  int32_t key_missing = 0;
  int32_t in_person = 0;
  int32_t remote = 0;
  int32_t if_need_be = 0;
  int64_t start_seconds = 0;
  int32_t start_nanos = 0;
  uint32_t slot = 0;  // its index in the input
};

bool RanksBefore(const Tally& a, const Tally& b) {
  if (a.key_missing != b.key_missing) return a.key_missing < b.key_missing;
  if (a.half_points != b.half_points) return a.half_points > b.half_points;
  if (a.in_person != b.in_person) return a.in_person > b.in_person;
  if (a.start_seconds != b.start_seconds) return a.start_seconds < b.start_seconds;
  if (a.start_nanos != b.start_nanos) return a.start_nanos < b.start_nanos;
  return a.slot < b.slot;
}

uint8_t CellAt(std::span<const uint8_t> row, uint32_t column) {
  return column < row.size() ? row[column] : 0;
}

// What one participant adds to a slot's tally for one cell value.
struct Contribution {
  int32_t half_points = 0;
  uint8_t key_missing = 0;
  uint8_t in_person = 0;
  uint8_t remote = 0;
  uint8_t if_need_be = 0;
};

constexpr size_t kCellValues = 16;  // 2 bits of answer, 2 of mode
constexpr size_t kOffers = 4;       // venue or not, remote joining or not

size_t OfferIndex(Offer offer) { return (offer.venue ? 2 : 0) + (offer.remote ? 1 : 0); }

// Every participant's contribution for every offer and cell value, worked out once per call,
// so that the people x slots loop is table look-ups and adds with no branches on answers
// (random answers made the branches mispredict: about 6 ns a cell against 1).
class ContributionTable final {
 public:
  explicit ContributionTable(std::span<const Counted> counted)
      : people_(counted.size()), table_(kOffers * people_ * kCellValues) {
    for (size_t o = 0; o < kOffers; ++o) {
      const Offer offer{(o & 2) != 0, (o & 1) != 0};
      for (size_t j = 0; j < people_; ++j) {
        for (size_t cell = 0; cell < kCellValues; ++cell) {
          table_[(o * people_ + j) * kCellValues + cell] =
              Contribute(counted[j], static_cast<uint8_t>(cell), offer);
        }
      }
    }
  }

  // The contributions for one offer: kCellValues entries per participant, in counted order.
  const Contribution* ForOffer(Offer offer) const {
    return table_.data() + OfferIndex(offer) * people_ * kCellValues;
  }

 private:
  static Contribution Contribute(const Counted& p, uint8_t cell, Offer offer) {
    Contribution c;
    const Attendance at = AttendanceAt(cell, p.mode, offer);
    if (at == Attendance::kMissing) {
      c.key_missing = p.key ? 1 : 0;
      return c;
    }
    const bool maybe = AvailabilityGrid::AnswerOf(cell) == v1::AVAILABILITY_ANSWER_IF_NEED_BE;
    // Weights are capped so that a slot's sum cannot overflow (kMaxWeight x people).
    c.half_points = maybe ? p.weight : 2 * p.weight;
    c.if_need_be = maybe ? 1 : 0;
    c.in_person = at == Attendance::kInPerson ? 1 : 0;
    c.remote = at == Attendance::kRemote ? 1 : 0;
    return c;
  }

  size_t people_;
  std::vector<Contribution> table_;
};

Tally TallySlot(const v1::Slot& slot, uint32_t index, std::span<const uint8_t> row,
                std::span<const Counted> counted, const ContributionTable& table) {
  Tally t;
  t.slot = index;
  t.start_seconds = slot.start_time().seconds();
  t.start_nanos = slot.start_time().nanos();
  const Contribution* contributions = table.ForOffer(OfferOf(slot));
  const bool full_row = !counted.empty() && counted.back().column < row.size();
  for (size_t j = 0; j < counted.size(); ++j) {
    const uint8_t cell = full_row ? row[counted[j].column] : CellAt(row, counted[j].column);
    const Contribution& c = contributions[j * kCellValues + cell];
    t.half_points += c.half_points;
    t.key_missing += c.key_missing;
    t.in_person += c.in_person;
    t.remote += c.remote;
    t.if_need_be += c.if_need_be;
  }
  return t;
}

// The slot as suggested: every field but its answers unless they are asked for.
void CopySlot(const v1::Slot& from, bool include_answers, v1::Slot& to) {
  if (include_answers) {
    to = from;
    return;
  }
  to.set_name(from.name());
  if (from.has_start_time()) *to.mutable_start_time() = from.start_time();
  if (from.has_end_time()) *to.mutable_end_time() = from.end_time();
  to.set_venue(from.venue());
  to.set_remote_available(from.remote_available());
  if (from.has_create_time()) *to.mutable_create_time() = from.create_time();
}

// Fills `out` for the slot `t` describes: counts, who is missing (key participants first, each
// group in the participants' order) and the explanation.
void Describe(const Tally& t, const v1::Slot& slot, std::span<const uint8_t> row,
              std::span<const Counted> counted, std::span<const Participant> participants,
              Headcount headcount, bool include_answers, v1::SlotSuggestion& out) {
  CopySlot(slot, include_answers, *out.mutable_slot());
  out.set_score(static_cast<double>(t.half_points) / 2.0);
  out.set_key_participants_missing(t.key_missing);
  out.set_in_person_count(t.in_person);
  out.set_remote_count(t.remote);
  out.set_if_need_be_count(t.if_need_be);

  const Offer offer = OfferOf(slot);
  std::vector<std::string_view> if_need_be;
  for (bool key_pass : {true, false}) {
    for (const Counted& p : counted) {
      if (p.key != key_pass) continue;
      const uint8_t cell = CellAt(row, p.column);
      const Participant& who = participants[p.column];
      if (AttendanceAt(cell, p.mode, offer) != Attendance::kMissing) {
        if (AvailabilityGrid::AnswerOf(cell) == v1::AVAILABILITY_ANSWER_IF_NEED_BE) {
          if_need_be.push_back(who.display_name);
        }
        continue;
      }
      v1::MissingParticipant* m = out.add_missing();
      m->set_member(who.member);
      m->set_display_name(who.display_name);
      m->set_key_participant(p.key);
      m->set_answer(AvailabilityGrid::AnswerOf(cell));
    }
  }
  out.set_explanation(ExplainSuggestion(out, headcount, if_need_be));
}

// The participants who count: each member once, the first time they are listed.
std::vector<Counted> CountedParticipants(std::span<const Participant> participants,
                                         RankingNotes& notes) {
  std::vector<Counted> counted;
  counted.reserve(participants.size());
  absl::flat_hash_set<std::string_view> seen;
  seen.reserve(participants.size());
  for (size_t i = 0; i < participants.size(); ++i) {
    const Participant& p = participants[i];
    if (!seen.insert(p.member).second) {
      notes.duplicate_participants.push_back(p.member);
      continue;
    }
    counted.push_back(
        {static_cast<uint32_t>(i), std::clamp(p.weight, 0, kMaxWeight), p.key, p.mode});
  }
  return counted;
}

int SuggestionLimit(int requested) {
  if (requested <= 0) return kDefaultSuggestions;
  return std::min(requested, kMaxSuggestions);
}

bool HasStarted(const v1::Slot& slot, absl::Time now) {
  if (now == absl::InfinitePast()) return false;
  const absl::Time start = absl::FromUnixSeconds(slot.start_time().seconds()) +
                           absl::Nanoseconds(slot.start_time().nanos());
  return start <= now;
}

}  // namespace

SlotRanking RankSlots(std::span<const Participant> participants, std::span<const v1::Slot> slots,
                      const AvailabilityGrid& answers, const RankingOptions& options) {
  SlotRanking out;
  const std::vector<Counted> counted = CountedParticipants(participants, out.notes);
  Headcount headcount{static_cast<int>(counted.size()), 0};
  for (const Counted& p : counted) headcount.key_participants += p.key ? 1 : 0;
  out.response.set_participant_count(headcount.participants);

  const ContributionTable table(counted);
  std::vector<Tally> tallies;
  tallies.reserve(slots.size());
  absl::flat_hash_set<std::string_view> names;
  names.reserve(slots.size());
  for (size_t s = 0; s < slots.size(); ++s) {
    const v1::Slot& slot = slots[s];
    if (!slot.name().empty() && !names.insert(slot.name()).second) {
      out.notes.duplicate_slots.push_back(slot.name());
      continue;
    }
    if (HasStarted(slot, options.now)) {
      ++out.notes.past_slots;
      continue;
    }
    tallies.push_back(
        TallySlot(slot, static_cast<uint32_t>(s), answers.SlotRow(s), counted, table));
  }

  const size_t shown =
      std::min(tallies.size(), static_cast<size_t>(SuggestionLimit(options.max_suggestions)));
  std::partial_sort(tallies.begin(), tallies.begin() + static_cast<ptrdiff_t>(shown), tallies.end(),
                    RanksBefore);
  out.response.mutable_suggestions()->Reserve(static_cast<int>(shown));
  for (size_t i = 0; i < shown; ++i) {
    const Tally& t = tallies[i];
    v1::SlotSuggestion* suggestion = out.response.add_suggestions();
    suggestion->set_rank(static_cast<int32_t>(i + 1));
    Describe(t, slots[t.slot], answers.SlotRow(t.slot), counted, participants, headcount,
             options.include_answers, *suggestion);
  }
  return out;
}

}  // namespace fgc::scheduling
