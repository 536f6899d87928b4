#include "clients/family-web/page_language.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "clients/family-web/family_pages.h"

namespace fgc::family_web {
namespace {

struct LanguageFacts {
  const char* code;
  const char* native_name;
  const char* icu_locale;
  const char* direction;
};

constexpr LanguageFacts kLanguages[] = {
    {"en", "English", "en_GB", "ltr"},
    {"cy", "Cymraeg", "cy_GB", "ltr"},
    {"pl", "Polski", "pl_PL", "ltr"},
    {"ar", "العربية", "ar", "rtl"},
};

const LanguageFacts& FactsOf(std::string_view language) {
  for (const LanguageFacts& facts : kLanguages) {
    if (language == facts.code) return facts;
  }
  return kLanguages[0];
}

// An Accept-Language quality value (RFC 9110 section 12.4.2); a malformed one counts as 0.
double QualityOf(std::string_view parameters) {
  for (absl::string_view parameter : absl::StrSplit(
           absl::string_view(parameters.data(), parameters.size()), ';', absl::SkipEmpty())) {
    parameter = absl::StripAsciiWhitespace(parameter);
    if (!absl::ConsumePrefix(&parameter, "q=") && !absl::ConsumePrefix(&parameter, "Q=")) {
      continue;
    }
    double quality = 0;
    if (!absl::SimpleAtod(parameter, &quality) || quality < 0 || quality > 1) return 0;
    return quality;
  }
  return 1;
}

}  // namespace

const std::vector<std::string>& SupportedLanguages() {
  static const std::vector<std::string>* const languages =
      new std::vector<std::string>{"en", "cy", "pl", "ar"};
  return *languages;
}

bool IsSupportedLanguage(std::string_view language) {
  for (const LanguageFacts& facts : kLanguages) {
    if (language == facts.code) return true;
  }
  return false;
}

const char* TextDirection(std::string_view language) { return FactsOf(language).direction; }
const char* NativeLanguageName(std::string_view language) { return FactsOf(language).native_name; }
const char* IcuLocaleName(std::string_view language) { return FactsOf(language).icu_locale; }

std::string LanguageFromAcceptLanguage(const std::string& header) {
  std::string best = "en";
  double best_quality = 0;
  // Longer headers are not from a browser; read no further than a browser would send.
  const std::string head = header.substr(0, 1024);
  for (absl::string_view range : absl::StrSplit(head, ',', absl::SkipEmpty())) {
    const size_t semicolon = range.find(';');
    std::string tag = absl::AsciiStrToLower(absl::StripAsciiWhitespace(range.substr(0, semicolon)));
    const double quality = semicolon == absl::string_view::npos
                               ? 1.0
                               : QualityOf(std::string_view(range.data() + semicolon + 1,
                                                            range.size() - semicolon - 1));
    const std::string primary = tag.substr(0, tag.find('-'));
    // A later range wins only with a higher quality: equal ones keep the reader's order.
    if (IsSupportedLanguage(primary) && quality > best_quality) {
      best = primary;
      best_quality = quality;
    }
  }
  return best;
}

}  // namespace fgc::family_web
