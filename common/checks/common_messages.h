// Checks of the values every fgc contract shares (common.proto's StaffMember, LegalBasis,
// FamilyTold and Money; google.type.Date; google.protobuf.Timestamp), on top of FieldViolations,
// so that the ledger and the services that write to it refuse the same bad value in the same
// words, and a use of power the ledger would refuse is refused first with the request's paths.
#pragma once

#include <string>
#include <string_view>

#include "absl/time/time.h"
#include "common/base/field_violations.h"
#include "fgc/v1/common.pb.h"
#include "google/protobuf/timestamp.pb.h"
#include "google/type/date.pb.h"

namespace fgc::checks {

// A whole calendar date of years 1-9999 (the day exists in its month).
bool IsCalendarDate(const google::type::Date& date);
// An ISO 3166-1 alpha-2 country, optionally with an ISO 3166-2 subdivision: `NZ`, `GB-ENG`.
bool LooksLikeJurisdiction(std::string_view code);
// A plain check of an addr-spec: one '@' with something either side, no spaces.
bool LooksLikeEmail(std::string_view email);
// E.164: '+', a non-zero digit, at most 15 digits in all.
bool LooksLikeE164(std::string_view phone);
// Text that is not only white space; "" for blank text, so that a required field holding only
// spaces counts as missing.
std::string_view Given(std::string_view text);

// A timestamp RFC 3339 can write (years 0001-9999, nanos in range). Returns true when it passed.
bool CheckTime(FieldViolations& v, const std::string& field,
               const google::protobuf::Timestamp& value);
// As CheckTime, and not later than `latest`.
bool CheckTimeNotAfter(FieldViolations& v, const std::string& field,
                       const google::protobuf::Timestamp& value, absl::Time latest);

// An enum that must be set to a value the contract defines.
template <typename IsValid>
void RequiredEnum(FieldViolations& v, const std::string& field, int value, IsValid is_valid) {
  if (value == 0) {
    v.Add(field, "required");
  } else if (!is_valid(value)) {
    v.Add(field, "not a known value");
  }
}

// A member of staff at `path`: display name 1-200 characters, the other texts within their
// limits, email and phone number well formed when given.
void CheckStaffMember(FieldViolations& v, const std::string& path, const v1::StaffMember& staff);
// A legal basis at `path`: statute (1-200) and section (1-100) when `required`, jurisdiction an
// ISO 3166 code, description at most 1,000 characters.
void CheckLegalBasis(FieldViolations& v, const std::string& path, const v1::LegalBasis& basis,
                     bool required);
// Whether and how the family was told, at `path`: when told, how and when (not after `latest`);
// when not, why (1-2,000 characters).
void CheckFamilyTold(FieldViolations& v, const std::string& path, const v1::FamilyTold& told,
                     absl::Time latest);
// An amount of money at `path`: an ISO 4217 code and a sum that is not negative.
void CheckMoney(FieldViolations& v, const std::string& path, const v1::Money& money);

}  // namespace fgc::checks
