#include "services/ledger/entry/details_validation.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "services/ledger/entry/entry_time.h"
#include "services/ledger/entry/entry_validation.h"
#include "services/ledger/entry/ledger_names.h"

namespace fgc::ledger {
namespace {

using checks::IsCalendarDate;

// An enum field that is required: set, and one of the values the contract defines.
template <typename IsValid>
void RequiredEnum(const std::string& field, int value, IsValid is_valid,
                  FieldViolations* violations) {
  checks::RequiredEnum(*violations, field, value, is_valid);
}

constexpr size_t kMaxPartyTextChars = 200;
constexpr int kMaxParties = 20;
constexpr size_t kMaxLongTextChars = 2000;
constexpr size_t kMaxNoticeVersionChars = 100;
constexpr size_t kMaxVerifiedByChars = 200;
constexpr size_t kMaxNotesChars = 1000;
constexpr size_t kMaxReasonsChars = 10000;

std::string Indexed(const std::string& path, int i) { return absl::StrCat(path, "[", i, "]"); }

// `runs_from` is absl::InfinitePast() when unknown (its own field was bad or missing).
void CheckExpiry(const std::string& field, const google::protobuf::Timestamp& expire,
                 absl::Time runs_from, FieldViolations* violations) {
  if (!CheckTime(*violations, field, expire)) return;
  if (ToAbslTime(expire) <= runs_from) {
    violations->Add(field, "must be after the time it runs from (effective or occur time)");
  }
}

void CheckVerification(const v1::Verification& verification, const EntryContext& context,
                       FieldViolations* violations) {
  const std::string path = "entry.consent.verification";
  RequiredEnum(path + ".method", verification.method(), v1::VerificationMethod_IsValid, violations);
  violations->Text(path + ".verified_by", verification.verified_by(), kMaxVerifiedByChars, false);
  violations->Text(path + ".notes", verification.notes(), kMaxNotesChars, false,
                   TextShape::kMultiLine);
  if (verification.has_verify_time()) {
    CheckTimeNotAfter(*violations, path + ".verify_time", verification.verify_time(),
                      context.now + kMaxClockSkew);
  }
}

void CheckParties(const std::string& path,
                  const google::protobuf::RepeatedPtrField<v1::Party>& parties, bool at_least_one,
                  const EntryContext& context, FieldViolations* violations) {
  if (at_least_one && parties.empty()) violations->Add(path, "at least one is required");
  if (parties.size() > kMaxParties) {
    violations->Add(path, absl::StrCat("at most ", kMaxParties));
    return;
  }
  for (int i = 0; i < parties.size(); ++i) {
    CheckParty(Indexed(path, i), parties[i], PartyKind::kPersonOrAgency, context, violations);
  }
}

void CheckDataCategories(const google::protobuf::RepeatedField<int>& categories,
                         FieldViolations* violations) {
  std::set<int> seen;
  for (int i = 0; i < categories.size(); ++i) {
    const std::string field = Indexed("entry.consent.data_categories", i);
    const int category = categories[i];
    if (category == v1::DATA_CATEGORY_UNSPECIFIED || !v1::DataCategory_IsValid(category)) {
      violations->Add(field, "not a known DataCategory");
    } else if (!seen.insert(category).second) {
      violations->Add(field, "listed twice");
    }
  }
}

}  // namespace

void CheckParty(const std::string& path, const v1::Party& party, PartyKind kind,
                const EntryContext& context, FieldViolations* violations) {
  if (!party.member().empty()) {
    auto member = ParseMemberName(party.member());
    if (!member) {
      violations->Add(path + ".member",
                      "must be tenants/{tenant}/conferences/{conference}/members/{member}");
    } else if (member->tenant != context.tenant ||
               (context.conference && member->ConferenceNameText() != *context.conference)) {
      violations->Add(path + ".member", "must be a member of the entry's conference");
    }
  }
  violations->Text(path + ".display_name", party.display_name(), kMaxPartyTextChars, false);
  violations->Text(path + ".relationship", party.relationship(), kMaxPartyTextChars, false);
  violations->Text(path + ".agency", party.agency(), kMaxPartyTextChars, false);
  const bool names_person = !party.member().empty() || !party.display_name().empty();
  if (kind == PartyKind::kPerson && !names_person) {
    violations->Add(path, "must name a network member or give a display name");
  } else if (kind == PartyKind::kPersonOrAgency && !names_person && party.agency().empty()) {
    violations->Add(path, "must name a network member, a display name or an agency");
  }
}

void CheckConsentDetails(const v1::ConsentDetails& consent, const EntryContext& context,
                         FieldViolations* violations) {
  const std::string path = "entry.consent";
  if (!consent.has_grantor()) {
    violations->Add(path + ".grantor", "required");
  } else {
    CheckParty(path + ".grantor", consent.grantor(), PartyKind::kPerson, context, violations);
  }
  CheckParties(path + ".grantees", consent.grantees(), true, context, violations);
  RequiredEnum(path + ".purpose", consent.purpose(), v1::ConsentPurpose_IsValid, violations);
  violations->Text(path + ".purpose_description", consent.purpose_description(), kMaxLongTextChars,
                   false, TextShape::kMultiLine);
  CheckDataCategories(consent.data_categories(), violations);
  absl::Time runs_from = context.occur_time.value_or(absl::InfinitePast());
  if (consent.has_effective_time()) {
    runs_from = CheckTime(*violations, path + ".effective_time", consent.effective_time())
                    ? ToAbslTime(consent.effective_time())
                    : absl::InfinitePast();
  }
  if (consent.has_expire_time()) {
    CheckExpiry(path + ".expire_time", consent.expire_time(), runs_from, violations);
  }
  RequiredEnum(path + ".collection_method", consent.collection_method(),
               v1::CollectionMethod_IsValid, violations);
  if (consent.language_code().empty()) {
    violations->Add(path + ".language_code", "required");
  } else if (!LooksLikeLanguageTag(consent.language_code())) {
    violations->Add(path + ".language_code", "must be a BCP 47 language tag such as en or cy");
  }
  const bool notice_required = context.kind == v1::LEDGER_ENTRY_KIND_CONSENT_GIVEN ||
                               context.kind == v1::LEDGER_ENTRY_KIND_CONSENT_REFUSED;
  violations->Text(path + ".notice_version", consent.notice_version(), kMaxNoticeVersionChars,
                   notice_required);
  if (consent.has_verification()) CheckVerification(consent.verification(), context, violations);
  violations->Text(path + ".reason", consent.reason(), kMaxLongTextChars, false,
                   TextShape::kMultiLine);
}

void CheckPowerDetails(const v1::PowerDetails& power, const EntryContext& context,
                       FieldViolations* violations) {
  const std::string path = "entry.power";
  const bool used = context.kind == v1::LEDGER_ENTRY_KIND_POWER_USED;
  RequiredEnum(path + ".power", power.power(), v1::PowerKind_IsValid, violations);
  if (power.has_legal_basis()) {
    checks::CheckLegalBasis(*violations, "entry.power.legal_basis", power.legal_basis(), true);
  } else if (used) {
    violations->Add(path + ".legal_basis", "required for POWER_USED: statute and section");
  }
  violations->Text(path + ".reasons", power.reasons(), kMaxReasonsChars, true,
                   TextShape::kMultiLine);
  if (power.has_authorising_officer()) {
    checks::CheckStaffMember(*violations, "entry.power.authorising_officer",
                             power.authorising_officer());
  }
  if (power.has_family_told()) {
    checks::CheckFamilyTold(*violations, "entry.power.family_told", power.family_told(),
                            context.now + kMaxClockSkew);
  } else if (used) {
    violations->Add(path + ".family_told", "required for POWER_USED");
  }
  const bool review_required = used && (power.power() == v1::POWER_KIND_PROCEED_WITHOUT_CONSENT ||
                                        power.power() == v1::POWER_KIND_RESTRICT_PARTICIPATION);
  if (power.has_review_date() && !IsCalendarDate(power.review_date())) {
    violations->Add(path + ".review_date", "must be a full calendar date");
  } else if (!power.has_review_date() && review_required) {
    violations->Add(path + ".review_date", "required for this power");
  }
  CheckParties(path + ".affected", power.affected(), false, context, violations);
  if (power.power() == v1::POWER_KIND_PROCEED_WITHOUT_CONSENT) {
    if (power.overridden_purpose() != 0 || used) {
      RequiredEnum(path + ".overridden_purpose", power.overridden_purpose(),
                   v1::ConsentPurpose_IsValid, violations);
    }
  } else if (power.overridden_purpose() != 0) {
    violations->Add(path + ".overridden_purpose", "only for PROCEED_WITHOUT_CONSENT");
  }
  if (power.has_expire_time()) {
    CheckExpiry(path + ".expire_time", power.expire_time(),
                context.occur_time.value_or(absl::InfinitePast()), violations);
  }
}

}  // namespace fgc::ledger
