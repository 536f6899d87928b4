#include "services/ledger/entry_journal.h"

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "google/protobuf/util/time_util.h"
#include "services/ledger/entry/leaf_data.h"
#include "services/ledger/entry/ledger_names.h"
#include "services/ledger/entry/personal_fields.h"
#include "services/ledger/log/merkle.h"

namespace fgc::ledger {
namespace {

using google::protobuf::util::TimeUtil;

google::protobuf::Timestamp ToProto(absl::Time t) {
  return TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(t));
}

EntryColumns ColumnsOf(const v1::LedgerEntry& entry) {
  EntryColumns c;
  c.kind = entry.kind();
  c.conference = entry.conference();
  c.subject = entry.subject();
  if (entry.has_consent()) {
    c.purpose = entry.consent().purpose();
    c.grantor = entry.consent().grantor().member();
  } else if (entry.has_power()) {
    c.purpose = entry.power().overridden_purpose();
  }
  if (auto superseded = ParseEntryName(entry.supersedes())) c.supersedes = superseded->index;
  c.occur_time = absl::FromUnixMicros(TimeUtil::TimestampToMicroseconds(entry.occur_time()));
  return c;
}

std::string KeyCacheKey(const std::string& tenant, const std::string& conference) {
  return absl::StrCat(tenant, "\n", conference);
}

}  // namespace

absl::StatusOr<crypto::DataKey> EntryJournal::DataKeyFor(const std::string& tenant,
                                                         const std::string& conference) {
  auto wrapped = store_->WrappedDataKey(tenant, conference);
  if (!wrapped.ok()) return wrapped.status();
  if (!wrapped->has_value()) return NotFound("data key", conference);
  return crypto::UnwrapDataKey(*keys_->kek, **wrapped, conference);
}

absl::StatusOr<std::string> EntryJournal::WrappedKeyForAppend(const std::string& tenant,
                                                              const std::string& conference) {
  const std::string cache_key = KeyCacheKey(tenant, conference);
  {
    absl::MutexLock lock(&mu_);
    if (auto it = wrapped_keys_.find(cache_key); it != wrapped_keys_.end()) return it->second;
  }
  auto wrapped = store_->WrappedDataKey(tenant, conference);
  if (!wrapped.ok()) return wrapped.status();
  std::string standing;
  if (wrapped->has_value()) {
    standing = **wrapped;
  } else {
    auto key = crypto::GenerateDataKey();
    if (!key.ok()) return key.status();
    auto made = crypto::WrapDataKey(*keys_->kek, *key, conference);
    if (!made.ok()) return made.status();
    // Two hosts may make a key at once: the one stored first stands, for both.
    auto stored = store_->PutWrappedDataKey(tenant, conference, *made);
    if (!stored.ok()) return stored.status();
    standing = *std::move(stored);
  }
  absl::MutexLock lock(&mu_);
  if (wrapped_keys_.size() >= kRememberedKeys) wrapped_keys_.clear();
  wrapped_keys_[cache_key] = standing;
  return standing;
}

void EntryJournal::ForgetDataKey(const std::string& tenant, const std::string& conference) {
  absl::MutexLock lock(&mu_);
  wrapped_keys_.erase(KeyCacheKey(tenant, conference));
}

absl::StatusOr<v1::LedgerEntry> EntryJournal::Append(const std::string& tenant,
                                                     const v1::LedgerEntry& entry,
                                                     const std::string& request_id,
                                                     const std::string& request_hash) {
  auto wrapped = WrappedKeyForAppend(tenant, entry.conference());
  if (!wrapped.ok()) return wrapped.status();
  auto key = crypto::UnwrapDataKey(*keys_->kek, *wrapped, entry.conference());
  if (!key.ok()) return key.status();
  PendingAppend pending;
  pending.request_id = request_id;
  pending.request_hash = request_hash;
  pending.columns = ColumnsOf(entry);
  pending.sealed_under = *wrapped;
  const crypto::DataKey* data_key = &*key;
  // What the committed attempt hashed (the writer may run the builder more than once when a
  // transaction is retried; the last run is the one that committed).
  auto written = std::make_shared<std::pair<v1::LedgerEntry, std::string>>();
  pending.leaf_data = [&entry, &tenant, data_key, written](
                          int64_t index, absl::Time record_time) -> absl::StatusOr<std::string> {
    v1::LedgerEntry sealed = entry;
    sealed.set_index(index);
    sealed.set_name(FormatEntryName(tenant, index));
    *sealed.mutable_record_time() = ToProto(record_time);
    written->first = sealed;  // before sealing: what the caller gets back
    if (absl::Status s = SealPersonalFields(&sealed, *data_key, sealed.name()); !s.ok()) return s;
    auto leaf = CanonicalLeafData(sealed);
    if (leaf.ok()) written->second = *leaf;
    return leaf;
  };
  auto appended = sequencer_->Append(tenant, std::move(pending));
  if (!appended.ok()) {
    if (appended.status().code() == absl::StatusCode::kFailedPrecondition) {
      ForgetDataKey(tenant, entry.conference());  // erased meanwhile
    }
    return appended.status();
  }
  // A retry of an earlier request returns that request's entry, as stored.
  if (appended->replayed) return Read(tenant, appended->index);
  v1::LedgerEntry result = std::move(written->first);
  result.set_leaf_data(written->second);
  result.set_leaf_hash(log::LeafHash(written->second));
  return result;
}

