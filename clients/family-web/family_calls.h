// The family web's calls to the fgc services, each made with only the family member's
// invitation token (`x-fgc-invitation-token`), never a staff credential: what the token opens
// is all the page can show or change. Channels come from the host (in process in `fgc serve`,
// over the network in the split deployment).
#pragma once

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "absl/time/time.h"
#include "fgc/v1/invitation_service.grpc.pb.h"
#include "fgc/v1/ledger_service.grpc.pb.h"
#include "fgc/v1/plan_service.grpc.pb.h"
#include "fgc/v1/scheduling_service.grpc.pb.h"

namespace fgc::family_web {

// The channel to a service by its gRPC name ("fgc.v1.InvitationService"); null when it cannot
// be reached.
using ChannelFor = std::function<std::shared_ptr<grpc::Channel>(std::string_view service)>;

class FamilyCalls {
 public:
  FamilyCalls(ChannelFor channels, absl::Duration deadline)
      : channels_(std::move(channels)), deadline_(deadline) {}

  grpc::Status GetMyInvitation(const std::string& token, const std::string& language,
                               v1::GetMyInvitationResponse* out) const;
  grpc::Status RespondToInvitation(const std::string& token,
                                   const v1::RespondToInvitationRequest& request,
                                   v1::RespondToInvitationResponse* out) const;
  grpc::Status ListSlots(const std::string& token, v1::ListSlotsResponse* out) const;
  grpc::Status RecordAvailability(const std::string& token,
                                  const v1::RecordAvailabilityRequest& request,
                                  v1::RecordAvailabilityResponse* out) const;
  grpc::Status ExportCalendar(const std::string& token, v1::ExportCalendarResponse* out) const;
  grpc::Status GetMyPlan(const std::string& token, const std::string& language,
                         v1::GetMyPlanResponse* out) const;
  // Every page of the holder's record.
  grpc::Status GetMyRecord(const std::string& token, v1::GetMyRecordResponse* out) const;
  grpc::Status WithdrawConsent(const std::string& token, const v1::WithdrawConsentRequest& request,
                               v1::WithdrawConsentResponse* out) const;

 private:
  std::unique_ptr<grpc::ClientContext> Context(const std::string& token) const;
  std::shared_ptr<grpc::Channel> Channel(std::string_view service) const;

  ChannelFor channels_;
  absl::Duration deadline_;
};

}  // namespace fgc::family_web
