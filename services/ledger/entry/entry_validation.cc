#include "services/ledger/entry/entry_validation.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "services/ledger/entry/details_validation.h"
#include "services/ledger/entry/entry_time.h"
#include "services/ledger/entry/field_rules.h"
#include "services/ledger/entry/ledger_names.h"

namespace fgc::ledger {
namespace {

constexpr size_t kMaxDecisionChars = 2000;
constexpr size_t kMaxActorNameChars = 200;
constexpr size_t kMaxRelatedResourceChars = 500;

bool IsConsentKind(v1::LedgerEntryKind kind) {
  return kind == v1::LEDGER_ENTRY_KIND_CONSENT_GIVEN ||
         kind == v1::LEDGER_ENTRY_KIND_CONSENT_REFUSED ||
         kind == v1::LEDGER_ENTRY_KIND_CONSENT_WITHDRAWN;
}

bool IsPowerKind(v1::LedgerEntryKind kind) {
  return kind == v1::LEDGER_ENTRY_KIND_POWER_USED || kind == v1::LEDGER_ENTRY_KIND_POWER_ENDED;
}

void CheckKind(v1::LedgerEntryKind kind, RecordMethod method, FieldViolations* violations) {
  if (kind == v1::LEDGER_ENTRY_KIND_UNSPECIFIED) {
    violations->Add("entry.kind", "required");
  } else if (!v1::LedgerEntryKind_IsValid(kind)) {
    violations->Add("entry.kind", "not a known LedgerEntryKind");
  } else if (kind == v1::LEDGER_ENTRY_KIND_CONSENT_WITHDRAWN) {
    violations->Add("entry.kind", "a withdrawal is recorded by WithdrawConsent only");
  } else if (method == RecordMethod::kRecordConsent && !IsConsentKind(kind)) {
    violations->Add("entry.kind", "RecordConsent records CONSENT_GIVEN or CONSENT_REFUSED");
  } else if (method == RecordMethod::kRecordPowerUse && !IsPowerKind(kind)) {
    violations->Add("entry.kind", "RecordPowerUse records POWER_USED or POWER_ENDED");
  }
}

// The conference and the subject; returns the conference name when it is usable.
std::optional<std::string> CheckConferenceAndSubject(const v1::LedgerEntry& entry,
                                                     std::string_view tenant,
                                                     FieldViolations* violations) {
  std::optional<std::string> conference;
  if (entry.conference().empty()) {
    violations->Add("entry.conference", "required");
  } else if (auto parsed = ParseConferenceName(entry.conference()); !parsed) {
    violations->Add("entry.conference", "must be tenants/{tenant}/conferences/{conference}");
  } else if (parsed->tenant != tenant) {
    violations->Add("entry.conference", "must be a conference of the caller's tenant");
  } else {
    conference = entry.conference();
  }
  if (entry.subject().empty()) {
    violations->Add("entry.subject", "required");
  } else if (auto child = ParseChildName(entry.subject()); !child) {
    violations->Add("entry.subject",
                    "must be tenants/{tenant}/conferences/{conference}/children/{child}");
  } else if (child->tenant != tenant) {
    violations->Add("entry.subject", "must be a child of the caller's tenant");
  } else if (conference && child->ConferenceNameText() != *conference) {
    violations->Add("entry.subject", "must be a child of the entry's conference");
  }
  return conference;
}

// `related_resource`: a resource name in the tenant, collection and ID segments alternating.
bool IsResourceNameInTenant(std::string_view name, std::string_view tenant) {
  std::vector<absl::string_view> parts =
      absl::StrSplit(absl::string_view(name.data(), name.size()), '/');
  if (parts.size() < 2 || parts.size() % 2 != 0) return false;
  if (parts[0] != "tenants" || std::string(parts[1]) != tenant) return false;
  for (size_t i = 2; i < parts.size(); i += 2) {
    if (parts[i].empty()) return false;
    for (char c : parts[i]) {
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    }
    if (!IsValidResourceId(std::string(parts[i + 1]))) return false;
  }
  return true;
}

void CheckReferences(const v1::LedgerEntry& entry, std::string_view tenant,
                     FieldViolations* violations) {
  if (entry.kind() == v1::LEDGER_ENTRY_KIND_POWER_ENDED && entry.supersedes().empty()) {
    violations->Add("entry.supersedes", "required for POWER_ENDED: the power-used entry it ends");
  }
  if (!entry.supersedes().empty()) {
    auto target = ParseEntryName(entry.supersedes());
    if (!target) {
      violations->Add("entry.supersedes", "must be tenants/{tenant}/ledger/entries/{index}");
    } else if (target->tenant != tenant) {
      violations->Add("entry.supersedes", "must be an entry of the caller's tenant");
    }
  }
  const std::string& related = entry.related_resource();
  if (related.empty()) return;
  if (related.size() > kMaxRelatedResourceChars) {
    violations->Add("entry.related_resource",
                    absl::StrCat("at most ", kMaxRelatedResourceChars, " characters"));
  } else if (!IsResourceNameInTenant(related, tenant)) {
    violations->Add("entry.related_resource",
                    "must be the resource name of an fgc resource in the caller's tenant");
  }
}

void CheckActor(const v1::LedgerEntry& entry, FieldViolations* violations) {
  if (!entry.has_actor()) return;
  violations->Text("entry.actor.display_name", entry.actor().display_name(), kMaxActorNameChars,
                   false);
  violations->Text("entry.actor.on_behalf_of", entry.actor().on_behalf_of(), kMaxActorNameChars,
                   false);
}

std::optional<absl::Time> CheckOccurTime(const v1::LedgerEntry& entry, absl::Time now,
                                         FieldViolations* violations) {
  if (!entry.has_occur_time()) {
    violations->Add("entry.occur_time", "required");
    return std::nullopt;
  }
  if (!CheckTime(*violations, "entry.occur_time", entry.occur_time())) return std::nullopt;
  const absl::Time occur = ToAbslTime(entry.occur_time());
  if (occur > now + kMaxClockSkew) {
    violations->Add("entry.occur_time", "must not be in the future");
    return std::nullopt;
  }
  return occur;
}

// The details must match the kind: consent kinds carry `consent`, power kinds `power`.
void CheckDetails(const v1::LedgerEntry& entry, const EntryContext& context,
                  FieldViolations* violations) {
  const v1::LedgerEntryKind kind = entry.kind();
  const std::string kind_name = v1::LedgerEntryKind_Name(kind);
  if (IsConsentKind(kind)) {
    if (!entry.has_consent()) violations->Add("entry.consent", "required for " + kind_name);
    if (entry.has_power()) violations->Add("entry.power", "must not be set for " + kind_name);
  } else if (IsPowerKind(kind)) {
    if (!entry.has_power()) violations->Add("entry.power", "required for " + kind_name);
    if (entry.has_consent()) violations->Add("entry.consent", "must not be set for " + kind_name);
  }
  if (entry.has_consent()) CheckConsentDetails(entry.consent(), context, violations);
  if (entry.has_power()) CheckPowerDetails(entry.power(), context, violations);
}

}  // namespace

void ClearOutputOnlyFields(v1::LedgerEntry* entry) {
  entry->DiscardUnknownFields();  // a newer client's fields would not be hashed, so not kept
  entry->clear_name();
  entry->clear_index();
  entry->clear_record_time();
  entry->clear_leaf_data();
  entry->clear_leaf_hash();
  entry->clear_erased();
  entry->clear_erase_time();
  if (entry->has_actor()) {
    v1::Actor* actor = entry->mutable_actor();
    actor->clear_subject();
    actor->clear_role();
    actor->clear_agency();
    if (actor->ByteSizeLong() == 0) entry->clear_actor();
  }
}

absl::Status ValidateNewEntry(const v1::LedgerEntry& entry, std::string_view tenant,
                              RecordMethod method, absl::Time now) {
  FieldViolations violations;
  CheckKind(entry.kind(), method, &violations);
  EntryContext context;
  context.kind = entry.kind();
  context.tenant = std::string(tenant);
  context.now = now;
  context.conference = CheckConferenceAndSubject(entry, tenant, &violations);
  context.occur_time = CheckOccurTime(entry, now, &violations);
  CheckReferences(entry, tenant, &violations);
  CheckActor(entry, &violations);
  violations.Text("entry.decision", entry.decision(), kMaxDecisionChars, true,
                  TextShape::kMultiLine);
  CheckDetails(entry, context, &violations);
  return violations.ToStatus("the ledger entry has invalid fields");
}

}  // namespace fgc::ledger
