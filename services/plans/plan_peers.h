// What the plans service asks the other services, on its caller's behalf (their credentials,
// request id and deadline travel with each call): the network's members, consent to distribute
// the plan, the conference's stage and review that follow the referrer's decision, and the
// notices that carry a distributed plan. A peer's verdict on the request passes through in its
// own words; a peer that cannot be reached is UNAVAILABLE and the caller changes nothing.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/server/caller.h"
#include "common/server/peer_channels.h"
#include "fgc/v1/conference.pb.h"
#include "fgc/v1/invitation_service.pb.h"
#include "fgc/v1/network.pb.h"
#include "google/type/date.pb.h"

namespace fgc::plans {

// A request id for a call made as one step of the caller's request `request_id`, so a retry of
// that request repeats the step idempotently: the same for the same (request_id, step), at most
// 64 characters whatever the request_id's length.
std::string StepRequestId(const std::string& request_id, std::string_view step);

// The base of StepRequestIds for one try of a request: its request_id, else a random one (a
// retry then cannot finish what a failed try began, but one try never does anything twice).
absl::StatusOr<std::string> StepBase(const std::string& request_id);

// The member as InvitationService has them (GetNetworkMember). NOT_FOUND naming them when they
// are not in the network.
absl::StatusOr<v1::NetworkMember> MemberForCaller(server::PeerChannels& peers,
                                                  const server::Caller& caller,
                                                  const std::string& member);

// Every member of the conference's network, each with their live invitation and restriction
// (ListNetworkMembers, every page).
absl::StatusOr<std::vector<v1::NetworkMember>> NetworkForCaller(server::PeerChannels& peers,
                                                                const server::Caller& caller,
                                                                const std::string& conference);

// OK when consent to distribute the plan (CONSENT_PURPOSE_DISTRIBUTE_PLAN) stands, or a power
// record covers going without it, for every child of the conference now. FAILED_PRECONDITION
// (CONSENT_REQUIRED) naming each child without; UNAVAILABLE (LEDGER_UNAVAILABLE) when the ledger
// cannot say (fail closed).
absl::Status CheckDistributionConsent(server::PeerChannels& peers, const server::Caller& caller,
                                      const v1::Conference& conference);

// Moves the conference to `stage` (TransitionConference) with `reason`, under `request_id`.
absl::StatusOr<v1::Conference> MoveConference(server::PeerChannels& peers,
                                              const server::Caller& caller,
                                              const std::string& conference, v1::Stage stage,
                                              const std::string& reason,
                                              const std::string& request_id);

// Schedules the review of the agreed `plan_version` by `review_date` (ScheduleReview), under
// `request_id`.
absl::Status ScheduleReview(server::PeerChannels& peers, const server::Caller& caller,
                            const std::string& conference, const google::type::Date& review_date,
                            const std::string& plan_version, const std::string& request_id);

// Queues PLAN_DISTRIBUTED notices about `plan_version` to `members` and `staff`
// (SendNotification), under `request_id`.
absl::StatusOr<v1::SendNotificationResponse> NotifyPlanDistributed(
    server::PeerChannels& peers, const server::Caller& caller, const std::string& conference,
    const std::vector<std::string>& members, const std::vector<v1::StaffMember>& staff,
    const std::string& plan_version, const std::string& request_id);

}  // namespace fgc::plans
