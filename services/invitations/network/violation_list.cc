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
  long characters = 0;
  for (size_t i = 0; i < text.size();) {
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    size_t length = lead < 0x80             ? 1
                    : (lead & 0xE0) == 0xC0 ? 2
                    : (lead & 0xF0) == 0xE0 ? 3
                    : (lead & 0xF8) == 0xF0 ? 4
                                            : 0;
    if (length == 0 || i + length > text.size()) return -1;
    uint32_t code_point = length == 1 ? lead : lead & (0x7F >> length);
    for (size_t k = 1; k < length; ++k) {
      const unsigned char next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return -1;
      code_point = (code_point << 6) | (next & 0x3F);
    }
    constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code_point < kMin[length] || code_point > 0x10FFFF ||
        (code_point >= 0xD800 && code_point <= 0xDFFF)) {
      return -1;
    }
    i += length;
    ++characters;
  }
  return characters;
}

void ViolationList::Add(std::string field, std::string description) {
  list_.push_back({std::move(field), std::move(description)});
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
  if (list_.empty()) return absl::OkStatus();
  return InvalidArgument("INVALID_FIELD", message, list_);
}

}  // namespace fgc::invitations
