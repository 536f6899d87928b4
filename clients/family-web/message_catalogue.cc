#include "clients/family-web/message_catalogue.h"

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_replace.h"
#include "clients/family-web/html_text.h"

namespace fgc::family_web {
namespace {

using Table = absl::flat_hash_map<std::string_view, std::string_view>;

Table Index(std::span<const CatalogueMessage> messages) {
  Table table;
  for (const CatalogueMessage& message : messages) table.emplace(message.key, message.text);
  return table;
}

// Built once, read concurrently afterwards.
const Table& TableFor(std::string_view language) {
  static const Table* const english = new Table(Index(EnglishMessages()));
  static const Table* const welsh = new Table(Index(WelshMessages()));
  static const Table* const polish = new Table(Index(PolishMessages()));
  static const Table* const arabic = new Table(Index(ArabicMessages()));
  if (language == "cy") return *welsh;
  if (language == "pl") return *polish;
  if (language == "ar") return *arabic;
  return *english;
}

std::string_view Lookup(std::string_view language, std::string_view key) {
  const Table& own = TableFor(language);
  if (auto it = own.find(key); it != own.end()) return it->second;
  const Table& english = TableFor("en");
  if (auto it = english.find(key); it != english.end()) return it->second;
  return key;
}

}  // namespace

std::span<const CatalogueMessage> MessagesFor(std::string_view language) {
  if (language == "cy") return WelshMessages();
  if (language == "pl") return PolishMessages();
  if (language == "ar") return ArabicMessages();
  return EnglishMessages();
}

bool HasMessage(std::string_view language, std::string_view key) {
  return TableFor(language).contains(key);
}

std::string MessageText(std::string_view language, std::string_view key) {
  return std::string(Lookup(language, key));
}

std::string MessageHtml(std::string_view language, std::string_view key, MessageArgs args) {
  std::string html = EscapeHtml(Lookup(language, key));
  if (args.size() == 0) return html;
  std::vector<std::pair<std::string, std::string>> replacements;
  replacements.reserve(args.size());
  for (const auto& [name, value] : args) {
    replacements.emplace_back("{" + std::string(name) + "}", std::string(value));
  }
  // One pass, so an argument's own text is never read as a placeholder.
  return absl::StrReplaceAll(html, replacements);
}

}  // namespace fgc::family_web
