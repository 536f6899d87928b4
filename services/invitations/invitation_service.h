// The gRPC adapter of fgc.v1.InvitationService: the family network, invitations and their
// one-time links, the family's own methods by token, restrictions and notifications.
// Authentication, tenant and role checks ran before any handler (GuardedService); for staff the
// conference itself is checked by asking SchedulingService on the caller's behalf, and a family
// token is resolved here, against the links this service issued.
#pragma once

#include <map>
#include <memory>
#include <vector>

#include "common/server/guarded_service.h"
#include "common/server/peer_channels.h"
#include "fgc/v1/invitation_service.pb.h"
#include "fgc/v1/ledger_entry.pb.h"
#include "services/invitations/invitation_rules.h"
#include "services/invitations/invitation_store.h"
#include "services/invitations/member_store.h"
#include "services/invitations/outbox/notification_queue.h"
#include "services/invitations/outbox/notification_text.h"
#include "services/invitations/outbox/outbox_worker.h"
#include "services/invitations/reminder_job.h"
#include "services/invitations/reminder_link.h"
#include "services/invitations/tokens/invitation_link.h"

namespace fgc::invitations {

// The outbox's account of an invitation's newest message, in the rules' terms.
DeliveryReport ReportOf(const outbox::InvitationDelivery& delivery);

class InvitationService final : public server::GuardedService {
 public:
  InvitationService(const server::RequestGuard* guard, db::Pool* pool, server::PeerChannels* peers,
                    std::unique_ptr<crypto::KeyEncryptionKey> kek, InvitationLinks links,
                    std::unique_ptr<outbox::OutboxWorker> worker,
                    std::unique_ptr<ReminderJob> reminders);
  // Stops the reminder job and the outbox worker before anything they use goes.
  ~InvitationService() override;

  // What a message about `conference` to `member` may say, in `language` (with the venue from
  // the family's view of it, when given).
  static outbox::NotificationContext MessageContext(const v1::Conference& conference,
                                                    const v1::GetMyInvitationResponse* view,
                                                    const v1::NetworkMember& member,
                                                    v1::NotificationKind kind,
                                                    const std::string& language);

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

  absl::Status SendInvitation(const Caller& caller, const v1::SendInvitationRequest& req,
                              v1::SendInvitationResponse& resp);
  absl::Status GetInvitation(const Caller& caller, const v1::GetInvitationRequest& req,
                             v1::GetInvitationResponse& resp);
  absl::Status ResendInvitation(const Caller& caller, const v1::ResendInvitationRequest& req,
                                v1::ResendInvitationResponse& resp);
  absl::Status RevokeInvitation(const Caller& caller, const v1::RevokeInvitationRequest& req,
                                v1::RevokeInvitationResponse& resp);
  absl::Status ListInvitations(const Caller& caller, const v1::ListInvitationsRequest& req,
                               v1::ListInvitationsResponse& resp);
  absl::Status RestrictParticipation(const Caller& caller,
                                     const v1::RestrictParticipationRequest& req,
                                     v1::RestrictParticipationResponse& resp);
  absl::Status RenderNetworkMap(const Caller& caller, const v1::RenderNetworkMapRequest& req,
                                v1::RenderNetworkMapResponse& resp);
  absl::Status SendNotification(const Caller& caller, const v1::SendNotificationRequest& req,
                                v1::SendNotificationResponse& resp);
  absl::Status GetMyInvitation(const Caller& caller, const v1::GetMyInvitationRequest& req,
                               v1::GetMyInvitationResponse& resp);
  absl::Status RespondToInvitation(const Caller& caller, const v1::RespondToInvitationRequest& req,
                                   v1::RespondToInvitationResponse& resp);

  // The member named `name` (field `field`), once scheduling confirms the caller may see its
  // conference.
  absl::StatusOr<VersionedMember> Load(const Caller& caller, const std::string& name,
                                       const char* field);

  // The invitation named `name` (field `field`) and its conference, once scheduling confirms
  // the caller may see it.
  absl::StatusOr<VersionedInvitation> LoadInvitation(const Caller& caller, const std::string& name,
                                                     const char* field,
                                                     v1::Conference* conference = nullptr);
  // Copies what the family's pages show of `conference` (and its venue) for token holders,
  // who cannot read scheduling themselves.
  absl::Status RefreshFamilyView(const Caller& caller, const v1::Conference& conference);
  // The invitation as its reader sees it (tokens/invitation_rules.h WithStanding).
  absl::StatusOr<v1::Invitation> Standing(const std::string& tenant,
                                          const VersionedInvitation& stored);
  // A new link for `invitation` at `now`, derived (reminder_link.h) from the request_id when
  // there is one (so a retry gets the same link), else from a fresh random nonce; either way its
  // seed is kept sealed with the invitation, so a reminder can carry it.
  absl::StatusOr<DerivedLink> NewLink(const std::string& tenant, const std::string& conference,
                                      const std::string& invitation, int resend_count,
                                      const db::RequestKey& key, absl::Time now,
                                      absl::Time expire_time);

  // The message inviting `member` with `token`, to queue in the invitation's transaction (after
  // superseding what an earlier link's message still waits to say); nothing more for BY_HAND.
  AlsoInTransaction QueueInvitationMessage(const std::string& tenant,
                                           const v1::Conference& conference,
                                           const v1::NetworkMember& member,
                                           const v1::Invitation& invitation, const Route& route,
                                           const std::string& token);
  // Stops the invitation's queued messages (its link stopped working).
  static AlsoInTransaction SupersedeQueuedMessages(const std::string& tenant,
                                                   const std::string& invitation);
  // The message `context` renders to, addressed along `route`, ready for the outbox.
  static absl::StatusOr<outbox::QueuedMessage> Rendered(const std::string& tenant,
                                                        const std::string& conference,
                                                        const v1::NetworkMember& member,
                                                        const Route& route,
                                                        const outbox::NotificationContext& context);
  // Every invitation of the conference as its reader sees it, oldest first.
  absl::StatusOr<std::vector<v1::Invitation>> StandingsOf(const std::string& tenant,
                                                          const std::string& conference);
  // The conference's invitations that are not revoked, by member.
  absl::StatusOr<std::map<std::string, v1::Invitation>> LiveInvitations(
      const std::string& tenant, const std::string& conference);
  // How the invitation's newest message fared in the outbox, if it went through it.
  absl::StatusOr<std::optional<DeliveryReport>> LatestDelivery(const std::string& tenant,
                                                               const std::string& invitation);

  db::Pool* const pool_;
  server::PeerChannels* const peers_;
  const std::unique_ptr<crypto::KeyEncryptionKey> kek_;
  const InvitationLinks links_;
  MemberStore members_;
  InvitationStore invitations_;
  // Delivers what the methods queue; declared last so it is stopped first. Woken after each
  // commit that queued a message, so messages leave at once rather than at the next poll.
  const std::unique_ptr<outbox::OutboxWorker> worker_;
  // Queues reminders before the availability deadline (waking worker_); declared after it so it
  // is stopped before it.
  const std::unique_ptr<ReminderJob> reminders_;
};

}  // namespace fgc::invitations
