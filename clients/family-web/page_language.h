// The page languages the family web offers and what each needs besides its words: its
// direction, its own name for the language switcher and the ICU locale its dates use.
#pragma once

#include <string>
#include <string_view>

namespace fgc::family_web {

// True for one of SupportedLanguages() (family_pages.h).
bool IsSupportedLanguage(std::string_view language);
// "rtl" for Arabic, else "ltr".
const char* TextDirection(std::string_view language);
// The language's name in itself, for the switcher: English, Cymraeg, Polski, العربية.
const char* NativeLanguageName(std::string_view language);
// The ICU locale for its dates and times (British conventions where the language has them).
const char* IcuLocaleName(std::string_view language);

}  // namespace fgc::family_web
