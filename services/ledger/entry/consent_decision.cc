#include "services/ledger/entry/consent_decision.h"

#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "services/ledger/entry/entry_time.h"

namespace fgc::ledger {
namespace {

bool RecordedBy(const v1::LedgerEntry& entry, absl::Time at) {
  return !entry.has_record_time() || ToAbslTime(entry.record_time()) <= at;
}

// Entries are handled by pointer into the caller's span, so pointer order is log order.
using EntryList = std::vector<const v1::LedgerEntry*>;

EntryList AllOf(std::span<const v1::LedgerEntry> entries) {
  EntryList list;
  for (const v1::LedgerEntry& entry : entries) list.push_back(&entry);
  return list;
}

// The names superseded by entries recorded by `at`.
std::set<std::string> SupersededBy(const EntryList& entries, absl::Time at) {
  std::set<std::string> superseded;
  for (const v1::LedgerEntry* entry : entries) {
    if (!entry->supersedes().empty() && RecordedBy(*entry, at)) {
      superseded.insert(entry->supersedes());
    }
  }
  return superseded;
}

std::optional<absl::Time> ExpiryOf(const google::protobuf::Timestamp& expire, bool has) {
  if (!has) return std::nullopt;
  return ToAbslTime(expire);
}

// Later expiries hold longer; no expiry holds longest.
bool HoldsLonger(std::optional<absl::Time> a, std::optional<absl::Time> b) {
  if (!a) return b.has_value();
  return b && *a > *b;
}

std::string GrantorKey(const v1::LedgerEntry& entry) {
  const std::string& member = entry.consent().grantor().member();
  if (!member.empty()) return member;
  if (entry.kind() == v1::LEDGER_ENTRY_KIND_CONSENT_WITHDRAWN && !entry.supersedes().empty()) {
    return absl::StrCat("entry:", entry.supersedes());
  }
  return absl::StrCat("entry:", entry.name());
}

// Each grantor's answer for the purpose: their latest standing consent entry.
std::map<std::string, const v1::LedgerEntry*> GrantorAnswers(
    const EntryList& entries, const ConsentQuery& query, const std::set<std::string>& superseded) {
  std::map<std::string, const v1::LedgerEntry*> answers;
  for (const v1::LedgerEntry* entry : entries) {
    if (!entry->has_consent() || entry->consent().purpose() != query.purpose) continue;
    if (!RecordedBy(*entry, query.at) || superseded.contains(entry->name())) continue;
    const std::string key = GrantorKey(*entry);
    if (!query.grantor.empty() && key != query.grantor) continue;
    answers[key] = entry;
  }
  return answers;
}

// The grantors' answers sorted by what they mean.
struct Answers {
  EntryList in_effect;
  EntryList lapsed;                          // expired or not yet in effect
  EntryList blocking;                        // refused or withdrawn
  std::optional<absl::Time> next_effective;  // earliest future effective time
};

Answers Classify(const std::map<std::string, const v1::LedgerEntry*>& answers, absl::Time at) {
  Answers sorted;
  for (const auto& [key, entry] : answers) {
    if (entry->kind() != v1::LEDGER_ENTRY_KIND_CONSENT_GIVEN) {
      if (entry->kind() == v1::LEDGER_ENTRY_KIND_CONSENT_REFUSED ||
          entry->kind() == v1::LEDGER_ENTRY_KIND_CONSENT_WITHDRAWN) {
        sorted.blocking.push_back(entry);
      }
      continue;
    }
    const v1::ConsentDetails& consent = entry->consent();
    const absl::Time effective =
        ToAbslTime(consent.has_effective_time() ? consent.effective_time() : entry->occur_time());
    const auto expire = ExpiryOf(consent.expire_time(), consent.has_expire_time());
    if (at < effective) {
      sorted.lapsed.push_back(entry);
      if (!sorted.next_effective || effective < *sorted.next_effective) {
        sorted.next_effective = effective;
      }
    } else if (expire && at >= *expire) {
      sorted.lapsed.push_back(entry);
    } else {
      sorted.in_effect.push_back(entry);
    }
  }
  return sorted;
}

const v1::LedgerEntry* Latest(const EntryList& entries) {
  const v1::LedgerEntry* latest = nullptr;
  for (const v1::LedgerEntry* entry : entries) {
    if (latest == nullptr || entry > latest) latest = entry;
  }
  return latest;
}

// The PROCEED_WITHOUT_CONSENT power for the purpose in force at `at` that holds longest.
const v1::LedgerEntry* PowerInForce(const EntryList& entries, const ConsentQuery& query,
                                    const std::set<std::string>& superseded) {
  const v1::LedgerEntry* best = nullptr;
  for (const v1::LedgerEntry* entry : entries) {
    if (entry->kind() != v1::LEDGER_ENTRY_KIND_POWER_USED || !entry->has_power()) continue;
    const v1::PowerDetails& power = entry->power();
    if (power.power() != v1::POWER_KIND_PROCEED_WITHOUT_CONSENT ||
        power.overridden_purpose() != query.purpose) {
      continue;
    }
    if (!RecordedBy(*entry, query.at) || superseded.contains(entry->name())) continue;
    if (ToAbslTime(entry->occur_time()) > query.at) continue;
    const auto expire = ExpiryOf(power.expire_time(), power.has_expire_time());
    if (expire && query.at >= *expire) continue;
    if (best == nullptr ||
        !HoldsLonger(ExpiryOf(best->power().expire_time(), best->power().has_expire_time()),
                     expire)) {
      best = entry;
    }
  }
  return best;
}

ConsentDecision Decided(bool allowed, v1::ConsentCheckResult result, const v1::LedgerEntry* entry,
                        std::optional<absl::Time> expire_time) {
  return ConsentDecision{allowed, result, entry != nullptr ? entry->name() : std::string(),
                         expire_time};
}

}  // namespace

ConsentDecision EvaluateConsent(std::span<const v1::LedgerEntry> entries,
                                const ConsentQuery& query) {
  EntryList about;  // the entries about the query's conference and child
  for (const v1::LedgerEntry& entry : entries) {
    if (entry.conference() == query.conference && entry.subject() == query.subject) {
      about.push_back(&entry);
    }
  }
  const std::set<std::string> superseded = SupersededBy(about, query.at);
  const Answers answers = Classify(GrantorAnswers(about, query, superseded), query.at);

  if (answers.blocking.empty() && !answers.in_effect.empty()) {
    const v1::LedgerEntry* best = nullptr;
    std::optional<absl::Time> best_expiry;
    for (const v1::LedgerEntry* entry : answers.in_effect) {
      const auto expire =
          ExpiryOf(entry->consent().expire_time(), entry->consent().has_expire_time());
      if (best == nullptr || !HoldsLonger(best_expiry, expire)) {
        best = entry;
        best_expiry = expire;
      }
    }
    return Decided(true, v1::CONSENT_CHECK_RESULT_CONSENT_GIVEN, best, best_expiry);
  }
  if (const v1::LedgerEntry* power = PowerInForce(about, query, superseded)) {
    return Decided(true, v1::CONSENT_CHECK_RESULT_POWER_IN_FORCE, power,
                   ExpiryOf(power->power().expire_time(), power->power().has_expire_time()));
  }
  if (const v1::LedgerEntry* blocking = Latest(answers.blocking)) {
    return Decided(false,
                   blocking->kind() == v1::LEDGER_ENTRY_KIND_CONSENT_REFUSED
                       ? v1::CONSENT_CHECK_RESULT_REFUSED
                       : v1::CONSENT_CHECK_RESULT_WITHDRAWN,
                   blocking, std::nullopt);
  }
  if (const v1::LedgerEntry* lapsed = Latest(answers.lapsed)) {
    return Decided(false, v1::CONSENT_CHECK_RESULT_EXPIRED, lapsed, answers.next_effective);
  }
  return Decided(false, v1::CONSENT_CHECK_RESULT_NO_CONSENT, nullptr, std::nullopt);
}

std::vector<std::string> WithdrawableConsents(std::span<const v1::LedgerEntry> entries,
                                              absl::Time at) {
  const std::set<std::string> superseded = SupersededBy(AllOf(entries), at);
  std::vector<std::string> names;
  for (const v1::LedgerEntry& entry : entries) {
    if (entry.kind() != v1::LEDGER_ENTRY_KIND_CONSENT_GIVEN || !entry.has_consent()) continue;
    if (!RecordedBy(entry, at) || superseded.contains(entry.name())) continue;
    const v1::ConsentDetails& consent = entry.consent();
    if (consent.has_expire_time() && at >= ToAbslTime(consent.expire_time())) continue;
    names.push_back(entry.name());
  }
  return names;
}

}  // namespace fgc::ledger
