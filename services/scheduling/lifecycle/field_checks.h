// The field checks the lifecycle's requests share, collecting one violation per bad field so
// that a caller learns of every mistake in one answer (google.rpc.BadRequest). Internal to
// the lifecycle library.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "common/base/errors.h"
#include "fgc/v1/common.pb.h"

namespace fgc::scheduling {

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

  // Valid UTF-8 of at most `max_chars` characters (code points) and of the shape; with
  // `required`, also not empty. Returns true when it passed.
  bool Text(const std::string& field, std::string_view value, size_t max_chars, bool required,
            TextShape shape = TextShape::kSingleLine);

  // A BCP 47 tag in its common shape, when not empty.
  void LanguageTag(const std::string& field, std::string_view tag);

  // A StaffMember: display_name 1-200, subject (required with `subject_required`) and job title
  // at most 200, agency at most 100, email an addr-spec of at most 254, phone E.164.
  void Staff(const std::string& field, const v1::StaffMember& staff, bool subject_required);

 private:
  std::vector<FieldViolation> violations_;
};

// Strict UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view text);

}  // namespace fgc::scheduling
