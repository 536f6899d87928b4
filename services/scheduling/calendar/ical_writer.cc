#include "services/scheduling/calendar/ical_writer.h"

#include <cstddef>

#include "absl/strings/str_format.h"

namespace fgc::scheduling::calendar {
namespace {

constexpr size_t kMaxLineOctets = 75;

// US-ASCII controls other than horizontal tab, which RFC 5545's grammar excludes from values.
bool IsExcludedControl(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (byte < 0x20 && c != '\t') || byte == 0x7f;
}

// True for the second and later bytes of a UTF-8 sequence (10xxxxxx).
bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string EscapeText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        out += "\\n";
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;  // CRLF is one break
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if (!IsExcludedControl(c)) out += c;
    }
  }
  return out;
}

std::string QuoteParamValue(std::string_view value) {
  std::string out;
  bool needs_quotes = false;
  for (const char c : value) {
    if (c == '"') {
      out += '\'';
    } else if (!IsExcludedControl(c)) {
      out += c;
      needs_quotes = needs_quotes || c == ':' || c == ';' || c == ',';
    }
  }
  return needs_quotes ? "\"" + out + "\"" : out;
}

std::string FoldLine(std::string_view line) {
  std::string out;
  out.reserve(line.size() + line.size() / 64 * 3 + 2);
  size_t room = kMaxLineOctets;  // the first physical line has no leading space
  while (line.size() > room) {
    size_t cut = room;
    // Back off to the start of a character; a run of continuation bytes that long is not
    // UTF-8 at all, and then any cut will do.
    while (cut > 0 && IsContinuationByte(line[cut])) --cut;
    if (cut == 0) cut = room;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    room = kMaxLineOctets - 1;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string FormatLocalDateTime(absl::CivilSecond time) {
  return absl::StrFormat("%04d%02d%02dT%02d%02d%02d", time.year(), time.month(), time.day(),
                         time.hour(), time.minute(), time.second());
}

std::string FormatUtcDateTime(absl::Time time) {
  return FormatLocalDateTime(absl::ToCivilSecond(time, absl::UTCTimeZone())) + "Z";
}

void IcalWriter::Begin(std::string_view component) {
  text_ += FoldLine("BEGIN:" + std::string(component));
}

void IcalWriter::End(std::string_view component) {
  text_ += FoldLine("END:" + std::string(component));
}

void IcalWriter::AddRaw(std::string_view name, std::string_view value,
                        const std::vector<IcalParam>& params) {
  std::string line(name);
  for (const IcalParam& param : params) {
    line += ";" + param.name + "=" + QuoteParamValue(param.value);
  }
  line += ":";
  line += value;
  text_ += FoldLine(line);
}

void IcalWriter::AddText(std::string_view name, std::string_view text,
                         const std::vector<IcalParam>& params) {
  AddRaw(name, EscapeText(text), params);
}

}  // namespace fgc::scheduling::calendar
