#include "services/ledger/entry/supersession.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "services/ledger/entry/entry_time.h"
#include "services/ledger/entry/entry_validation.h"
#include "services/ledger/entry/field_rules.h"

namespace fgc::ledger {
namespace {

constexpr size_t kMaxReasonChars = 2000;
constexpr size_t kMaxNoticeVersionChars = 100;

// What a consent purpose lets happen, in the plain words of the family's record.
std::string PurposeInPlainWords(v1::ConsentPurpose purpose) {
  switch (purpose) {
    case v1::CONSENT_PURPOSE_REFERRAL:
      return "being referred to the Family Group Conference service";
    case v1::CONSENT_PURPOSE_CONTACT_NETWORK:
      return "contacting the family network";
    case v1::CONSENT_PURPOSE_SHARE_INFORMATION:
      return "sharing information with the family network at the conference";
    case v1::CONSENT_PURPOSE_DISTRIBUTE_PLAN:
      return "sending the plan to the people entitled to it";
    default:
      return "what it was given for";
  }
}

std::string WithdrawalDecision(const v1::ConsentDetails& consent) {
  const std::string what = PurposeInPlainWords(consent.purpose());
  if (consent.grantor().display_name().empty()) {
    return absl::StrCat("Consent to ", what, " was withdrawn.");
  }
  return absl::StrCat(consent.grantor().display_name(), " withdrew consent to ", what, ".");
}

absl::Status NotInForce(const v1::LedgerEntry& target, std::string_view why) {
  return FailedPrecondition("POWER_NOT_IN_FORCE", why,
                            {{"POWER_NOT_IN_FORCE", target.name(), std::string(why)}});
}

// The request fields of a withdrawal: reason, how and in which language it was received, and
// when. Returns the occur time to record, or nothing when a field is bad.
std::optional<absl::Time> CheckWithdrawalRequest(const v1::LedgerEntry& target,
                                                 const v1::WithdrawConsentRequest& request,
                                                 Withdrawer withdrawer, absl::Time now,
                                                 FieldViolations* violations) {
  violations->Text("reason", request.reason(), kMaxReasonChars, false, TextShape::kMultiLine);
  violations->Text("notice_version", request.notice_version(), kMaxNoticeVersionChars, false);
  if (withdrawer == Withdrawer::kStaff) {
    if (request.collection_method() == v1::COLLECTION_METHOD_UNSPECIFIED) {
      violations->Add("collection_method", "required");
    } else if (!v1::CollectionMethod_IsValid(request.collection_method())) {
      violations->Add("collection_method", "not a known value");
    }
  }
  const bool language_required = withdrawer == Withdrawer::kStaff;
  if (request.language_code().empty() && language_required) {
    violations->Add("language_code", "required");
  } else if (!request.language_code().empty() && !LooksLikeLanguageTag(request.language_code())) {
    violations->Add("language_code", "must be a BCP 47 language tag such as en or cy");
  }
  if (!request.has_occur_time()) return now;
  if (!CheckTimeNotAfter(*violations, "occur_time", request.occur_time(), now + kMaxClockSkew)) {
    return std::nullopt;
  }
  const absl::Time occur = ToAbslTime(request.occur_time());
  if (target.has_occur_time() && occur < ToAbslTime(target.occur_time())) {
    violations->Add("occur_time", "must not be before the consent was given");
    return std::nullopt;
  }
  return occur;
}

}  // namespace

absl::Status ValidateWithdrawal(const v1::LedgerEntry& target, bool already_withdrawn) {
  if (target.kind() != v1::LEDGER_ENTRY_KIND_CONSENT_GIVEN || !target.has_consent()) {
    return FailedPrecondition(
        "NOT_A_CONSENT", "only a consent given can be withdrawn",
        {{"NOT_A_CONSENT", target.name(), "the entry is not a CONSENT_GIVEN entry"}});
  }
  if (already_withdrawn) {
    return FailedPrecondition(
        "CONSENT_ALREADY_WITHDRAWN", "this consent has already been withdrawn",
        {{"CONSENT_ALREADY_WITHDRAWN", target.name(), "a withdrawal already supersedes it"}});
  }
  if (target.erased()) {
    return FailedPrecondition(
        "SUBJECT_ERASED", "the personal data of this conference has been erased",
        {{"SUBJECT_ERASED", target.conference(), "the conference's data key was destroyed"}});
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::LedgerEntry> BuildWithdrawal(const v1::LedgerEntry& target,
                                                const v1::WithdrawConsentRequest& request,
                                                Withdrawer withdrawer, absl::Time now) {
  if (absl::Status valid = ValidateWithdrawal(target, false); !valid.ok()) return valid;
  FieldViolations violations;
  std::optional<absl::Time> occur =
      CheckWithdrawalRequest(target, request, withdrawer, now, &violations);
  if (!violations.empty()) return violations.ToStatus("the withdrawal has invalid fields");

  const v1::ConsentDetails& given = target.consent();
  v1::LedgerEntry withdrawal;
  withdrawal.set_kind(v1::LEDGER_ENTRY_KIND_CONSENT_WITHDRAWN);
  withdrawal.set_conference(target.conference());
  withdrawal.set_subject(target.subject());
  withdrawal.set_related_resource(target.related_resource());
  withdrawal.set_supersedes(target.name());
  withdrawal.set_decision(WithdrawalDecision(given));
  *withdrawal.mutable_occur_time() = ToTimestamp(*occur);

  v1::ConsentDetails* consent = withdrawal.mutable_consent();
  *consent->mutable_grantor() = given.grantor();
  *consent->mutable_grantees() = given.grantees();
  consent->set_purpose(given.purpose());
  consent->set_purpose_description(given.purpose_description());
  *consent->mutable_data_categories() = given.data_categories();
  consent->set_reason(request.reason());
  consent->set_notice_version(request.notice_version());
  if (withdrawer == Withdrawer::kInvitationToken) {
    consent->set_collection_method(v1::COLLECTION_METHOD_ELECTRONIC);
    consent->set_language_code(request.language_code().empty() ? given.language_code()
                                                               : request.language_code());
    consent->mutable_verification()->set_method(v1::VERIFICATION_METHOD_INVITATION_TOKEN);
    *consent->mutable_verification()->mutable_verify_time() = withdrawal.occur_time();
  } else {
    consent->set_collection_method(request.collection_method());
    consent->set_language_code(request.language_code());
  }
  return withdrawal;
}

absl::Status ValidatePowerEnd(const v1::LedgerEntry& ending, const v1::LedgerEntry& target,
                              bool already_ended) {
  if (target.kind() != v1::LEDGER_ENTRY_KIND_POWER_USED || !target.has_power()) {
    return NotInForce(target, "a power-ended entry must supersede a power-used entry");
  }
  if (already_ended) return NotInForce(target, "this use of power has already ended");
  if (target.power().has_expire_time() && ending.has_occur_time() &&
      ToAbslTime(target.power().expire_time()) <= ToAbslTime(ending.occur_time())) {
    return NotInForce(target, "this use of power had already lapsed");
  }
  FieldViolations violations;
  if (target.conference() != ending.conference() || target.subject() != ending.subject()) {
    violations.Add("entry.supersedes",
                   "must be a use of power about the same conference and child");
  }
  if (target.power().power() != ending.power().power()) {
    violations.Add("entry.power.power", "must be the power of the entry it ends");
  }
  return violations.ToStatus("the power-ended entry does not match the power it ends");
}

}  // namespace fgc::ledger
