// Small builders for the ranking tests: people, slots and answer grids written as strings.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "fgc/v1/slot.pb.h"
#include "services/scheduling/ranking/availability_grid.h"
#include "services/scheduling/ranking/participant.h"

namespace fgc::scheduling::testing {

inline std::string MemberName(const std::string& id) {
  return "tenants/t1/conferences/c1/members/" + id;
}

inline Participant Person(const std::string& id, int weight = kOtherWeight) {
  Participant p;
  p.member = MemberName(id);
  p.display_name = id;
  p.weight = weight;
  return p;
}

inline Participant KeyPerson(const std::string& id) {
  Participant p = Person(id, kKeyParticipantWeight);
  p.key = true;
  return p;
}

// A slot `hours` after a fixed day, an hour long, at a venue unless `venue` is false.
inline v1::Slot MakeSlot(const std::string& id, int64_t hours, bool venue = true,
                         bool remote = false) {
  v1::Slot slot;
  slot.set_name("tenants/t1/conferences/c1/slots/" + id);
  slot.mutable_start_time()->set_seconds(1'900'000'000 + hours * 3600);
  slot.mutable_end_time()->set_seconds(1'900'000'000 + hours * 3600 + 3600);
  if (venue) slot.set_venue("tenants/t1/venues/hall");
  slot.set_remote_available(remote);
  return slot;
}

// One string per slot, one character per participant: Y yes, M if need be, N no, '?' no
// answer, R yes remotely, r if need be remotely, P yes in person.
inline AvailabilityGrid Grid(size_t people, const std::vector<std::string>& rows) {
  AvailabilityGrid grid(people, rows.size());
  for (size_t s = 0; s < rows.size(); ++s) {
    for (size_t p = 0; p < rows[s].size() && p < people; ++p) {
      v1::AvailabilityAnswer answer = v1::AVAILABILITY_ANSWER_UNSPECIFIED;
      v1::AttendanceMode mode = v1::ATTENDANCE_MODE_UNSPECIFIED;
      switch (rows[s][p]) {
        case 'Y':
          answer = v1::AVAILABILITY_ANSWER_YES;
          break;
        case 'M':
          answer = v1::AVAILABILITY_ANSWER_IF_NEED_BE;
          break;
        case 'N':
          answer = v1::AVAILABILITY_ANSWER_NO;
          break;
        case 'R':
          answer = v1::AVAILABILITY_ANSWER_YES;
          mode = v1::ATTENDANCE_MODE_REMOTE;
          break;
        case 'r':
          answer = v1::AVAILABILITY_ANSWER_IF_NEED_BE;
          mode = v1::ATTENDANCE_MODE_REMOTE;
          break;
        case 'P':
          answer = v1::AVAILABILITY_ANSWER_YES;
          mode = v1::ATTENDANCE_MODE_IN_PERSON;
          break;
        default:
          break;
      }
      grid.Set(p, s, answer, mode);
    }
  }
  return grid;
}

}  // namespace fgc::scheduling::testing
