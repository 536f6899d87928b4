// Checks of an entry's consent or power details, shared by the validation of new entries.
// Internal to the entry model: use ValidateNewEntry (entry_validation.h).
#pragma once

#include <optional>
#include <string>

#include "absl/time/time.h"
#include "fgc/v1/ledger_entry.pb.h"
#include "services/ledger/entry/field_rules.h"

namespace fgc::ledger {

// What the details are checked against, taken from the rest of the entry.
struct EntryContext {
  v1::LedgerEntryKind kind = v1::LEDGER_ENTRY_KIND_UNSPECIFIED;
  std::string tenant;
  std::optional<std::string> conference;  // when `conference` is well formed and in the tenant
  std::optional<absl::Time> occur_time;   // when `occur_time` is valid
  absl::Time now;
};

enum class PartyKind {
  kPerson,          // must name a member or have a display name (a grantor)
  kPersonOrAgency,  // may instead be an agency alone (grantees, people affected)
};

// A party at `path` ("entry.consent.grantor"): says who it is, lengths, and a member inside
// the entry's conference.
void CheckParty(const std::string& path, const v1::Party& party, PartyKind kind,
                const EntryContext& context, FieldViolations* violations);

void CheckConsentDetails(const v1::ConsentDetails& consent, const EntryContext& context,
                         FieldViolations* violations);

void CheckPowerDetails(const v1::PowerDetails& power, const EntryContext& context,
                       FieldViolations* violations);

}  // namespace fgc::ledger
