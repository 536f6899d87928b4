#include "services/ledger/entry/personal_fields.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "common/crypto/encoding.h"

namespace fgc::ledger {
namespace {

// Calls visit(path, &value) for every personal field of `entry` whose message is present, in
// the documented order; stops at the first error. Visiting never creates absent messages, so
// an entry's presence bits (and thus its canonical bytes) stay as they were.
template <typename Visit>
absl::Status ForEachPersonalField(v1::LedgerEntry* entry, Visit visit) {
  std::vector<std::pair<std::string, std::string*>> fields;
  const auto add = [&](std::string path, std::string* value) {
    fields.emplace_back(std::move(path), value);
  };
  const auto add_party = [&](const std::string& path, v1::Party* party) {
    add(path + ".display_name", party->mutable_display_name());
    add(path + ".relationship", party->mutable_relationship());
  };
  add("decision", entry->mutable_decision());
  if (entry->has_actor()) {
    add("actor.display_name", entry->mutable_actor()->mutable_display_name());
    add("actor.on_behalf_of", entry->mutable_actor()->mutable_on_behalf_of());
  }
  if (entry->has_consent()) {
    v1::ConsentDetails* consent = entry->mutable_consent();
    if (consent->has_grantor()) add_party("consent.grantor", consent->mutable_grantor());
    for (int i = 0; i < consent->grantees_size(); ++i) {
      add_party(absl::StrCat("consent.grantees[", i, "]"), consent->mutable_grantees(i));
    }
    add("consent.purpose_description", consent->mutable_purpose_description());
    if (consent->has_verification()) {
      add("consent.verification.verified_by",
          consent->mutable_verification()->mutable_verified_by());
      add("consent.verification.notes", consent->mutable_verification()->mutable_notes());
    }
    add("consent.reason", consent->mutable_reason());
  }
  if (entry->has_power()) {
    v1::PowerDetails* power = entry->mutable_power();
    for (int i = 0; i < power->affected_size(); ++i) {
      add_party(absl::StrCat("power.affected[", i, "]"), power->mutable_affected(i));
    }
    add("power.reasons", power->mutable_reasons());
    if (power->has_authorising_officer()) {
      v1::StaffMember* officer = power->mutable_authorising_officer();
      add("power.authorising_officer.display_name", officer->mutable_display_name());
      add("power.authorising_officer.email", officer->mutable_email());
      add("power.authorising_officer.phone_number", officer->mutable_phone_number());
    }
    if (power->has_family_told()) {
      add("power.family_told.told_by", power->mutable_family_told()->mutable_told_by());
      add("power.family_told.not_told_reason",
          power->mutable_family_told()->mutable_not_told_reason());
    }
  }
  for (auto& [path, value] : fields) {
    if (absl::Status status = visit(path, value); !status.ok()) return status;
  }
  return absl::OkStatus();
}

}  // namespace

std::vector<std::string> PersonalFieldPaths(const v1::LedgerEntry& entry) {
  v1::LedgerEntry copy = entry;
  std::vector<std::string> paths;
  (void)ForEachPersonalField(&copy, [&](const std::string& path, std::string* value) {
    if (!value->empty()) paths.push_back(path);
    return absl::OkStatus();
  });
  return paths;
}

absl::Status SealPersonalFields(v1::LedgerEntry* entry, const crypto::DataKey& key,
                                std::string_view row_name) {
  v1::LedgerEntry sealed = *entry;
  absl::Status status =
      ForEachPersonalField(&sealed, [&](const std::string& path, std::string* value) {
        if (value->empty()) return absl::OkStatus();
        absl::StatusOr<std::string> ciphertext = crypto::SealField(key, *value, row_name, path);
        if (!ciphertext.ok()) return ciphertext.status();
        *value = std::string(kSealedPrefix) + crypto::Base64Encode(*ciphertext);
        return absl::OkStatus();
      });
  if (!status.ok()) return status;
  *entry = std::move(sealed);
  return absl::OkStatus();
}

absl::Status OpenPersonalFields(v1::LedgerEntry* entry, const crypto::DataKey& key,
                                std::string_view row_name) {
  v1::LedgerEntry opened = *entry;
  absl::Status status =
      ForEachPersonalField(&opened, [&](const std::string& path, std::string* value) {
        if (value->empty()) return absl::OkStatus();
        if (std::string_view(*value).substr(0, kSealedPrefix.size()) != kSealedPrefix) {
          return absl::DataLossError(absl::StrCat("personal field ", path, " is not sealed"));
        }
        absl::StatusOr<std::string> ciphertext =
            crypto::Base64Decode(std::string_view(*value).substr(kSealedPrefix.size()));
        if (!ciphertext.ok()) {
          return absl::DataLossError(absl::StrCat("personal field ", path, " is damaged"));
        }
        absl::StatusOr<std::string> plaintext = crypto::OpenField(key, *ciphertext, row_name, path);
        if (!plaintext.ok()) return plaintext.status();
        *value = std::move(*plaintext);
        return absl::OkStatus();
      });
  if (!status.ok()) return status;
  *entry = std::move(opened);
  return absl::OkStatus();
}

void MarkErased(v1::LedgerEntry* entry, const google::protobuf::Timestamp& erase_time) {
  (void)ForEachPersonalField(entry, [](const std::string&, std::string* value) {
    value->clear();
    return absl::OkStatus();
  });
  entry->set_erased(true);
  *entry->mutable_erase_time() = erase_time;
}

}  // namespace fgc::ledger
