#include "services/invitations/network/xml_text.h"

#include <cstdint>

namespace fgc::invitations {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD
constexpr char kEllipsis[] = "\xE2\x80\xA6";     // U+2026

// The length of the well-formed UTF-8 sequence at the start of `text` (RFC 3629: no
// overlongs, no surrogates, nothing past U+10FFFF), or 0 if there is none; `code_point` gets
// its value.
size_t Utf8SequenceLength(std::string_view text, uint32_t& code_point) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  size_t length = 0;
  uint32_t min = 0;
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, min = 0x80, code_point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, min = 0x800, code_point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, min = 0x10000, code_point = lead & 0x07;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  for (size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(i) & 0x3F);
  }
  const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
  if (code_point < min || code_point > 0x10FFFF || surrogate) return 0;
  return length;
}

bool AllowedInXml(uint32_t c) {
  if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
  return c != 0xFFFE && c != 0xFFFF;
}

}  // namespace

std::string XmlEscaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    uint32_t c = 0;
    const size_t length = Utf8SequenceLength(text, c);
    if (length == 0 || !AllowedInXml(c)) {
      out += kReplacement;
      text.remove_prefix(length == 0 ? 1 : length);
      continue;
    }
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out.append(text.substr(0, length));
    }
    text.remove_prefix(length);
  }
  return out;
}

std::string Shortened(std::string_view text, size_t max_characters) {
  size_t end = 0;
  size_t characters = 0;
  while (end < text.size() && characters < max_characters) {
    uint32_t c = 0;
    const size_t length = Utf8SequenceLength(text.substr(end), c);
    end += length == 0 ? 1 : length;
    ++characters;
  }
  if (end >= text.size()) return std::string(text);
  // Leave room for the ellipsis within the limit.
  if (characters > 0) {
    size_t back = end - 1;
    while (back > 0 && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80) --back;
    end = back;
  }
  return std::string(text.substr(0, end)) + kEllipsis;
}

}  // namespace fgc::invitations
