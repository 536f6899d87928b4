#include "common/listing/filter_comparisons.h"

#include <cctype>

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"

namespace fgc::listing {
namespace {

absl::Status Bad(std::string_view why) { return FilterError(why); }

}  // namespace

absl::Status FilterError(std::string_view why) {
  return InvalidArgument("INVALID_FILTER", absl::StrCat("filter: ", std::string(why)),
                         {{"filter", std::string(why)}});
}

// Splits `a = "x" AND b >= 3` into comparisons; values are bare words or double-quoted strings
// (a backslash escapes the next character).
absl::StatusOr<std::vector<Comparison>> ParseComparisons(std::string_view text) {
  if (text.size() > 2000) return Bad("longer than 2,000 characters");
  std::vector<Comparison> out;
  size_t i = 0;
  auto skip_space = [&] {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  };
  auto word = [&] {
    size_t start = i;
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) ||
                               text[i] == '_' || text[i] == '-' || text[i] == '.')) {
      ++i;
    }
    return std::string(text.substr(start, i - start));
  };
  skip_space();
  if (i == text.size()) return out;
  while (true) {
    Comparison c;
    skip_space();
    c.field = word();
    if (c.field.empty()) return Bad("expected a field name");
    skip_space();
    for (const char* op : {">=", "<=", "!=", "=", "<", ">"}) {
      if (text.substr(i).rfind(op, 0) == 0) {
        c.op = op;
        i += c.op.size();
        break;
      }
    }
    if (c.op.empty()) return Bad(absl::StrCat("expected a comparison after ", c.field));
    skip_space();
    if (i < text.size() && text[i] == '"') {
      ++i;
      while (i < text.size() && text[i] != '"') {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        c.value.push_back(text[i++]);
      }
      if (i == text.size()) return Bad("unterminated string");
      ++i;
    } else {
      c.value = word();
      if (c.value.empty()) return Bad(absl::StrCat("expected a value for ", c.field));
    }
    out.push_back(std::move(c));
    skip_space();
    if (i == text.size()) return out;
    if (word() != "AND") return Bad("comparisons are joined by AND");
  }
}

absl::Status ApplyTimeRange(const Comparison& c, std::optional<absl::Time>* from,
                            std::optional<absl::Time>* to) {
  absl::Time t;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, c.value, &t, &error)) {
    return Bad(absl::StrCat(c.field, " takes an RFC 3339 time"));
  }
  if (c.op == ">=")
    *from = t;
  else if (c.op == ">")
    *from = t + absl::Nanoseconds(1);
  else if (c.op == "<")
    *to = t;
  else if (c.op == "<=")
    *to = t + absl::Nanoseconds(1);
  else
    return Bad(absl::StrCat(c.field, " takes >=, >, < or <="));
  return absl::OkStatus();
}

}  // namespace fgc::listing
