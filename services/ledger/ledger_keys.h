// The ledger's secrets: the key-encryption key that wraps each conference's data key, and the
// Ed25519 key that signs checkpoints, with the names checkpoints carry.
#pragma once

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "common/base/config.h"
#include "common/crypto/envelope.h"
#include "services/ledger/log/note.h"

namespace fgc::ledger {

struct LedgerKeys {
  std::unique_ptr<crypto::KeyEncryptionKey> kek;
  std::unique_ptr<log::NoteSigner> signer;  // key name = HostConfig::ledger_name
  std::string ledger_name;

  // "<ledger name>/tenants/<tenant>/ledger": one log, one origin, per tenant.
  std::string Origin(const std::string& tenant) const;
};

// Loads from the state directory (<state>/keys/ledger-ed25519.pem, <state>/keys/kek or
// FGC_KEK). Development creates what is missing; production requires both to exist.
absl::StatusOr<LedgerKeys> LoadLedgerKeys(const HostConfig& config);

}  // namespace fgc::ledger
