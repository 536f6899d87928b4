// The gRPC adapter of fgc.v1.SchedulingService: checks each request's shape and the caller's
// right to the object (an agency sees only the conferences it referred), runs the lifecycle's
// rules, asks the ledger where a move needs consent, and stores through ConferenceStore.
// Authentication, tenant and role checks ran before any handler (GuardedService).
#pragma once

#include <memory>
#include <string>

#include "common/server/guarded_service.h"
#include "common/server/peer_channels.h"
#include "fgc/v1/scheduling_service.pb.h"
#include "services/scheduling/conference_store.h"
#include "services/scheduling/lifecycle/timescale_config.h"

namespace fgc::scheduling {

class SchedulingService final : public server::GuardedService {
 public:
  // `pool`, `peers` and `kek` must outlive the service.
  SchedulingService(const server::RequestGuard* guard, db::Pool* pool, server::PeerChannels* peers,
                    std::unique_ptr<crypto::KeyEncryptionKey> kek, TimescaleConfig timescales);

 private:
  using Caller = server::Caller;
  void RegisterHandlers();

  absl::Status CreateConference(const Caller& caller, const v1::CreateConferenceRequest& req,
                                v1::CreateConferenceResponse& resp);
  absl::Status GetConference(const Caller& caller, const v1::GetConferenceRequest& req,
                             v1::GetConferenceResponse& resp);
  absl::Status ListConferences(const Caller& caller, const v1::ListConferencesRequest& req,
                               v1::ListConferencesResponse& resp);
  absl::Status UpdateConference(const Caller& caller, const v1::UpdateConferenceRequest& req,
                                v1::UpdateConferenceResponse& resp);
  absl::Status TransitionConference(const Caller& caller,
                                    const v1::TransitionConferenceRequest& req,
                                    v1::TransitionConferenceResponse& resp);
  absl::Status ListOverdue(const Caller& caller, const v1::ListOverdueRequest& req,
                           v1::ListOverdueResponse& resp);

  // The conference named `field` of the request, if the caller may see it: NOT_FOUND, or for
  // agency callers PERMISSION_DENIED (RESOURCE_NOT_PERMITTED) whether or not it exists.
  absl::StatusOr<VersionedConference> Load(const Caller& caller, const std::string& name,
                                           const char* field);
  // What the caller may read of a conference: auditors see no personal details; deadlines and
  // `overdue` as of now.
  v1::Conference AsSeenBy(const Caller& caller, v1::Conference conference) const;

  server::PeerChannels* const peers_;
  const std::unique_ptr<crypto::KeyEncryptionKey> kek_;
  const TimescaleConfig timescales_;
  ConferenceStore store_;
};

}  // namespace fgc::scheduling
