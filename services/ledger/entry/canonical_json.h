// The JSON pieces of the ledger's canonical entry bytes, written as RFC 8785 (JSON
// Canonicalization Scheme) writes them: strings escaped exactly as ECMAScript's JSON.stringify
// does, and instants in one fixed RFC 3339 form.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "google/protobuf/timestamp.pb.h"

namespace fgc::ledger {

// Appends `utf8` (which must be valid UTF-8) as a JSON string: `"` and `\` escaped with a
// backslash; U+0008, U+0009, U+000A, U+000C, U+000D as \b \t \n \f \r; every other character
// below U+0020 as \u00xx with lower-case hex; everything else (U+007F and all non-ASCII
// included) as its own UTF-8 bytes. (RFC 8785 §3.2.2.2.)
void AppendJsonString(std::string_view utf8, std::string* out);

// `YYYY-MM-DDTHH:MM:SSZ` in UTC, or `YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ` (exactly nine fraction
// digits) when nanos is not zero. The timestamp must satisfy IsValidTimestamp.
std::string FormatCanonicalTime(const google::protobuf::Timestamp& timestamp);

// The inverse of FormatCanonicalTime: only text it could have written is accepted (a zero
// fraction, fewer digits, offsets other than Z, lower-case letters and leap seconds are not).
std::optional<google::protobuf::Timestamp> ParseCanonicalTime(std::string_view text);

}  // namespace fgc::ledger
