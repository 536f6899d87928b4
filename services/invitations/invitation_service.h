// The gRPC adapter of fgc.v1.InvitationService. This release serves the family network
// (AddNetworkMember, GetNetworkMember, UpdateNetworkMember, ListNetworkMembers,
// RemoveNetworkMember); the other methods answer UNIMPLEMENTED after the caller is checked.
// Authentication, tenant and role checks ran before any handler (GuardedService); the
// conference itself is checked by asking SchedulingService on the caller's behalf.
#pragma once

#include <memory>

#include "common/server/guarded_service.h"
#include "common/server/peer_channels.h"
#include "fgc/v1/invitation_service.pb.h"
#include "services/invitations/member_store.h"

namespace fgc::invitations {

class InvitationService final : public server::GuardedService {
 public:
  InvitationService(const server::RequestGuard* guard, db::Pool* pool, server::PeerChannels* peers,
                    std::unique_ptr<crypto::KeyEncryptionKey> kek);

 private:
  using Caller = server::Caller;
  void RegisterHandlers();

  absl::Status AddNetworkMember(const Caller& caller, const v1::AddNetworkMemberRequest& req,
                                v1::AddNetworkMemberResponse& resp);
  absl::Status GetNetworkMember(const Caller& caller, const v1::GetNetworkMemberRequest& req,
                                v1::GetNetworkMemberResponse& resp);
  absl::Status UpdateNetworkMember(const Caller& caller, const v1::UpdateNetworkMemberRequest& req,
                                   v1::UpdateNetworkMemberResponse& resp);
  absl::Status ListNetworkMembers(const Caller& caller, const v1::ListNetworkMembersRequest& req,
                                  v1::ListNetworkMembersResponse& resp);
  absl::Status RemoveNetworkMember(const Caller& caller, const v1::RemoveNetworkMemberRequest& req,
                                   v1::RemoveNetworkMemberResponse& resp);

  // The member named `name` (field `field`), once scheduling confirms the caller may see its
  // conference.
  absl::StatusOr<VersionedMember> Load(const Caller& caller, const std::string& name,
                                       const char* field);

  server::PeerChannels* const peers_;
  const std::unique_ptr<crypto::KeyEncryptionKey> kek_;
  MemberStore members_;
};

}  // namespace fgc::invitations
