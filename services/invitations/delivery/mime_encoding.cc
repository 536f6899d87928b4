#include "services/invitations/delivery/mime_encoding.h"

#include <algorithm>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace fgc::invitations::delivery {
namespace {

constexpr size_t kMimeLineLimit = 76;
constexpr size_t kEncodedWordLimit = 75;
constexpr char kWordPrefix[] = "=?UTF-8?B?";
constexpr char kWordSuffix[] = "?=";

// Length of the UTF-8 sequence that starts with `lead` (1 for stray continuation bytes, so
// malformed input still advances).
size_t Utf8SequenceLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

void AppendHex(std::string& out, unsigned char byte) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += '=';
  out += kHex[byte >> 4];
  out += kHex[byte & 0x0F];
}

// One line of text (no line break) as quoted-printable lines joined by soft breaks.
void AppendQuotedPrintableLine(std::string_view line, std::string& out) {
  std::string current;
  for (size_t i = 0; i < line.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    const bool last = i + 1 == line.size();
    std::string piece;
    if ((c == ' ' || c == '\t') && last) {
      AppendHex(piece, c);  // trailing whitespace is stripped by some relays
    } else if (c == '=' || c < 0x20 || c > 0x7E) {
      if (c == '\t') {
        piece += '\t';
      } else {
        AppendHex(piece, c);
      }
    } else {
      piece += static_cast<char>(c);
    }
    // Keep room for the soft break's "=" unless this is the line's last piece.
    const size_t limit = last ? kMimeLineLimit : kMimeLineLimit - 1;
    if (current.size() + piece.size() > limit) {
      out += current;
      out += "=\r\n";
      current.clear();
    }
    current += piece;
  }
  out += current;
}

}  // namespace

std::string Base64Lines(std::string_view bytes) {
  const std::string encoded = absl::Base64Escape(std::string(bytes));
  std::string out;
  for (size_t at = 0; at < encoded.size(); at += kMimeLineLimit) {
    out += encoded.substr(at, kMimeLineLimit);
    out += "\r\n";
  }
  return out;
}

std::string QuotedPrintable(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    const bool has_break = end != std::string_view::npos;
    if (!has_break) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    AppendQuotedPrintableLine(line, out);
    if (!has_break) break;
    out += "\r\n";
    start = end + 1;
  }
  return out;
}

bool IsPrintableAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c <= 0x7E; });
}

std::vector<std::string> EncodedWords(std::string_view text, size_t first_budget) {
  const size_t overhead = sizeof kWordPrefix - 1 + sizeof kWordSuffix - 1;
  std::vector<std::string> words;
  size_t budget = std::min(first_budget, kEncodedWordLimit);
  size_t start = 0;
  while (start < text.size()) {
    // Base64 of n bytes takes 4 * ceil(n / 3) characters; add whole characters while it fits.
    size_t end = start;
    while (end < text.size()) {
      const size_t next =
          std::min(text.size(), end + Utf8SequenceLength(static_cast<unsigned char>(text[end])));
      const size_t encoded = 4 * ((next - start + 2) / 3);
      if (overhead + encoded > budget && end > start) break;
      end = next;
    }
    words.push_back(absl::StrCat(kWordPrefix,
                                 absl::Base64Escape(std::string(text.substr(start, end - start))),
                                 kWordSuffix));
    start = end;
    budget = kEncodedWordLimit;
  }
  return words;
}

}  // namespace fgc::invitations::delivery
