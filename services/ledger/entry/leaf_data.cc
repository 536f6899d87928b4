#include "services/ledger/entry/leaf_data.h"

#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "services/ledger/entry/canonical_json.h"
#include "services/ledger/entry/canonical_message.h"

namespace fgc::ledger {
namespace {

constexpr std::string_view kVersionMember = "_v";

// The fields that describe the bytes or change after the entry is written.
void ClearUnhashedFields(v1::LedgerEntry* entry) {
  entry->clear_leaf_data();
  entry->clear_leaf_hash();
  entry->clear_erased();
  entry->clear_erase_time();
}

}  // namespace

absl::StatusOr<std::string> CanonicalLeafData(const v1::LedgerEntry& sealed_entry) {
  v1::LedgerEntry hashed = sealed_entry;
  ClearUnhashedFields(&hashed);
  std::string version;
  AppendJsonString(kLeafDataVersion, &version);
  std::string out;
  absl::Status status =
      AppendCanonicalObject(hashed, {{std::string(kVersionMember), std::move(version)}}, &out);
  if (!status.ok()) return status;
  return out;
}

absl::StatusOr<v1::LedgerEntry> ParseLeafData(std::string_view leaf_data) {
  nlohmann::json document = nlohmann::json::parse(leaf_data.begin(), leaf_data.end(), nullptr,
                                                  /*allow_exceptions=*/false);
  if (document.is_discarded() || !document.is_object()) {
    return absl::InvalidArgumentError("leaf data is not a JSON object");
  }
  auto version = document.find(std::string(kVersionMember));
  if (version == document.end() || !version->is_string() ||
      version->get<std::string>() != kLeafDataVersion) {
    return absl::InvalidArgumentError(
        absl::StrCat("leaf data is not of version ", std::string(kLeafDataVersion)));
  }
  document.erase(version);
  v1::LedgerEntry entry;
  if (absl::Status status = ReadCanonicalObject(document, &entry); !status.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("leaf data: ", status.message()));
  }
  // Reading accepts some non-canonical texts (other spacing, order, escapes; default values
  // written out; fields that are never hashed); writing back shows whether these bytes are
  // the one encoding of the entry.
  absl::StatusOr<std::string> canonical = CanonicalLeafData(entry);
  if (!canonical.ok() || *canonical != leaf_data) {
    return absl::InvalidArgumentError("leaf data is not in canonical form");
  }
  return entry;
}

}  // namespace fgc::ledger
