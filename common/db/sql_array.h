// PostgreSQL arrays in their text form, for passing a whole batch as one statement parameter
// (`unnest($2::bigint[], $3::bytea[])`): libpqxx 6 has no array parameters of its own.
// Elements are quoted and escaped, so any text is safe; nullopt elements become NULL.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace fgc::db {

// Builds one array literal element by element.
class SqlArray {
 public:
  SqlArray& Add(std::string_view text);            // a quoted text element
  SqlArray& AddBytes(std::string_view bytes);      // a bytea element, hex-encoded
  SqlArray& AddInt(int64_t value);                 // an integer element
  SqlArray& AddInt(std::optional<int64_t> value);  // an integer or NULL

  // The literal, "{...}"; an empty array is "{}".
  const std::string& Literal();

 private:
  void Separate();

  std::string text_ = "{";
  bool closed_ = false;
};

// The literal of `texts` as a text[].
std::string TextArray(std::span<const std::string> texts);

}  // namespace fgc::db
