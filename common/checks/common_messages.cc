#include "common/checks/common_messages.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "common/base/proto_time.h"

namespace fgc::checks {

bool IsCalendarDate(const google::type::Date& date) {
  if (date.year() < 1 || date.year() > 9999 || date.month() < 1 || date.month() > 12) {
    return false;
  }
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int year = date.year();
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days = kDays[date.month() - 1] + (date.month() == 2 && leap ? 1 : 0);
  return date.day() >= 1 && date.day() <= days;
}

bool LooksLikeJurisdiction(std::string_view code) {
  const auto upper_or_digit = [](char c) {
    return absl::ascii_isupper(c) || absl::ascii_isdigit(c);
  };
  if (code.size() < 2 || !absl::ascii_isupper(code[0]) || !absl::ascii_isupper(code[1])) {
    return false;
  }
  if (code.size() == 2) return true;
  return code.size() >= 4 && code.size() <= 6 && code[2] == '-' &&
         std::all_of(code.begin() + 3, code.end(), upper_or_digit);
}

bool LooksLikeEmail(std::string_view email) {
  const size_t at = email.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < email.size() &&
         email.find('@', at + 1) == std::string_view::npos &&
         email.find_first_of(" \t\r\n") == std::string_view::npos;
}

bool LooksLikeE164(std::string_view phone) {
  if (phone.size() < 3 || phone.size() > 16 || phone[0] != '+' || phone[1] == '0') return false;
  return std::all_of(phone.begin() + 1, phone.end(), [](char c) { return absl::ascii_isdigit(c); });
}

std::string_view Given(std::string_view text) {
  return text.find_first_not_of(" \t\n\v\f\r") == std::string_view::npos ? std::string_view()
                                                                         : text;
}

bool CheckTime(FieldViolations& v, const std::string& field,
               const google::protobuf::Timestamp& value) {
  constexpr int64_t kMinSeconds = -62135596800;  // 0001-01-01T00:00:00Z
  constexpr int64_t kMaxSeconds = 253402300799;  // 9999-12-31T23:59:59Z
  if (value.seconds() >= kMinSeconds && value.seconds() <= kMaxSeconds && value.nanos() >= 0 &&
      value.nanos() <= 999999999) {
    return true;
  }
  v.Add(field, "must be a time between years 0001 and 9999 with nanos 0-999999999");
  return false;
}

bool CheckTimeNotAfter(FieldViolations& v, const std::string& field,
                       const google::protobuf::Timestamp& value, absl::Time latest) {
  if (!CheckTime(v, field, value)) return false;
  if (ToAbslTime(value) <= latest) return true;
  v.Add(field, "must not be in the future");
  return false;
}

void CheckStaffMember(FieldViolations& v, const std::string& path, const v1::StaffMember& staff) {
  v.Text(path + ".subject", staff.subject(), 200, false);
  v.Text(path + ".display_name", Given(staff.display_name()), 200, true);
  v.Text(path + ".agency", staff.agency(), 100, false);
  v.Text(path + ".job_title", staff.job_title(), 200, false);
  if (v.Text(path + ".email", staff.email(), 254, false) && !staff.email().empty() &&
      !LooksLikeEmail(staff.email())) {
    v.Add(path + ".email", "must be an email address");
  }
  if (!staff.phone_number().empty() && !LooksLikeE164(staff.phone_number())) {
    v.Add(path + ".phone_number", "must be in E.164 form, e.g. +441632960000");
  }
}

void CheckLegalBasis(FieldViolations& v, const std::string& path, const v1::LegalBasis& basis,
                     bool required) {
  v.Text(path + ".statute", Given(basis.statute()), 200, required);
  v.Text(path + ".section", Given(basis.section()), 100, required);
  if (!basis.jurisdiction().empty() && !LooksLikeJurisdiction(basis.jurisdiction())) {
    v.Add(path + ".jurisdiction", "must be an ISO 3166 code such as NZ or GB-ENG");
  }
  v.Text(path + ".description", basis.description(), 1000, false, TextShape::kMultiLine);
}

void CheckFamilyTold(FieldViolations& v, const std::string& path, const v1::FamilyTold& told,
                     absl::Time latest) {
  v.Text(path + ".told_by", told.told_by(), 200, false);
  v.Text(path + ".not_told_reason",
         told.told() ? told.not_told_reason() : Given(told.not_told_reason()), 2000, !told.told(),
         TextShape::kMultiLine);
  if (!told.told()) return;
  RequiredEnum(v, path + ".method", told.method(), v1::TellMethod_IsValid);
  if (!told.has_tell_time()) {
    v.Add(path + ".tell_time", "required when told is true");
  } else {
    CheckTimeNotAfter(v, path + ".tell_time", told.tell_time(), latest);
  }
}

void CheckMoney(FieldViolations& v, const std::string& path, const v1::Money& money) {
  const std::string& code = money.currency_code();
  if (code.size() != 3 ||
      !std::all_of(code.begin(), code.end(), [](char c) { return absl::ascii_isupper(c); })) {
    v.Add(path + ".currency_code", "must be an ISO 4217 code such as GBP");
  }
  if (money.minor_units() < 0) v.Add(path + ".minor_units", "must not be negative");
}

}  // namespace fgc::checks
