// The short pages (after saving, a link that opens nothing, a request refused) and the
// stylesheet; the others are in invitation_pages.cc and record_pages.cc.
#include "clients/family-web/family_pages.h"

#include <span>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "clients/family-web/message_catalogue.h"
#include "clients/family-web/page_layout.h"
#include "common/base/embedded_file.h"

namespace fgc::family_web {

// family_stylesheet.css, compiled in by fgc_embed_files (CMakeLists.txt).
std::span<const EmbeddedFile> StylesheetFiles();

std::string DonePage(const PageContext& page, const std::string& message_key) {
  const std::string key = absl::StartsWith(message_key, "done.") && HasMessage("en", message_key)
                              ? message_key
                              : "done.saved";
  const std::string html =
      absl::StrCat("<div class=\"panel\"><h1>", Say(page, "done.title"), "</h1></div><p>",
                   Say(page, key), "</p>", BackLink(page, "/invitation", "back.invitation"));
  // After a POST the page's own path would show the form again: the languages lead home.
  return Document(page, {.title = Plain(page, "done.title"), .language_path = "/invitation"}, html);
}

std::string LinkProblemPage(const PageContext& page) {
  const std::string html =
      absl::StrCat("<h1>", Say(page, "link.title"), "</h1><p>", Say(page, "link.text"), "</p><p>",
                   Say(page, "link.ask"), "</p>");
  // Never a link token in a language link: /invitation without a session shows this page again.
  const bool token_path = absl::StartsWith(page.path, "/i/");
  return Document(
      page, {.title = Plain(page, "link.title"), .language_path = token_path ? "/invitation" : ""},
      html);
}

std::string ProblemPage(const PageContext& page, int status) {
  int shown = status;
  if (shown != 400 && shown != 403 && shown != 404 && shown != 405 && shown != 413 &&
      shown != 429) {
    shown = status >= 500 ? 503 : 400;
  }
  const std::string title_key = absl::StrCat("problem.", shown, ".title");
  const std::string html = absl::StrCat("<h1>", Say(page, title_key), "</h1><p>",
                                        Say(page, absl::StrCat("problem.", shown, ".text")), "</p>",
                                        BackLink(page, "/invitation", "problem.link"));
  return Document(page, {.title = Plain(page, title_key)}, html);
}

const std::string& Stylesheet() {
  static const std::string* const css = new std::string(StylesheetFiles().front().contents);
  return *css;
}

}  // namespace fgc::family_web
