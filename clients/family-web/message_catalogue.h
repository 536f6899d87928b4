// The family web's words: one key -> text table per language (messages_<language>.cc), so every
// text a family reads can be translated and checked for completeness. Texts are plain (reading
// age about 9); `{name}` marks where a value goes.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace fgc::family_web {

struct CatalogueMessage {
  std::string_view key;
  std::string_view text;
};

// Each language's table. English is complete by definition; the others are checked against it.
std::span<const CatalogueMessage> EnglishMessages();
std::span<const CatalogueMessage> WelshMessages();
std::span<const CatalogueMessage> PolishMessages();
std::span<const CatalogueMessage> ArabicMessages();
// The table for a supported language; English for any other.
std::span<const CatalogueMessage> MessagesFor(std::string_view language);

// True when `language`'s own table has `key`.
bool HasMessage(std::string_view language, std::string_view key);
// The text of `key` in `language` (plain text, not escaped); English when that language lacks
// it; the key itself when no table has it, so that a missing key is seen rather than hidden.
std::string MessageText(std::string_view language, std::string_view key);

// Placeholder name -> the HTML to put there (already escaped by the caller).
using MessageArgs = std::initializer_list<std::pair<std::string_view, std::string_view>>;
// The text of `key` as HTML: escaped, then each `{name}` replaced by its argument's HTML.
std::string MessageHtml(std::string_view language, std::string_view key, MessageArgs args = {});

}  // namespace fgc::family_web
