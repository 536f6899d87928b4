#include "services/ledger/ledger_keys.h"

#include "absl/strings/str_cat.h"
#include "common/auth/dev_keys.h"

namespace fgc::ledger {

std::string LedgerKeys::Origin(const std::string& tenant) const {
  return absl::StrCat(ledger_name, "/tenants/", tenant, "/ledger");
}

absl::StatusOr<LedgerKeys> LoadLedgerKeys(const HostConfig& config) {
  LedgerKeys keys;
  keys.ledger_name = config.ledger_name;
  if (!config.production()) {
    if (auto made = auth::EnsureDevelopmentKeys(config.state_dir); !made.ok()) {
      return made.status();
    }
  }
  auto signing = auth::LoadLedgerSigningKey(config.state_dir);
  if (!signing.ok()) return signing.status();
  auto signer = log::NoteSigner::Create(config.ledger_name, *std::move(signing));
  if (!signer.ok()) return signer.status();
  keys.signer = std::make_unique<log::NoteSigner>(*std::move(signer));
  auto kek = crypto::LoadKeyEncryptionKey(
      config.state_dir, config.production() ? crypto::KekProvisioning::kRequireExisting
                                            : crypto::KekProvisioning::kCreateIfMissing);
  if (!kek.ok()) return kek.status();
  keys.kek = std::make_unique<crypto::KeyEncryptionKey>(*std::move(kek));
  return keys;
}

}  // namespace fgc::ledger
