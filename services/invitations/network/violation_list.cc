#include "services/invitations/network/violation_list.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace fgc::invitations {
namespace {

bool IsBlank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

bool HasControlCharacter(const std::string& text, bool multiline) {
  for (unsigned char c : text) {
    const bool line_break = c == '\n' || c == '\r' || c == '\t';
    if ((c < 0x20 && !(multiline && line_break)) || c == 0x7F) return true;
  }
  return false;
}

}  // namespace

long Utf8Length(const std::string& text) {
  return IsValidUtf8(text) ? static_cast<long>(CountCodePoints(text)) : -1;
}

void ViolationList::Add(std::string field, std::string description) {
  violations_.Add(std::move(field), std::move(description));
}

void ViolationList::Text(const std::string& field, const std::string& value, size_t min, size_t max,
                         bool multiline) {
  const long length = Utf8Length(value);
  if (length < 0) return Add(field, "must be valid UTF-8");
  if (min > 0 && IsBlank(value)) return Add(field, "is required");
  if (static_cast<size_t>(length) < min) {
    return Add(field, absl::StrCat("must be at least ", min, " characters"));
  }
  if (static_cast<size_t>(length) > max) {
    return Add(field, absl::StrCat("must be at most ", max, " characters"));
  }
  if (HasControlCharacter(value, multiline)) {
    Add(field, multiline ? "must not contain control characters other than line breaks"
                         : "must be one line without control characters");
  }
}

absl::Status ViolationList::ToStatus(const std::string& message) const {
  return violations_.ToStatus(message);
}

}  // namespace fgc::invitations
