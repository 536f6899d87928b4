// MIME encodings for mail that must survive any SMTP relay: base64 (RFC 2045), quoted-printable
// (RFC 2045 section 6.7) and RFC 2047 encoded-words for non-ASCII header text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fgc::invitations::delivery {

// Base64 of `bytes` in lines of at most 76 characters, each ended by CRLF.
std::string Base64Lines(std::string_view bytes);

// Quoted-printable of UTF-8 text whose line breaks are LF or CRLF: hard line breaks become
// CRLF, encoded lines are at most 76 characters (soft breaks "=" CRLF), trailing spaces and
// tabs are encoded so no relay can strip them.
std::string QuotedPrintable(std::string_view text);

// True when `text` is printable US-ASCII (space to tilde) only.
bool IsPrintableAscii(std::string_view text);

// RFC 2047 "B" encoded-words (charset UTF-8) carrying `text`, each at most 75 characters and
// holding whole UTF-8 characters only, so a decoder never sees half a character.
// `first_budget` is how many characters the first word may use (its header line already
// holds the field name); later words start on a folded line of their own.
std::vector<std::string> EncodedWords(std::string_view text, size_t first_budget = 75);

}  // namespace fgc::invitations::delivery
