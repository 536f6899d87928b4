#include "services/scheduling/lifecycle/field_checks.h"

#include <cstdint>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace fgc::scheduling {
namespace {

// The length of the UTF-8 sequence starting at text[i], or 0 when it is not a valid one.
size_t SequenceLength(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(text[k]); };
  const uint8_t lead = byte(i);
  size_t length = 0;
  uint8_t low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // no overlong forms
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // no overlong forms
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

bool HasForbiddenControl(std::string_view text, TextShape shape) {
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    const bool control = u < 0x20 || u == 0x7F;
    if (!control) continue;
    if (shape == TextShape::kMultiLine && (c == '\t' || c == '\n' || c == '\r')) continue;
    return true;
  }
  return false;
}

bool LooksLikeLanguageTag(std::string_view tag) {
  if (tag.empty() || tag.size() > 35) return false;
  std::vector<absl::string_view> subtags =
      absl::StrSplit(absl::string_view(tag.data(), tag.size()), '-');
  const absl::string_view language = subtags[0];
  if (!(language.size() >= 2 && language.size() <= 3) &&
      !(language.size() >= 5 && language.size() <= 8)) {
    return false;
  }
  for (size_t i = 0; i < subtags.size(); ++i) {
    if (subtags[i].empty() || subtags[i].size() > 8) return false;
    for (char c : subtags[i]) {
      if (!absl::ascii_isalpha(c) && (i == 0 || !absl::ascii_isdigit(c))) return false;
    }
  }
  return true;
}

bool LooksLikeEmail(std::string_view email) {
  const size_t at = email.rfind('@');
  return at != std::string_view::npos && at > 0 && at + 1 < email.size() &&
         email.find_first_of(" \t\r\n<>") == std::string_view::npos;
}

// E.164: '+', a non-zero digit, at most 15 digits in all.
bool IsE164(std::string_view phone) {
  if (phone.size() < 3 || phone.size() > 16 || phone[0] != '+' || phone[1] == '0') return false;
  for (size_t i = 1; i < phone.size(); ++i) {
    if (!absl::ascii_isdigit(phone[i])) return false;
  }
  return true;
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
  size_t chars = 0;
  for (char c : value) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (chars > max_chars) {
    Add(field, absl::StrCat("at most ", max_chars, " characters"));
    return false;
  }
  if (HasForbiddenControl(value, shape)) {
    Add(field, shape == TextShape::kSingleLine ? "must be a single line without control characters"
                                               : "must not contain control characters");
    return false;
  }
  return true;
}

void FieldViolations::LanguageTag(const std::string& field, std::string_view tag) {
  if (!tag.empty() && !LooksLikeLanguageTag(tag)) Add(field, "must be a BCP 47 tag such as cy");
}

void FieldViolations::Staff(const std::string& field, const v1::StaffMember& staff,
                            bool subject_required) {
  Text(field + ".subject", staff.subject(), 200, subject_required);
  Text(field + ".display_name", staff.display_name(), 200, /*required=*/true);
  Text(field + ".agency", staff.agency(), 100, /*required=*/false);
  Text(field + ".job_title", staff.job_title(), 200, /*required=*/false);
  if (Text(field + ".email", staff.email(), 254, /*required=*/false) && !staff.email().empty() &&
      !LooksLikeEmail(staff.email())) {
    Add(field + ".email", "must be an email address");
  }
  if (!staff.phone_number().empty() && !IsE164(staff.phone_number())) {
    Add(field + ".phone_number", "must be in E.164 form, e.g. +441632960000");
  }
}

}  // namespace fgc::scheduling
