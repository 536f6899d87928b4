// Text made safe for HTML: every character that could end a text node or an attribute value
// is escaped, and people's own words are isolated so that right-to-left and left-to-right text
// cannot reorder the sentence around them.
#pragma once

#include <string>
#include <string_view>

namespace fgc::family_web {

// Escapes & < > " and ' so the result is safe in text and in quoted attribute values.
std::string EscapeHtml(std::string_view text);
// Escaped, with each line break as <br> (for the family's and staff's multi-line words).
std::string EscapeHtmlLines(std::string_view text);
// A name or the family's own words: escaped (line breaks kept) inside <bdi>.
std::string Bdi(std::string_view text);

// Text in paragraphs: each blank-line-separated block a <p> (line breaks kept), escaped; with
// `isolate`, each paragraph's words inside <bdi> (the family's or staff's own words).
std::string Paragraphs(std::string_view text, bool isolate);
// A query-string value: letters, digits, - . _ ~ and / kept, everything else %XX.
std::string PercentEncode(std::string_view value);

// A tel: href for an E.164 number (only + and digits kept); empty when no digits remain.
std::string TelHref(std::string_view number);
// A mailto: href for an address (escaped); empty when it does not look like one.
std::string MailtoHref(std::string_view address);
// The URL itself (escaped) when it is https, else empty: no javascript:, data: or http: links.
std::string HttpsHref(std::string_view url);

}  // namespace fgc::family_web
