#include "services/scheduling/lifecycle/field_checks.h"

#include "absl/strings/ascii.h"

namespace fgc::scheduling {
namespace {

bool LooksLikeEmail(std::string_view email) {
  const size_t at = email.rfind('@');
  return at != std::string_view::npos && at > 0 && at + 1 < email.size() &&
         email.find_first_of(" \t\r\n<>") == std::string_view::npos;
}

// E.164: '+', a non-zero digit, at most 15 digits in all.
bool IsE164(std::string_view phone) {
  if (phone.size() < 3 || phone.size() > 16 || phone[0] != '+' || phone[1] == '0') return false;
  for (size_t i = 1; i < phone.size(); ++i) {
    if (!absl::ascii_isdigit(phone[i])) return false;
  }
  return true;
}

}  // namespace

void CheckStaff(FieldViolations& v, const std::string& field, const v1::StaffMember& staff,
                bool subject_required) {
  v.Text(field + ".subject", staff.subject(), 200, subject_required);
  v.Text(field + ".display_name", staff.display_name(), 200, /*required=*/true);
  v.Text(field + ".agency", staff.agency(), 100, /*required=*/false);
  v.Text(field + ".job_title", staff.job_title(), 200, /*required=*/false);
  if (v.Text(field + ".email", staff.email(), 254, /*required=*/false) && !staff.email().empty() &&
      !LooksLikeEmail(staff.email())) {
    v.Add(field + ".email", "must be an email address");
  }
  if (!staff.phone_number().empty() && !IsE164(staff.phone_number())) {
    v.Add(field + ".phone_number", "must be in E.164 form, e.g. +441632960000");
  }
}

}  // namespace fgc::scheduling
