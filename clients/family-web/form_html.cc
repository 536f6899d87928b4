#include "clients/family-web/form_html.h"

#include "absl/strings/str_cat.h"
#include "clients/family-web/html_text.h"
#include "clients/family-web/page_layout.h"

namespace fgc::family_web {
namespace {

// The hint and the error of a field, and the ids an input's aria-describedby names.
struct Described {
  std::string html;
  std::string ids;
  bool invalid = false;
};

Described HintAndError(const PageContext& page, const std::string& name,
                       const std::string& hint_html, const FormErrors& errors) {
  Described described;
  const std::string id = EscapeHtml(name);
  if (!hint_html.empty()) {
    absl::StrAppend(&described.html, "<p class=\"hint\" id=\"", id, "-hint\">", hint_html, "</p>");
    described.ids = id + "-hint";
  }
  if (const std::string* error = ErrorFor(errors, name)) {
    absl::StrAppend(&described.html, "<p class=\"err\" id=\"", id, "-error\"><span class=\"vh\">",
                    Say(page, "error.prefix"), "</span> ", EscapeHtml(*error), "</p>");
    absl::StrAppend(&described.ids, described.ids.empty() ? "" : " ", id, "-error");
    described.invalid = true;
  }
  return described;
}

std::string DescribedBy(const Described& described) {
  return described.ids.empty() ? "" : absl::StrCat(" aria-describedby=\"", described.ids, "\"");
}

std::string GroupStart(const Described& described) {
  return absl::StrCat("<div class=\"fg", described.invalid ? " fg-err" : "", "\">");
}

std::string ChoiceList(const ChoiceGroup& group, const char* type) {
  std::string html;
  const bool radio = std::string_view(type) == "radio";
  for (size_t i = 0; i < group.choices.size(); ++i) {
    const Choice& choice = group.choices[i];
    // The first radio carries the field's own id, so `#name` from the error summary lands on it.
    const std::string id =
        EscapeHtml(radio ? (i == 0 ? group.name : group.name + "-" + choice.value) : choice.value);
    const std::string name = EscapeHtml(radio ? group.name : choice.value);
    absl::StrAppend(&html, "<div class=\"r\"><input id=\"", id, "\" type=\"", type, "\" name=\"",
                    name, "\" value=\"", radio ? EscapeHtml(choice.value) : "yes", "\"",
                    choice.checked ? " checked" : "", "><label for=\"", id, "\">",
                    choice.label_html, "</label></div>", choice.after_html);
  }
  return html;
}

std::string Group(const PageContext& page, const ChoiceGroup& group, const FormErrors& errors,
                  const char* type) {
  const Described described = HintAndError(page, group.name, group.hint_html, errors);
  return absl::StrCat(GroupStart(described), "<fieldset", DescribedBy(described), "><legend>",
                      group.legend_html, "</legend>", described.html, ChoiceList(group, type),
                      "</fieldset></div>");
}

std::string FieldAttributes(const std::string& name, const Described& described) {
  const std::string id = EscapeHtml(name);
  return absl::StrCat(" id=\"", id, "\" name=\"", id, "\"", DescribedBy(described),
                      described.invalid ? " aria-invalid=\"true\"" : "");
}

std::string Label(const std::string& name, const std::string& label_html) {
  return absl::StrCat("<label class=\"lbl\" for=\"", EscapeHtml(name), "\">", label_html,
                      "</label>");
}

}  // namespace

std::string CsrfField(const PageContext& page) { return HiddenField("csrf", page.csrf_token); }

std::string HiddenField(std::string_view name, std::string_view value) {
  return absl::StrCat("<input type=\"hidden\" name=\"", EscapeHtml(name), "\" value=\"",
                      EscapeHtml(value), "\">");
}

std::string SubmitButton(std::string_view text_html, bool warning) {
  return absl::StrCat("<button class=\"btn", warning ? " btn-warn" : "", "\" type=\"submit\">",
                      std::string(text_html), "</button>");
}

std::string Radios(const PageContext& page, const ChoiceGroup& group, const FormErrors& errors) {
  return Group(page, group, errors, "radio");
}

std::string Checkboxes(const PageContext& page, const ChoiceGroup& group,
                       const FormErrors& errors) {
  return Group(page, group, errors, "checkbox");
}

std::string TextInput(const PageContext& page, const TextField& field, const FormErrors& errors) {
  const Described described = HintAndError(page, field.name, field.hint_html, errors);
  std::string control =
      field.multiline ? absl::StrCat("<textarea", FieldAttributes(field.name, described),
                                     " rows=\"5\">", EscapeHtml(field.value), "</textarea>")
                      : absl::StrCat("<input type=\"text\"", FieldAttributes(field.name, described),
                                     " value=\"", EscapeHtml(field.value), "\">");
  return absl::StrCat(GroupStart(described), Label(field.name, field.label_html), described.html,
                      control, "</div>");
}

std::string Select(const PageContext& page, const TextField& field,
                   const std::vector<SelectOption>& options, const FormErrors& errors) {
  const Described described = HintAndError(page, field.name, field.hint_html, errors);
  std::string html =
      absl::StrCat(GroupStart(described), Label(field.name, field.label_html), described.html,
                   "<select", FieldAttributes(field.name, described), ">");
  for (const SelectOption& option : options) {
    absl::StrAppend(&html, "<option value=\"", EscapeHtml(option.value), "\"",
                    option.value == field.value ? " selected" : "", ">", EscapeHtml(option.text),
                    "</option>");
  }
  html += "</select></div>";
  return html;
}

}  // namespace fgc::family_web
