// Writes iCalendar (RFC 5545) content lines: TEXT escaping, parameter quoting, and folding at
// 75 octets without splitting a UTF-8 character, each line ended by CRLF.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace fgc::scheduling::calendar {

// `text` as an RFC 5545 TEXT value (section 3.3.11): backslash, semicolon and comma escaped,
// line breaks (LF, CRLF or CR) as `\n`, other control characters except tab dropped (the
// grammar has no place for them).
std::string EscapeText(std::string_view text);

// `value` as a parameter value (section 3.2): in double quotes when it holds `:`, `;` or `,`
// (bare otherwise, as clients expect a TZID), double quotes (which no value may hold) turned
// into apostrophes, control characters except tab dropped.
std::string QuoteParamValue(std::string_view value);

// One unfolded content line (without its line end) folded as section 3.1 asks: each physical
// line at most 75 octets, continuation lines starting with one space, never breaking inside a
// UTF-8 sequence. Every physical line, the last included, ends with CRLF.
std::string FoldLine(std::string_view line);

// A DATE-TIME in local ("floating" or TZID-relative) form, `19980118T230000` (section 3.3.5).
std::string FormatLocalDateTime(absl::CivilSecond time);

// A DATE-TIME in UTC form, `19980119T070000Z` (section 3.3.5).
std::string FormatUtcDateTime(absl::Time time);

// One property parameter, NAME=value; the value is quoted by the writer.
struct IcalParam {
  std::string name;
  std::string value;
};

// Accumulates the content lines of one iCalendar object. Not thread-safe.
class IcalWriter {
 public:
  // BEGIN:<component> and END:<component>.
  void Begin(std::string_view component);
  void End(std::string_view component);

  // NAME;PARAMS:value with `value` written as given: it must already be in the property's value
  // syntax (a DATE-TIME, an INTEGER, a URI, an enumerated word).
  void AddRaw(std::string_view name, std::string_view value,
              const std::vector<IcalParam>& params = {});

  // NAME;PARAMS:value with `text` escaped as a TEXT value.
  void AddText(std::string_view name, std::string_view text,
               const std::vector<IcalParam>& params = {});

  // The lines written so far.
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

}  // namespace fgc::scheduling::calendar
