// The frame every family page shares: the document head with its one stylesheet, the skip
// link, the header with the language switcher, <main id="main-content">, and the GOV.UK-style
// error summary. No script, no inline style: the Content-Security-Policy allows neither.
#pragma once

#include <string>
#include <string_view>

#include "clients/family-web/family_pages.h"

namespace fgc::family_web {

struct PageFrame {
  std::string title;        // plain text (the page's h1 words), for <title>
  bool has_errors = false;  // the title then begins "Error:", as GOV.UK does
  // Where the language links go when not to the page's own path (plain path, no query).
  std::string language_path;
  // Query fields the language links keep, already encoded, e.g. "entry=tenants/t/ledger/5&".
  std::string language_query;
};

// The whole document around `main_html` (which holds the page's one <h1>).
std::string Document(const PageContext& page, const PageFrame& frame, std::string_view main_html);

// The error summary for the top of <main>: a heading and a link to each field (`#field`);
// empty when there are no errors.
std::string ErrorSummary(const PageContext& page, const FormErrors& errors);
// The error shown for `field`, or nullptr.
const std::string* ErrorFor(const FormErrors& errors, std::string_view field);

// The page's text of `key` as HTML (escaped, placeholders filled); see message_catalogue.h.
std::string Say(const PageContext& page, std::string_view key);
// A catalogue text as plain text (for <title>).
std::string Plain(const PageContext& page, std::string_view key);

// An <h2> of a catalogue text, and a link back (`href` is ours, already safe).
std::string Heading2(const PageContext& page, std::string_view key);
std::string BackLink(const PageContext& page, std::string_view href, std::string_view key);
// One row of a <dl class="facts">: the catalogue label `key` and `value_html`; empty when the
// value is.
std::string Fact(const PageContext& page, std::string_view key, std::string_view value_html);

}  // namespace fgc::family_web
