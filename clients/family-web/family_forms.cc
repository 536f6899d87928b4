#include "clients/family-web/family_forms.h"

#include "absl/strings/str_cat.h"
#include "common/base/field_violations.h"

namespace fgc::family_web {
namespace {

constexpr size_t kMaxViewsChars = 10000;
constexpr size_t kMaxNeedChars = 500;

struct NeedField {
  const char* name;  // in the form: need-<name>, need-<name>-details
  v1::NeedKind kind;
};
constexpr NeedField kNeeds[] = {
    {"interpreter", v1::NEED_KIND_INTERPRETER}, {"access", v1::NEED_KIND_ACCESS},
    {"travel", v1::NEED_KIND_TRAVEL},           {"childcare", v1::NEED_KIND_CHILDCARE},
    {"dietary", v1::NEED_KIND_DIETARY},         {"other", v1::NEED_KIND_OTHER}};

std::string Field(const PostedFields& fields, const std::string& name) {
  auto it = fields.find(name);
  return it == fields.end() ? "" : it->second;
}

v1::RsvpAnswer AnswerOf(const std::string& word) {
  if (word == "in-person") return v1::RSVP_ANSWER_IN_PERSON;
  if (word == "remote") return v1::RSVP_ANSWER_REMOTE;
  if (word == "not-able") return v1::RSVP_ANSWER_NOT_ABLE;
  if (word == "views-only") return v1::RSVP_ANSWER_VIEWS_ONLY;
  return v1::RSVP_ANSWER_UNSPECIFIED;
}

bool TooLong(const std::string& text, size_t max_chars) {
  return !IsValidUtf8(text) || CountCodePoints(text) > max_chars;
}

}  // namespace

RespondForm RespondFormFrom(const PostedFields& fields) {
  RespondForm form;
  form.answer = Field(fields, "answer");
  form.views = Field(fields, "views");
  for (const NeedField& need : kNeeds) {
    if (fields.contains(absl::StrCat("need-", need.name))) {
      form.needs[need.name] = Field(fields, absl::StrCat("need-", need.name, "-details"));
    }
  }
  form.interpreter_language = Field(fields, "interpreter-language");
  return form;
}

FormErrors CheckRespondForm(const RespondForm& form) {
  FormErrors errors;
  if (form.answer.empty()) {
    errors.push_back({"answer", "error.answer.missing"});
  } else if (AnswerOf(form.answer) == v1::RSVP_ANSWER_UNSPECIFIED) {
    errors.push_back({"answer", "error.answer.missing"});
  }
  if (TooLong(form.views, kMaxViewsChars)) {
    errors.push_back({"views", "error.views.too-long"});
  } else if (form.answer == "views-only" &&
             form.views.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors.push_back({"views", "error.views.missing"});
  }
  for (const NeedField& need : kNeeds) {
    auto it = form.needs.find(need.name);
    if (it != form.needs.end() && TooLong(it->second, kMaxNeedChars)) {
      errors.push_back({absl::StrCat("need-", need.name, "-details"), "error.need.too-long"});
    }
  }
  if (form.needs.contains("interpreter")) {
    if (form.interpreter_language.empty()) {
      errors.push_back({"interpreter-language", "error.interpreter-language.missing"});
    } else if (!LooksLikeLanguageTag(form.interpreter_language)) {
      errors.push_back({"interpreter-language", "error.interpreter-language.invalid"});
    }
  }
  return errors;
}

v1::RespondToInvitationRequest RespondRequestFrom(const RespondForm& form) {
  v1::RespondToInvitationRequest request;
  v1::Rsvp& rsvp = *request.mutable_rsvp();
  rsvp.set_answer(AnswerOf(form.answer));
  rsvp.set_views(form.views);
  for (const NeedField& need : kNeeds) {
    auto it = form.needs.find(need.name);
    if (it == form.needs.end()) continue;
    v1::Need& added = *rsvp.add_needs();
    added.set_kind(need.kind);
    added.set_details(it->second);
    if (need.kind == v1::NEED_KIND_INTERPRETER) {
      added.set_language_code(form.interpreter_language);
    }
  }
  return request;
}

std::string SlotId(const std::string& slot_name) {
  const size_t at = slot_name.rfind("/slots/");
  return at == std::string::npos ? slot_name : slot_name.substr(at + 7);
}

FormErrors AvailabilityFrom(const PostedFields& fields, const v1::ListSlotsResponse& slots,
                            v1::RecordAvailabilityRequest* request) {
  FormErrors errors;
  for (const v1::Slot& slot : slots.slots()) {
    const std::string field = absl::StrCat("slot-", SlotId(slot.name()));
    auto it = fields.find(field);
    if (it == fields.end() || it->second.empty()) continue;
    v1::AvailabilityAnswer answer = v1::AVAILABILITY_ANSWER_UNSPECIFIED;
    if (it->second == "yes") answer = v1::AVAILABILITY_ANSWER_YES;
    if (it->second == "if-need-be") answer = v1::AVAILABILITY_ANSWER_IF_NEED_BE;
    if (it->second == "no") answer = v1::AVAILABILITY_ANSWER_NO;
    if (answer == v1::AVAILABILITY_ANSWER_UNSPECIFIED) {
      errors.push_back({field, "error.slot.invalid"});
      continue;
    }
    v1::Availability& given = *request->add_availability();
    given.set_slot(slot.name());
    given.set_answer(answer);
  }
  return errors;
}

}  // namespace fgc::family_web
