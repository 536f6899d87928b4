// The plain-words explanation of one suggestion's rank (slot.proto's `explanation`): whether it
// keeps the key participants, who can come and how, who only if need be, and who is missing.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "fgc/v1/slot.pb.h"

namespace fgc::scheduling {

// Lists of names stop after this many, with "and N more"; `missing` keeps everyone.
inline constexpr int kNamesInExplanation = 6;

// The number of people counted and of key participants among them.
struct Headcount {
  int participants = 0;
  int key_participants = 0;
};

// Explains `suggestion` from its counts and its `missing` list (key participants first).
// `if_need_be_names`: the display names of those who can come only if need be (an empty
// name is someone the caller may not see). English for now.
std::string ExplainSuggestion(const v1::SlotSuggestion& suggestion, Headcount headcount,
                              std::span<const std::string_view> if_need_be_names);

}  // namespace fgc::scheduling
