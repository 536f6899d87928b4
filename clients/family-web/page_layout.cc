#include "clients/family-web/page_layout.h"

#include <cctype>

#include "absl/strings/str_cat.h"
#include "clients/family-web/html_text.h"
#include "clients/family-web/message_catalogue.h"
#include "clients/family-web/page_language.h"

namespace fgc::family_web {
namespace {

// A path fit for the language links: ours, absolute and plain. Anything else (a path the
// client made up, "//host" which browsers read as another site) goes to the invitation.
std::string SafePath(std::string_view path) {
  if (path.empty() || path[0] != '/' || (path.size() > 1 && path[1] == '/')) return "/invitation";
  for (char c : path) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '/' || c == '-' || c == '_' || c == '.')) return "/invitation";
  }
  return std::string(path);
}

std::string LanguageSwitcher(const PageContext& page, const PageFrame& frame) {
  const std::string path = SafePath(frame.language_path.empty() ? page.path : frame.language_path);
  std::string html =
      absl::StrCat("<nav aria-label=\"", Say(page, "language.nav"), "\"><ul class=\"langs\">");
  for (const std::string& language : SupportedLanguages()) {
    const std::string name = EscapeHtml(NativeLanguageName(language));
    if (language == page.language) {
      absl::StrAppend(&html, "<li><span lang=\"", language, "\" aria-current=\"true\">", name,
                      "</span></li>");
    } else {
      absl::StrAppend(&html, "<li><a href=\"", EscapeHtml(path), "?",
                      EscapeHtml(frame.language_query), "lang=", language, "\" lang=\"", language,
                      "\" hreflang=\"", language, "\">", name, "</a></li>");
    }
  }
  html += "</ul></nav>";
  return html;
}

}  // namespace

std::string Say(const PageContext& page, std::string_view key) {
  return MessageHtml(page.language, key);
}

std::string Plain(const PageContext& page, std::string_view key) {
  return MessageText(page.language, key);
}

std::string Heading2(const PageContext& page, std::string_view key) {
  return absl::StrCat("<h2>", Say(page, key), "</h2>");
}

std::string BackLink(const PageContext& page, std::string_view href, std::string_view key) {
  return absl::StrCat("<p><a href=\"", std::string(href), "\">", Say(page, key), "</a></p>");
}

std::string Fact(const PageContext& page, std::string_view key, std::string_view value_html) {
  if (value_html.empty()) return "";
  return absl::StrCat("<div><dt>", Say(page, key), "</dt><dd>", std::string(value_html),
                      "</dd></div>");
}

const std::string* ErrorFor(const FormErrors& errors, std::string_view field) {
  for (const auto& [name, message] : errors) {
    if (name == field) return &message;
  }
  return nullptr;
}

std::string ErrorSummary(const PageContext& page, const FormErrors& errors) {
  if (errors.empty()) return "";
  std::string html = absl::StrCat(
      "<div class=\"sum\" role=\"alert\" aria-labelledby=\"error-summary-title\">"
      "<h2 id=\"error-summary-title\">",
      Say(page, "error.summary.title"), "</h2><ul>");
  for (const auto& [field, message] : errors) {
    absl::StrAppend(&html, "<li><a href=\"#", EscapeHtml(field), "\">", EscapeHtml(message),
                    "</a></li>");
  }
  html += "</ul></div>";
  return html;
}

std::string Document(const PageContext& page, const PageFrame& frame, std::string_view main_html) {
  const std::string language = IsSupportedLanguage(page.language) ? page.language : "en";
  std::string title = frame.has_errors ? Plain(page, "error.title-prefix") + " " : "";
  absl::StrAppend(&title, frame.title, " – ", Plain(page, "service.name"));
  std::string html =
      absl::StrCat("<!DOCTYPE html>\n<html lang=\"", language, "\" dir=\"", TextDirection(language),
                   "\"><head><meta charset=\"utf-8\">"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                   "<title>",
                   EscapeHtml(title),
                   "</title><link rel=\"stylesheet\" href=\"/static/family.css\"></head>\n<body>"
                   "<a class=\"skip\" href=\"#main-content\">",
                   Say(page, "skip.link"), "</a><header class=\"top\"><p class=\"svc\">",
                   Say(page, "service.name"), "</p>", LanguageSwitcher(page, frame),
                   "</header>\n<main id=\"main-content\">\n");
  html.append(main_html.data(), main_html.size());
  html += "\n</main></body></html>\n";
  return html;
}

}  // namespace fgc::family_web
