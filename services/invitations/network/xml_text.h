// Text made safe for an XML document: escaped, valid UTF-8, and only characters XML 1.0
// allows, so a family's words can never break (or script) the network map.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fgc::invitations {

// `text` for element content or a double- or single-quoted attribute: & < > " ' escaped,
// invalid UTF-8 and characters XML 1.0 forbids (controls other than tab and line breaks,
// U+FFFE, U+FFFF) replaced by U+FFFD.
std::string XmlEscaped(std::string_view text);

// At most `max_characters` Unicode characters of `text` (whole characters, never a split
// sequence), with "…" in place of the rest when it was longer.
std::string Shortened(std::string_view text, size_t max_characters);

}  // namespace fgc::invitations
