// Form controls as the GOV.UK design system builds them: a label for every input, radios and
// checkboxes in a <fieldset> with a <legend>, hint and error text tied to the input by
// aria-describedby, the error beside its field (and aria-invalid on text fields), and the
// field's id the one the error summary links to (`#name`; for radios, the first radio's).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "clients/family-web/family_pages.h"

namespace fgc::family_web {

// One radio or checkbox.
struct Choice {
  std::string value;       // the radio's value; for a checkbox its field name
  std::string label_html;  // escaped
  bool checked = false;
  std::string after_html;  // under the choice, e.g. a details field for a ticked need
};

struct ChoiceGroup {
  std::string name;         // radios: the field name; checkboxes: the group's id
  std::string legend_html;  // escaped
  std::string hint_html;    // escaped; none when empty
  std::vector<Choice> choices;
};

struct TextField {
  std::string name;
  std::string label_html;  // escaped
  std::string hint_html;   // escaped; none when empty
  std::string value;       // plain; escaped here
  bool multiline = false;  // a <textarea>
};

struct SelectOption {
  std::string value;
  std::string text;  // plain
};

// The hidden `csrf` field every form carries.
std::string CsrfField(const PageContext& page);
std::string HiddenField(std::string_view name, std::string_view value);
std::string SubmitButton(std::string_view text_html, bool warning = false);

std::string Radios(const PageContext& page, const ChoiceGroup& group, const FormErrors& errors);
std::string Checkboxes(const PageContext& page, const ChoiceGroup& group, const FormErrors& errors);
std::string TextInput(const PageContext& page, const TextField& field, const FormErrors& errors);
std::string Select(const PageContext& page, const TextField& field,
                   const std::vector<SelectOption>& options, const FormErrors& errors);

}  // namespace fgc::family_web
