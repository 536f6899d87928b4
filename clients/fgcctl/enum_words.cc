#include "clients/fgcctl/enum_words.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"

namespace fgc::ctl {
namespace {

// "MEMBER_ROLE_" from MEMBER_ROLE_UNSPECIFIED.
std::string Prefix(const google::protobuf::EnumDescriptor* type) {
  const auto* zero = type->FindValueByNumber(0);
  if (zero == nullptr || !absl::EndsWith(zero->name(), "UNSPECIFIED")) return "";
  return zero->name().substr(0, zero->name().size() - std::string("UNSPECIFIED").size());
}

}  // namespace

std::string EnumValueWord(const google::protobuf::EnumDescriptor* type, int number) {
  const auto* value = type->FindValueByNumber(number);
  if (value == nullptr) return absl::StrCat(number);
  std::string name = value->name();
  const std::string prefix = Prefix(type);
  if (absl::StartsWith(name, prefix)) name = name.substr(prefix.size());
  return absl::StrReplaceAll(absl::AsciiStrToLower(name), {{"_", "-"}});
}

absl::StatusOr<int> ParseEnumValueWord(const google::protobuf::EnumDescriptor* type,
                                       const std::string& word) {
  const std::string upper = absl::StrReplaceAll(absl::AsciiStrToUpper(word), {{"-", "_"}});
  const std::string prefix = Prefix(type);
  std::vector<std::string> accepted;
  for (int i = 0; i < type->value_count(); ++i) {
    const auto* value = type->value(i);
    if (value->number() == 0) continue;
    if (upper == value->name() || prefix + upper == value->name()) return value->number();
    accepted.push_back(EnumValueWord(type, value->number()));
  }
  return absl::InvalidArgumentError(
      absl::StrCat("\"", word, "\" is not one of: ", absl::StrJoin(accepted, ", ")));
}

}  // namespace fgc::ctl