namespace {

absl::StatusOr<v1::LedgerEntry> SealedEntryOf(const StoredEntry& stored) {
  auto entry = ParseLeafData(stored.leaf_data);
  if (!entry.ok()) {
    return absl::DataLossError("a stored ledger entry does not parse: the log is damaged");
  }
  entry->set_leaf_data(stored.leaf_data);
  entry->set_leaf_hash(stored.leaf_hash);
  return entry;
}

}  // namespace

absl::StatusOr<v1::LedgerEntry> EntryJournal::ReadSealed(const std::string& tenant, int64_t index) {
  auto stored = store_->ReadEntry(tenant, index);
  if (!stored.ok()) return stored.status();
  return SealedEntryOf(*stored);
}

absl::StatusOr<std::vector<v1::LedgerEntry>> EntryJournal::ConferenceEntriesSealed(
    const std::string& tenant, const std::string& conference) {
  constexpr int kPage = 500;
  EntryFilter filter;
  filter.conference = conference;
  std::vector<v1::LedgerEntry> entries;
  int64_t from = 0;
  while (true) {
    auto page = store_->ListEntries(tenant, filter, from, kPage);
    if (!page.ok()) return page.status();
    for (const StoredEntry& stored : page->entries) {
      auto entry = SealedEntryOf(stored);
      if (!entry.ok()) return entry.status();
      entries.push_back(*std::move(entry));
    }
    if (static_cast<int>(page->entries.size()) < kPage) return entries;
    from = page->entries.back().index + 1;
  }
}

absl::Status EntryJournal::Open(const std::string& tenant, const std::string& conference,
                                std::span<v1::LedgerEntry> entries) {
  if (entries.empty()) return absl::OkStatus();
  auto key = DataKeyFor(tenant, conference);
  if (key.status().code() == absl::StatusCode::kFailedPrecondition) {
    // Erased: the key is gone; the entries, their hashes and proofs stay, the details do not.
    auto erased_at = store_->ErasedAt(tenant, conference);
    if (!erased_at.ok()) return erased_at.status();
    for (v1::LedgerEntry& entry : entries) {
      MarkErased(&entry, ToProto(erased_at->value_or(absl::UnixEpoch())));
    }
    return absl::OkStatus();
  }
  if (!key.ok()) return key.status();
  for (v1::LedgerEntry& entry : entries) {
    if (absl::Status s = OpenPersonalFields(&entry, *key, entry.name()); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::StatusOr<std::optional<v1::LedgerEntry>> EntryJournal::Replayed(
    const std::string& tenant, const std::string& request_id, const std::string& request_hash) {
  auto earlier = store_->EarlierAppend(tenant, request_id, request_hash);
  if (!earlier.ok()) return earlier.status();
  if (!earlier->has_value()) return std::nullopt;
  auto entry = Read(tenant, **earlier);
  if (!entry.ok()) return entry.status();
  return *std::move(entry);
}

absl::StatusOr<v1::LedgerEntry> EntryJournal::Read(const std::string& tenant, int64_t index) {
  auto entry = ReadSealed(tenant, index);
  if (!entry.ok()) return entry.status();
  const std::string conference = entry->conference();
  if (absl::Status s = Open(tenant, conference, std::span(&*entry, 1)); !s.ok()) return s;
  return entry;
}

}  // namespace fgc::ledger
