#include "clients/family-web/html_text.h"

#include <cctype>

namespace fgc::family_web {

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
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
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string EscapeHtmlLines(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (start > 0) out += "<br>";
    out += EscapeHtml(line);
    start = end + 1;
  }
  return out;
}

std::string Bdi(std::string_view text) { return "<bdi>" + EscapeHtmlLines(text) + "</bdi>"; }

std::string Paragraphs(std::string_view text, bool isolate) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    const size_t crlf = text.find("\r\n\r\n", start);
    size_t skip = 2;
    if (crlf != std::string_view::npos && crlf < end) {
      end = crlf;
      skip = 4;
    }
    if (end == std::string_view::npos) {
      end = text.size();
      skip = 0;
    }
    std::string_view block = text.substr(start, end - start);
    while (!block.empty() && (block.front() == '\n' || block.front() == '\r')) {
      block.remove_prefix(1);
    }
    if (!block.empty()) {
      out += "<p>";
      out += isolate ? Bdi(block) : EscapeHtmlLines(block);
      out += "</p>";
    }
    start = end + skip;
  }
  return out;
}

std::string PercentEncode(std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : value) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

std::string TelHref(std::string_view number) {
  std::string digits;
  for (char c : number) {
    if (std::isdigit(static_cast<unsigned char>(c)) || (c == '+' && digits.empty())) digits += c;
  }
  if (digits.empty() || digits == "+") return "";
  return "tel:" + digits;
}

std::string MailtoHref(std::string_view address) {
  const size_t at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) return "";
  for (char c : address) {
    if (std::isspace(static_cast<unsigned char>(c)) ||
        std::iscntrl(static_cast<unsigned char>(c)) || c == '?' || c == '#') {
      return "";
    }
  }
  return "mailto:" + EscapeHtml(address);
}

std::string HttpsHref(std::string_view url) {
  constexpr std::string_view kScheme = "https://";
  if (url.size() <= kScheme.size()) return "";
  for (size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(url[i])) != kScheme[i]) return "";
  }
  for (char c : url) {
    if (std::isspace(static_cast<unsigned char>(c)) ||
        std::iscntrl(static_cast<unsigned char>(c))) {
      return "";
    }
  }
  return EscapeHtml(url);
}

}  // namespace fgc::family_web
