// SuggestSlots' rule: ranks a conference's candidate slots by who can come, weighted by role,
// and explains each rank. A pure function of its inputs (no clock, no I/O), O(people x slots)
// with no allocation per cell; only the suggestions returned are explained.
//
// How each participant counts at a slot (their cell of the AvailabilityGrid):
//  - YES counts their whole weight, IF_NEED_BE half of it (slot.proto's `score`).
//  - NO and no answer (UNSPECIFIED) count nothing and make them missing; a key participant
//    missing this way is one of the slot's `key_participants_missing`. No answer is not
//    taken as a maybe: a slot nobody has answered for must not look as good as one they have.
//  - How they would come: the answer's mode, else the participant's own (their RSVP), else in
//    person where the slot has a venue. A slot without a venue is remote only. Someone who
//    would come remotely to a slot with a venue but no remote joining cannot come: they are
//    missing, with their own answer (YES or IF_NEED_BE) kept in `missing` to say why.
//  - `if_need_be_count` counts those who can come only if need be.
//
// The order (slot.proto's `rank`): fewer key participants missing first, so a slot that keeps
// every key participant ranks above any that loses one, however many others it has; then the
// higher score; then more people in person; then the earliest start; then the order given.
//
// Bad input never crashes and is reported in RankingNotes (INVALID_ARGUMENT for it is the
// adapter's decision): a member listed twice among the participants counts once (the first);
// a slot name given twice is ranked once (the first; unnamed slots are all ranked); grid
// cells outside the grid read as no answer.
//
// Thread safety: none needed; RankSlots shares nothing.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "fgc/v1/scheduling_service.pb.h"
#include "fgc/v1/slot.pb.h"
#include "services/scheduling/ranking/availability_grid.h"
#include "services/scheduling/ranking/participant.h"

namespace fgc::scheduling {

inline constexpr int kDefaultSuggestions = 10;
inline constexpr int kMaxSuggestions = 100;

struct RankingOptions {
  // SuggestSlotsRequest.max_suggestions as sent: 0 (or less) gives 10, more than 100 gives 100.
  int max_suggestions = 0;
  // Slots starting at or before this instant are left out ("slots already past").
  absl::Time now = absl::InfinitePast();
  // Copy each slot's `availability` into its suggestion; off by default, as `missing` and the
  // counts already say who can come and ListSlots gives every answer.
  bool include_answers = false;
};

// What in the input was not used as given.
struct RankingNotes {
  std::vector<std::string> duplicate_participants;  // counted once
  std::vector<std::string> duplicate_slots;         // ranked once
  int past_slots = 0;                               // left out
};

struct SlotRanking {
  // `suggestions` best first, rank 1 up, and `participant_count`.
  v1::SuggestSlotsResponse response;
  RankingNotes notes;
};

// Ranks `slots` for `participants` with their answers in `answers` (rows indexed as `slots`,
// columns as `participants`, for example from ReadAnswers).
SlotRanking RankSlots(std::span<const Participant> participants, std::span<const v1::Slot> slots,
                      const AvailabilityGrid& answers, const RankingOptions& options = {});

}  // namespace fgc::scheduling
