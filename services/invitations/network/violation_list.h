// The network's text rules (lengths in characters with a minimum, blank counted as empty, no
// control characters) on top of common/base/field_violations.h, which collects the violations.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "common/base/errors.h"
#include "common/base/field_violations.h"

namespace fgc::invitations {

// The number of Unicode characters in `text`, or -1 if it is not valid UTF-8.
long Utf8Length(const std::string& text);

class ViolationList final {
 public:
  void Add(std::string field, std::string description);

  // Text of `min`-`max` characters (`min` 0: optional), valid UTF-8, without control
  // characters; tab and line breaks too when `multiline`. Blank counts as empty.
  void Text(const std::string& field, const std::string& value, size_t min, size_t max,
            bool multiline = false);

  bool empty() const { return violations_.empty(); }

  // OK when nothing was added; else INVALID_ARGUMENT (INVALID_FIELD) listing every field.
  absl::Status ToStatus(const std::string& message) const;

 private:
  FieldViolations violations_;
};

}  // namespace fgc::invitations
