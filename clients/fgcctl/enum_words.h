// Enum values as people type and read them on a command line: "parental-responsibility" for
// MEMBER_ROLE_PARENTAL_RESPONSIBILITY. Every fgc enum starts with its _UNSPECIFIED value, whose
// name gives the prefix the words leave out.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/generated_enum_reflection.h"

namespace fgc::ctl {

// The value's word: its name without the enum's prefix, lower case, hyphens for underscores.
std::string EnumValueWord(const google::protobuf::EnumDescriptor* type, int number);

// Accepts the word (hyphens or underscores, any case) or the full value name; never the
// _UNSPECIFIED value. INVALID_ARGUMENT listing the words accepted.
absl::StatusOr<int> ParseEnumValueWord(const google::protobuf::EnumDescriptor* type,
                                       const std::string& word);

template <typename Enum>
std::string EnumWord(Enum value) {
  return EnumValueWord(google::protobuf::GetEnumDescriptor<Enum>(), static_cast<int>(value));
}

template <typename Enum>
absl::StatusOr<Enum> ParseEnumWord(const std::string& word) {
  auto number = ParseEnumValueWord(google::protobuf::GetEnumDescriptor<Enum>(), word);
  if (!number.ok()) return number.status();
  return static_cast<Enum>(*number);
}

}  // namespace fgc::ctl
