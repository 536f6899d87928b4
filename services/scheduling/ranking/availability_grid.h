// The availability answers of one conference laid out densely, one byte per participant and
// slot, so that ranking reads them in a single pass with no name lookups.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "fgc/v1/common.pb.h"
#include "fgc/v1/slot.pb.h"
#include "services/scheduling/ranking/participant.h"

namespace fgc::scheduling {

// Rows are slots, columns participants, both indexed as the caller's lists are. A cell never
// set means "no answer". Cheap to copy only when small; move it.
class AvailabilityGrid final {
 public:
  AvailabilityGrid() = default;
  AvailabilityGrid(size_t participants, size_t slots);

  size_t participants() const { return participants_; }
  size_t slots() const { return slots_; }

  // Records one answer, replacing the cell's earlier one. False, and nothing changes, for a
  // cell outside the grid or an answer or mode outside its enum.
  bool Set(size_t participant, size_t slot, v1::AvailabilityAnswer answer,
           v1::AttendanceMode mode = v1::ATTENDANCE_MODE_UNSPECIFIED);

  // The answer and mode in a cell; UNSPECIFIED outside the grid.
  v1::AvailabilityAnswer answer(size_t participant, size_t slot) const;
  v1::AttendanceMode mode(size_t participant, size_t slot) const;

  // One slot's cells, a byte per participant (see AnswerOf / ModeOf); empty outside the grid.
  std::span<const uint8_t> SlotRow(size_t slot) const;

  static v1::AvailabilityAnswer AnswerOf(uint8_t cell) {
    return static_cast<v1::AvailabilityAnswer>(cell & 0x3);
  }
  static v1::AttendanceMode ModeOf(uint8_t cell) {
    return static_cast<v1::AttendanceMode>((cell >> 2) & 0x3);
  }

 private:
  size_t participants_ = 0;
  size_t slots_ = 0;
  std::vector<uint8_t> cells_;  // slot-major: cells_[slot * participants_ + participant]
};

// A grid read from proto answers, and what in them could not be used.
struct GridFromAnswers {
  AvailabilityGrid grid;
  // Answers skipped: their member is not among the participants (an excluded or revoked
  // invitee, or a typo), or their answer or mode is outside the enum.
  int ignored_answers = 0;
  // The distinct members of those skipped answers, first seen first.
  std::vector<std::string> unknown_members;
};

// Reads each slot's `availability` (the slot holding an answer decides which slot it is for;
// its `slot` field is not consulted). When a member answers one slot twice, the later answer
// in the list wins, as RecordAvailability replaces earlier answers. A member listed twice among
// `participants` gets the first one's column.
GridFromAnswers ReadAnswers(std::span<const Participant> participants,
                            std::span<const v1::Slot> slots);

}  // namespace fgc::scheduling
