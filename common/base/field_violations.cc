#include "common/base/field_violations.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace fgc {
namespace {

// The length of the UTF-8 sequence starting at text[i], or 0 when it is not well formed.
size_t SequenceLength(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(text[k]); };
  const uint8_t lead = byte(i);
  if (lead < 0x80) return 1;
  size_t length = 0;
  uint32_t min = 0;
  uint32_t code = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    min = 0x80;
    code = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    min = 0x800;
    code = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    min = 0x10000;
    code = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool HasForbiddenControl(std::string_view text, TextShape shape) {
  return std::ranges::any_of(text, [shape](char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u != 0x7F) return false;
    return shape == TextShape::kSingleLine || (c != '\t' && c != '\n' && c != '\r');
  });
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const size_t length = SequenceLength(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

size_t CountCodePoints(std::string_view text) {
  size_t count = 0;
  for (char c : text) {
    if ((static_cast<uint8_t>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

bool LooksLikeLanguageTag(std::string_view tag) {
  if (tag.empty() || tag.size() > 35) return false;
  std::vector<absl::string_view> subtags =
      absl::StrSplit(absl::string_view(tag.data(), tag.size()), '-');
  for (size_t i = 0; i < subtags.size(); ++i) {
    const absl::string_view subtag = subtags[i];
    if (subtag.empty() || subtag.size() > 8) return false;
    for (char c : subtag) {
      if (!IsAsciiAlpha(c) && (i == 0 || !IsAsciiDigit(c))) return false;
    }
    if (i == 0 && (subtag.size() == 1 || subtag.size() == 4)) return false;
  }
  return true;
}

void FieldViolations::Add(std::string field, std::string description) {
  violations_.push_back({std::move(field), std::move(description)});
}

absl::Status FieldViolations::ToStatus(std::string_view message) const {
  if (violations_.empty()) return absl::OkStatus();
  return InvalidArgument("INVALID_FIELD", message, violations_);
}

bool FieldViolations::Text(const std::string& field, std::string_view value, size_t max_chars,
                           bool required, TextShape shape) {
  if (value.empty()) {
    if (required) Add(field, "required");
    return !required;
  }
  if (!IsValidUtf8(value)) {
    Add(field, "must be valid UTF-8");
    return false;
  }
  if (CountCodePoints(value) > max_chars) {
    Add(field, absl::StrCat("at most ", max_chars, " characters"));
    return false;
  }
  if (HasForbiddenControl(value, shape)) {
    Add(field, shape == TextShape::kMultiLine
                   ? "control characters other than tab and line breaks are not allowed"
                   : "control characters (line breaks included) are not allowed");
    return false;
  }
  return true;
}

void FieldViolations::LanguageTag(const std::string& field, std::string_view tag) {
  if (!tag.empty() && !LooksLikeLanguageTag(tag)) Add(field, "must be a BCP 47 tag such as cy");
}

}  // namespace fgc
