#include "services/scheduling/ranking/availability_grid.h"

#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

namespace fgc::scheduling {

AvailabilityGrid::AvailabilityGrid(size_t participants, size_t slots)
    : participants_(participants), slots_(slots), cells_(participants * slots, 0) {}

bool AvailabilityGrid::Set(size_t participant, size_t slot, v1::AvailabilityAnswer answer,
                           v1::AttendanceMode mode) {
  if (participant >= participants_ || slot >= slots_) return false;
  if (!v1::AvailabilityAnswer_IsValid(answer) || !v1::AttendanceMode_IsValid(mode)) return false;
  cells_[slot * participants_ + participant] =
      static_cast<uint8_t>(static_cast<unsigned>(answer) | (static_cast<unsigned>(mode) << 2));
  return true;
}

v1::AvailabilityAnswer AvailabilityGrid::answer(size_t participant, size_t slot) const {
  if (participant >= participants_ || slot >= slots_) return v1::AVAILABILITY_ANSWER_UNSPECIFIED;
  return AnswerOf(cells_[slot * participants_ + participant]);
}

v1::AttendanceMode AvailabilityGrid::mode(size_t participant, size_t slot) const {
  if (participant >= participants_ || slot >= slots_) return v1::ATTENDANCE_MODE_UNSPECIFIED;
  return ModeOf(cells_[slot * participants_ + participant]);
}

std::span<const uint8_t> AvailabilityGrid::SlotRow(size_t slot) const {
  if (slot >= slots_) return {};
  return std::span<const uint8_t>(cells_).subspan(slot * participants_, participants_);
}

GridFromAnswers ReadAnswers(std::span<const Participant> participants,
                            std::span<const v1::Slot> slots) {
  GridFromAnswers out{AvailabilityGrid(participants.size(), slots.size())};
  absl::flat_hash_map<std::string_view, size_t> column;
  column.reserve(participants.size());
  std::vector<bool> first(participants.size());
  for (size_t i = 0; i < participants.size(); ++i) {
    first[i] = column.try_emplace(participants[i].member, i).second;
  }

  absl::flat_hash_set<std::string_view> unknown;
  for (size_t s = 0; s < slots.size(); ++s) {
    // Answers usually come in the participants' order: try the column after the last one
    // before hashing the name.
    size_t next = 0;
    for (const v1::Availability& a : slots[s].availability()) {
      size_t col = participants.size();
      if (next < participants.size() && first[next] && participants[next].member == a.member()) {
        col = next;
      } else if (auto it = column.find(a.member()); it != column.end()) {
        col = it->second;
      }
      if (col == participants.size()) {
        ++out.ignored_answers;
        if (unknown.insert(a.member()).second) out.unknown_members.push_back(a.member());
        continue;
      }
      next = col + 1;
      if (!out.grid.Set(col, s, a.answer(), a.mode())) ++out.ignored_answers;
    }
  }
  return out;
}

}  // namespace fgc::scheduling
