// The LedgerService reads fgcctl makes for one tenant, with the resource names built from the
// tenant: checkpoints, entries with proofs, and pages of entries.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "clients/fgcctl/connection.h"
#include "fgc/v1/ledger_service.grpc.pb.h"

namespace fgc::ctl {

class LedgerClient {
 public:
  LedgerClient(const Connection& connection, std::string tenant);

  const std::string& tenant() const { return tenant_; }

  // The checkpoint signed at `size`, or the latest for 0, and the verifier key.
  grpc::Status GetCheckpoint(int64_t size, v1::GetCheckpointResponse* response) const;
  // The entry with its inclusion proof against the checkpoint of `tree_size` (0: latest).
  grpc::Status GetEntry(const std::string& name, int64_t tree_size,
                        v1::GetEntryResponse* response) const;
  grpc::Status ListEntries(int page_size, const std::string& page_token, const std::string& filter,
                           v1::ListEntriesResponse* response) const;

 private:
  const Connection& connection_;
  std::string tenant_;
  std::unique_ptr<v1::LedgerService::Stub> stub_;
};

}  // namespace fgc::ctl
