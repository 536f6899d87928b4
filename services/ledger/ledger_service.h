// The gRPC adapter of fgc.v1.LedgerService: checks the request's shape, calls the entry model
// and the journal, and translates back. Authentication, tenant and role checks have run
// before any handler here (GuardedService).
#pragma once

#include <memory>

#include "common/server/guarded_service.h"
#include "common/server/peer_channels.h"
#include "fgc/v1/ledger_service.pb.h"
#include "services/ledger/entry/entry_validation.h"
#include "services/ledger/entry_journal.h"
#include "services/ledger/ledger_keys.h"
#include "services/ledger/ledger_store.h"
#include "services/ledger/sequencer.h"

namespace fgc::ledger {

class LedgerService final : public server::GuardedService {
 public:
  // Takes ownership of the keys; `pool` and `peers` (InvitationService, which resolves family
  // members' tokens) must outlive the service.
  LedgerService(const server::RequestGuard* guard, db::Pool* pool, server::PeerChannels* peers,
                LedgerKeys keys);
  ~LedgerService() override;

 private:
  void RegisterHandlers();
  absl::StatusOr<v1::LedgerEntry> Record(const server::Caller& caller,
                                         const google::protobuf::Message& request,
                                         const v1::LedgerEntry& requested, RecordMethod method);
  absl::StatusOr<v1::LedgerEntry> Withdraw(const server::Caller& caller,
                                           const v1::WithdrawConsentRequest& req);
  absl::Status CheckConsent(const server::Caller& caller, const v1::CheckConsentRequest& req,
                            v1::CheckConsentResponse& resp);
  absl::Status ListEntries(const server::Caller& caller, const v1::ListEntriesRequest& req,
                           v1::ListEntriesResponse& resp);
  absl::Status EraseSubject(const server::Caller& caller, const v1::EraseSubjectRequest& req,
                            v1::EraseSubjectResponse& resp);
  absl::Status GetEntry(const server::Caller& caller, const v1::GetEntryRequest& req,
                        v1::GetEntryResponse& resp);
  // family_record.cc: by invitation token.
  absl::Status GetMyRecord(const server::Caller& caller, const v1::GetMyRecordRequest& req,
                           v1::GetMyRecordResponse& resp);
  absl::StatusOr<v1::LedgerEntry> FamilyWithdraw(const server::Caller& caller,
                                                 const v1::WithdrawConsentRequest& req);

  // Constant after construction; the sequencer is destroyed first (it drains its queue).
  server::PeerChannels* const peers_;
  LedgerKeys keys_;
  LedgerStore store_;
  std::unique_ptr<Sequencer> sequencer_;
  EntryJournal journal_;
};

}  // namespace fgc::ledger
