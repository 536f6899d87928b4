#include "services/ledger/entry/member_record.h"

#include <set>

#include "common/base/errors.h"
#include "services/ledger/entry/consent_decision.h"

namespace fgc::ledger {
namespace {

bool Names(const v1::Party& party, const RecordHolder& holder) {
  return !party.member().empty() && party.member() == holder.member;
}

// Concerns the holder by what it says itself (not through what it supersedes).
bool NamesHolder(const v1::LedgerEntry& entry, const RecordHolder& holder) {
  if (!holder.child.empty() && entry.subject() == holder.child) return true;
  if (entry.has_consent()) {
    if (Names(entry.consent().grantor(), holder)) return true;
    for (const v1::Party& grantee : entry.consent().grantees()) {
      if (Names(grantee, holder)) return true;
    }
  }
  if (entry.has_power()) {
    for (const v1::Party& affected : entry.power().affected()) {
      if (Names(affected, holder)) return true;
    }
  }
  return false;
}

bool Told(const v1::LedgerEntry& entry) {
  return entry.has_power() && entry.power().has_family_told() && entry.power().family_told().told();
}

// The names of the power entries the family may not read yet (see the header).
std::set<std::string> UntoldPower(std::span<const v1::LedgerEntry> entries) {
  std::set<std::string> told_later;
  for (const v1::LedgerEntry& entry : entries) {
    if (Told(entry) && !entry.supersedes().empty()) told_later.insert(entry.supersedes());
  }
  std::set<std::string> untold;
  for (const v1::LedgerEntry& entry : entries) {  // log order: an end follows what it ends
    if (Told(entry)) continue;
    const bool hidden_use =
        entry.kind() == v1::LEDGER_ENTRY_KIND_POWER_USED && !told_later.contains(entry.name());
    const bool hidden_end =
        entry.kind() == v1::LEDGER_ENTRY_KIND_POWER_ENDED && untold.contains(entry.supersedes());
    if (hidden_use || hidden_end) untold.insert(entry.name());
  }
  return untold;
}

}  // namespace

std::vector<size_t> MemberRecord(std::span<const v1::LedgerEntry> entries,
                                 const RecordHolder& holder) {
  std::set<std::string> concerning;
  for (const v1::LedgerEntry& entry : entries) {
    if (NamesHolder(entry, holder) ||
        (!entry.supersedes().empty() && concerning.contains(entry.supersedes()))) {
      concerning.insert(entry.name());
    }
  }
  const std::set<std::string> untold = UntoldPower(entries);
  std::vector<size_t> record;
  for (size_t i = entries.size(); i-- > 0;) {
    const std::string& name = entries[i].name();
    if (concerning.contains(name) && !untold.contains(name)) record.push_back(i);
  }
  return record;
}

std::vector<std::string> WithdrawableByHolder(std::span<const v1::LedgerEntry> entries,
                                              const RecordHolder& holder, absl::Time at) {
  std::set<std::string> theirs;
  for (const v1::LedgerEntry& entry : entries) {
    if (entry.has_consent() && Names(entry.consent().grantor(), holder))
      theirs.insert(entry.name());
  }
  std::vector<std::string> names = WithdrawableConsents(entries, at);
  std::erase_if(names, [&](const std::string& name) { return !theirs.contains(name); });
  return names;
}

absl::Status CheckHolderIsGrantor(const v1::LedgerEntry& target, const RecordHolder& holder) {
  if (target.has_consent() && Names(target.consent().grantor(), holder)) return absl::OkStatus();
  return PermissionDenied("RESOURCE_NOT_PERMITTED",
                          "your invitation link lets you withdraw only a consent you gave");
}

}  // namespace fgc::ledger
