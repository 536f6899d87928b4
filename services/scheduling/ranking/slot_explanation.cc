#include "services/scheduling/ranking/slot_explanation.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace fgc::scheduling {
namespace {

// "A, B, C" or "A, B and 4 more" once the list passes kNamesInExplanation.
std::string NameList(const std::vector<std::string>& names) {
  const int shown = std::min<int>(static_cast<int>(names.size()), kNamesInExplanation);
  std::string list = absl::StrJoin(names.begin(), names.begin() + shown, ", ");
  const int more = static_cast<int>(names.size()) - shown;
  if (more > 0) absl::StrAppend(&list, " and ", more, " more");
  return list;
}

std::string WhyMissing(const v1::MissingParticipant& m) {
  switch (m.answer()) {
    case v1::AVAILABILITY_ANSWER_NO:
      return "cannot come";
    case v1::AVAILABILITY_ANSWER_YES:
    case v1::AVAILABILITY_ANSWER_IF_NEED_BE:
      return "can only join remotely";  // and this slot has no remote joining
    default:
      return "no answer";
  }
}

std::string MissingEntry(const v1::MissingParticipant& m) {
  std::string name = m.display_name().empty()
                         ? std::string(m.key_participant() ? "a key participant" : "someone")
                         : m.display_name();
  return absl::StrCat(name, " (", m.key_participant() ? "key participant, " : "", WhyMissing(m),
                      ")");
}

std::string Attendance(const v1::SlotSuggestion& s, int participants,
                       std::span<const std::string_view> if_need_be_names) {
  std::string text =
      absl::StrCat(s.in_person_count() + s.remote_count(), " of ", participants, " can come (",
                   s.in_person_count(), " in person, ", s.remote_count(), " remotely");
  if (s.if_need_be_count() > 0) {
    std::vector<std::string> names;
    for (std::string_view name : if_need_be_names) {
      names.push_back(name.empty() ? "someone" : std::string(name));
    }
    absl::StrAppend(&text, "; ", s.if_need_be_count(), " only if need be: ", NameList(names));
  }
  return absl::StrCat(text, ")");
}

std::string KeyParticipants(const v1::SlotSuggestion& s, int key_total) {
  const int lost = s.key_participants_missing();
  if (lost == 0) {
    return key_total == 1 ? "Keeps the key participant"
                          : absl::StrCat("Keeps all ", key_total, " key participants");
  }
  return absl::StrCat("Loses ",
                      key_total == 1 ? std::string("the key participant")
                                     : absl::StrCat(lost, " of ", key_total, " key participants"),
                      ", so it ranks below any slot that keeps them all");
}

}  // namespace

std::string ExplainSuggestion(const v1::SlotSuggestion& suggestion, Headcount headcount,
                              std::span<const std::string_view> if_need_be_names) {
  if (headcount.participants == 0) return "Nobody is counted yet, so every slot ranks alike.";
  std::string attendance = Attendance(suggestion, headcount.participants, if_need_be_names);
  std::string first = headcount.key_participants == 0
                          ? absl::StrCat(attendance, ".")
                          : absl::StrCat(KeyParticipants(suggestion, headcount.key_participants),
                                         "; ", attendance, ".");
  if (suggestion.missing().empty()) return absl::StrCat(first, " Nobody is missing.");
  std::vector<std::string> missing;
  missing.reserve(suggestion.missing_size());
  for (const auto& m : suggestion.missing()) missing.push_back(MissingEntry(m));
  return absl::StrCat(first, " Missing: ", NameList(missing), ".");
}

}  // namespace fgc::scheduling
