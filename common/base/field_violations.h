// Collects one violation per bad field of a request so that a caller learns of every mistake
// in one answer (google.rpc.BadRequest), with the text rules every service's fields share:
// strict UTF-8, lengths counted in characters, no control characters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "common/base/errors.h"

namespace fgc {

// Strict UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view text);
// Unicode code points in valid UTF-8: what the contracts' "characters" counts.
size_t CountCodePoints(std::string_view text);

// A BCP 47 tag in its common shape: a 2-3 or 5-8 letter language, then subtags of 1-8 letters
// or digits, joined by '-'; at most 35 characters.
bool LooksLikeLanguageTag(std::string_view tag);

enum class TextShape {
  kSingleLine,  // names, labels: no control characters at all
  kMultiLine,   // free text: tab, line feed and carriage return allowed
};

class FieldViolations {
 public:
  void Add(std::string field, std::string description);
  bool empty() const { return violations_.empty(); }
  const std::vector<FieldViolation>& list() const { return violations_; }

  // INVALID_ARGUMENT, reason INVALID_FIELD, listing every violation; OK when there is none.
  absl::Status ToStatus(std::string_view message) const;

  // A string of at most `max_chars` characters, valid UTF-8, of the given shape; with
  // `required`, also not empty. Returns true when the value passed.
  bool Text(const std::string& field, std::string_view value, size_t max_chars, bool required,
            TextShape shape = TextShape::kSingleLine);

  // A BCP 47 tag in its common shape, when not empty.
  void LanguageTag(const std::string& field, std::string_view tag);

 private:
  std::vector<FieldViolation> violations_;
};

}  // namespace fgc
