// The gRPC adapter of fgc.v1.SchedulingService: checks each request's shape and the caller's
// right to the object (an agency sees only the conferences it referred), runs the lifecycle's
// rules, asks the ledger where a move needs consent, and stores through ConferenceStore.
// Authentication, tenant and role checks ran before any handler (GuardedService).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "common/server/guarded_service.h"
#include "common/server/peer_channels.h"
#include "fgc/v1/scheduling_service.pb.h"
#include "services/scheduling/booking_store.h"
#include "services/scheduling/calendar/calendar_export.h"
#include "services/scheduling/conference_store.h"
#include "services/scheduling/invitee_calendar.h"
#include "services/scheduling/lifecycle/timescale_config.h"
#include "services/scheduling/slot_store.h"
#include "services/scheduling/venue_store.h"

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
  // booking_methods.cc
  absl::Status BookConference(const Caller& caller, const v1::BookConferenceRequest& req,
                              v1::BookConferenceResponse& resp);
  absl::Status RescheduleConference(const Caller& caller,
                                    const v1::RescheduleConferenceRequest& req,
                                    v1::RescheduleConferenceResponse& resp);
  absl::Status CancelConference(const Caller& caller, const v1::CancelConferenceRequest& req,
                                v1::CancelConferenceResponse& resp);
  // The meeting a booking request of `conference` asks for, checked (times, venue that exists,
  // joining): the proposed `slot`'s times and venue with the request's joining details, or the
  // request's own times when `slot` is empty. NOT_FOUND for a slot the conference does not have.
  absl::StatusOr<v1::Booking> CheckMeeting(const Caller& caller, const std::string& conference,
                                           const std::string& slot, const v1::Booking& booking,
                                           absl::Time now);
  // Stores `changed` (read as `read`) with its bookings row; a clash is FAILED_PRECONDITION
  // VENUE_DOUBLE_BOOKED or COORDINATOR_DOUBLE_BOOKED naming the other conference.
  absl::StatusOr<VersionedConference> StoreBooking(const Caller& caller,
                                                   const VersionedConference& read,
                                                   const v1::Conference& changed,
                                                   const RequestKey& key, const BookingRow& row,
                                                   bool confirmed);
  // calendar_methods.cc
  absl::Status ExportCalendar(const Caller& caller, const v1::ExportCalendarRequest& req,
                              v1::ExportCalendarResponse& resp);
  absl::Status ScheduleReview(const Caller& caller, const v1::ScheduleReviewRequest& req,
                              v1::ScheduleReviewResponse& resp);
  // The calendar of the conference `name` (loaded with the caller's right to it): the
  // organiser's copy, or with `invitee` that invitee's.
  absl::Status RenderConferenceCalendar(const Caller& caller, const std::string& name,
                                        bool include_reviews, const InviteeCopy* invitee,
                                        v1::ExportCalendarResponse& resp);
  // One meeting as a calendar event, with its venue read.
  absl::StatusOr<calendar::CalendarEvent> EventOf(const Caller& caller, const v1::Booking& booking,
                                                  const std::string& summary);
  // slot_methods.cc
  absl::Status ProposeSlots(const Caller& caller, const v1::ProposeSlotsRequest& req,
                            v1::ProposeSlotsResponse& resp);
  absl::Status ListSlots(const Caller& caller, const v1::ListSlotsRequest& req,
                         v1::ListSlotsResponse& resp);
  absl::Status RecordAvailability(const Caller& caller, const v1::RecordAvailabilityRequest& req,
                                  v1::RecordAvailabilityResponse& resp);
  // Family callers (by token): their own conference's slots and their own answers, as the
  // token resolves through InvitationService.
  absl::Status FamilyListSlots(const Caller& caller, const v1::ListSlotsRequest& req,
                               v1::ListSlotsResponse& resp);
  absl::Status FamilyRecordAvailability(const Caller& caller,
                                        const v1::RecordAvailabilityRequest& req,
                                        v1::RecordAvailabilityResponse& resp);
  // The slots and answers of `req.parent()`; staff, or a family caller already resolved.
  absl::Status ListSlotsOf(const Caller& caller, const v1::ListSlotsRequest& req,
                           v1::ListSlotsResponse& resp);
  absl::Status RecordAvailabilityOf(const Caller& caller, const v1::RecordAvailabilityRequest& req,
                                    v1::RecordAvailabilityResponse& resp);
  absl::Status SuggestSlots(const Caller& caller, const v1::SuggestSlotsRequest& req,
                            v1::SuggestSlotsResponse& resp);
  // venue_methods.cc
  absl::Status CreateVenue(const Caller& caller, const v1::CreateVenueRequest& req,
                           v1::CreateVenueResponse& resp);
  absl::Status GetVenue(const Caller& caller, const v1::GetVenueRequest& req,
                        v1::GetVenueResponse& resp);
  absl::Status ListVenues(const Caller& caller, const v1::ListVenuesRequest& req,
                          v1::ListVenuesResponse& resp);

  // The conference named `field` of the request, if the caller may see it: NOT_FOUND, or for
  // agency callers PERMISSION_DENIED (RESOURCE_NOT_PERMITTED) whether or not it exists.
  absl::StatusOr<VersionedConference> Load(const Caller& caller, const std::string& name,
                                           const char* field);
  // Every change to an existing conference: the request's AIP-155 key (a replay returns the
  // conference as it stands), the conference loaded with the caller's right to it, the etag
  // when sent, then `change` (which stores, with the key), and the result as the caller sees it.
  using ChangeFn = std::function<absl::StatusOr<VersionedConference>(
      const VersionedConference& read, const RequestKey& key, absl::Time now)>;
  absl::StatusOr<v1::Conference> ChangeConference(const Caller& caller, const std::string& name,
                                                  const char* name_field, const std::string& etag,
                                                  const char* method,
                                                  const google::protobuf::Message& request,
                                                  const ChangeFn& change);
  // What the caller may read of a conference: auditors see no personal details; deadlines and
  // `overdue` as of now.
  v1::Conference AsSeenBy(const Caller& caller, v1::Conference conference) const;

  server::PeerChannels* const peers_;
  const std::unique_ptr<crypto::KeyEncryptionKey> kek_;
  const TimescaleConfig timescales_;
  db::Pool* const pool_;
  ConferenceStore store_;
  VenueStore venues_;
  SlotStore slots_;
};

}  // namespace fgc::scheduling
