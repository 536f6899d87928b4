#include "services/scheduling/lifecycle/referral_validation.h"

#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "services/scheduling/lifecycle/conference_time.h"
#include "services/scheduling/lifecycle/field_checks.h"
#include "services/scheduling/lifecycle/timescales.h"

namespace fgc::scheduling {
namespace {

constexpr int kMaxBottomLines = 30;
constexpr int kMaxChildren = 20;
constexpr int kMaxResponsible = 20;
constexpr int kMaxContacts = 10;

std::string At(const std::string& field, int index) { return absl::StrCat(field, "[", index, "]"); }

bool IsResourceId(std::string_view id) {
  if (id.empty() || id.size() > 63) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

void CheckBottomLines(const v1::Referral& referral, FieldViolations* violations) {
  const std::string field = "conference.referral.bottom_lines";
  if (referral.bottom_lines_size() > kMaxBottomLines) {
    violations->Add(field, absl::StrCat("at most ", kMaxBottomLines));
  }
  std::set<std::string> ids;
  for (int i = 0; i < referral.bottom_lines_size(); ++i) {
    const v1::BottomLine& line = referral.bottom_lines(i);
    const std::string& id = line.bottom_line_id();
    if (!id.empty() && !IsResourceId(id)) {
      violations->Add(At(field, i) + ".bottom_line_id",
                      "1-63 lower-case letters, digits and hyphens");
    } else if (!id.empty() && !ids.insert(id).second) {
      violations->Add(At(field, i) + ".bottom_line_id", "used by another bottom line");
    }
    violations->Text(At(field, i) + ".text", line.text(), 2000, true, TextShape::kMultiLine);
  }
}

void CheckReferral(const v1::Conference& conference, FieldViolations* violations) {
  if (!conference.has_referral()) {
    violations->Add("conference.referral", "required");
    return;
  }
  const v1::Referral& referral = conference.referral();
  const std::string field = "conference.referral";
  violations->Text(field + ".referring_agency", referral.referring_agency(), 100, true);
  if (!referral.has_referrer()) {
    violations->Add(field + ".referrer", "required");
  } else {
    CheckStaff(*violations, field + ".referrer", referral.referrer(), false);
  }
  violations->Text(field + ".agency_reference", referral.agency_reference(), 100, false);
  violations->Text(field + ".concerns", referral.concerns(), 20000, true, TextShape::kMultiLine);
  CheckBottomLines(referral, violations);
  violations->Text(field + ".urgency_reason", referral.urgency_reason(), 2000,
                   conference.urgency() == v1::URGENCY_URGENT, TextShape::kMultiLine);
  violations->Text(field + ".safety_information", referral.safety_information(), 20000, false,
                   TextShape::kMultiLine);
}

void CheckChildren(const v1::Conference& conference, absl::Time now, FieldViolations* violations) {
  const std::string field = "conference.children";
  if (conference.children().empty()) violations->Add(field, "at least one child");
  if (conference.children_size() > kMaxChildren) {
    violations->Add(field, absl::StrCat("at most ", kMaxChildren));
  }
  const absl::TimeZone zone = ConferenceZone(conference.time_zone());
  for (int i = 0; i < conference.children_size(); ++i) {
    const v1::Child& child = conference.children(i);
    violations->Text(At(field, i) + ".display_name", child.display_name(), 200, true);
    if (child.has_birth_date()) {
      const std::optional<absl::CivilDay> born = ToCivilDay(child.birth_date());
      if (!born) {
        violations->Add(At(field, i) + ".birth_date", "not a real date");
      } else if (*born > absl::ToCivilDay(now, zone)) {
        violations->Add(At(field, i) + ".birth_date", "must not be in the future");
      }
    }
    violations->LanguageTag(At(field, i) + ".language_code", child.language_code());
  }
}

void CheckContacts(const std::string& field, const v1::ResponsiblePerson& person,
                   FieldViolations* violations) {
  if (person.contacts_size() > kMaxContacts) {
    violations->Add(field, absl::StrCat("at most ", kMaxContacts));
  }
  int preferred = 0;
  for (int i = 0; i < person.contacts_size(); ++i) {
    const v1::ContactChannel& contact = person.contacts(i);
    const std::string at = At(field, i);
    preferred += contact.preferred() ? 1 : 0;
    if (contact.kind() == v1::CONTACT_KIND_UNSPECIFIED ||
        !v1::ContactKind_IsValid(contact.kind())) {
      violations->Add(at + ".kind", "required: a known ContactKind");
    } else if (contact.kind() == v1::CONTACT_KIND_POST) {
      if (contact.postal_address().address_lines().empty()) {
        violations->Add(at + ".postal_address", "required for CONTACT_KIND_POST");
      }
    } else {
      violations->Text(at + ".value", contact.value(), 254, true);
    }
    violations->Text(at + ".safety_note", contact.safety_note(), 500, false);
  }
  if (preferred > 1) violations->Add(field, "at most one channel is preferred");
}

void CheckResponsible(const v1::Conference& conference, FieldViolations* violations) {
  const std::string field = "conference.parental_responsibility";
  if (conference.parental_responsibility_size() > kMaxResponsible) {
    violations->Add(field, absl::StrCat("at most ", kMaxResponsible));
  }
  for (int i = 0; i < conference.parental_responsibility_size(); ++i) {
    const v1::ResponsiblePerson& person = conference.parental_responsibility(i);
    violations->Text(At(field, i) + ".display_name", person.display_name(), 200, true);
    violations->Text(At(field, i) + ".relationship", person.relationship(), 200, true);
    CheckContacts(At(field, i) + ".contacts", person, violations);
    violations->LanguageTag(At(field, i) + ".language_code", person.language_code());
  }
}

}  // namespace

absl::Status ValidateNewConference(const v1::Conference& conference, absl::Time now) {
  FieldViolations violations;
  if (conference.urgency() == v1::URGENCY_UNSPECIFIED) {
    violations.Add("conference.urgency", "required");
  } else if (!v1::Urgency_IsValid(conference.urgency())) {
    violations.Add("conference.urgency", "not a known Urgency");
  }
  if (conference.time_zone().empty()) {
    violations.Add("conference.time_zone", "required");
  } else if (!IsKnownTimeZone(conference.time_zone())) {
    violations.Add("conference.time_zone", "not an IANA time zone, e.g. Europe/London");
  }
  CheckReferral(conference, &violations);
  CheckChildren(conference, now, &violations);
  CheckResponsible(conference, &violations);
  return violations.ToStatus("the referral has missing or bad fields");
}

v1::Conference NewConference(const v1::Conference& requested, std::string name, absl::Time now,
                             const TimescaleConfig& config) {
  v1::Conference conference;
  conference.set_name(std::move(name));
  conference.set_stage(v1::STAGE_REFERRAL);
  conference.set_urgency(requested.urgency());
  conference.set_time_zone(requested.time_zone());
  *conference.mutable_referral() = requested.referral();
  *conference.mutable_children() = requested.children();
  for (v1::Child& child : *conference.mutable_children()) child.clear_name();
  *conference.mutable_parental_responsibility() = requested.parental_responsibility();
  *conference.mutable_create_time() = ToTimestamp(now);
  *conference.mutable_update_time() = ToTimestamp(now);
  RefreshTimescales(config, now, &conference);
  return conference;
}

}  // namespace fgc::scheduling
