#include "common/db/sql_array.h"

#include "absl/strings/str_cat.h"

namespace fgc::db {
namespace {

constexpr char kHex[] = "0123456789abcdef";

}  // namespace

void SqlArray::Separate() {
  if (text_.size() > 1) text_.push_back(',');
}

SqlArray& SqlArray::Add(std::string_view text) {
  Separate();
  text_.push_back('"');
  for (char c : text) {
    // Inside a quoted element only the quote and the backslash need escaping.
    if (c == '"' || c == '\\') text_.push_back('\\');
    text_.push_back(c);
  }
  text_.push_back('"');
  return *this;
}

SqlArray& SqlArray::AddBytes(std::string_view bytes) {
  Separate();
  // "\\x..." in the literal is the element \x... : bytea's hex input form.
  text_.reserve(text_.size() + 5 + 2 * bytes.size());
  text_.append("\"\\\\x");
  for (unsigned char b : bytes) {
    text_.push_back(kHex[b >> 4]);
    text_.push_back(kHex[b & 0xf]);
  }
  text_.push_back('"');
  return *this;
}

SqlArray& SqlArray::AddInt(int64_t value) {
  Separate();
  absl::StrAppend(&text_, value);
  return *this;
}

SqlArray& SqlArray::AddInt(std::optional<int64_t> value) {
  if (value) return AddInt(*value);
  Separate();
  text_.append("NULL");
  return *this;
}

const std::string& SqlArray::Literal() {
  if (!closed_) {
    text_.push_back('}');
    closed_ = true;
  }
  return text_;
}

std::string TextArray(std::span<const std::string> texts) {
  SqlArray array;
  for (const auto& t : texts) array.Add(t);
  return array.Literal();
}

}  // namespace fgc::db
