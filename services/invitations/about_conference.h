// What a Family Group Conference is and what will happen there, in plain words (reading age
// about 9), for the family's invitation page, in each language fgc speaks to families.
#pragma once

#include <string>
#include <string_view>

namespace fgc::invitations {

struct AboutText {
  std::string language_code;  // the language the text is in (English when `wanted` is not known)
  std::string text;
};

// The text in `wanted` (a BCP 47 tag: matched on its primary language, so "cy-GB" is Welsh),
// or in English.
AboutText AboutConference(std::string_view wanted);

}  // namespace fgc::invitations
