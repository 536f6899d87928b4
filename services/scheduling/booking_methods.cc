// SchedulingService.BookConference, RescheduleConference and CancelConference: the conference's
// stage and booking change in one transaction with its row in `bookings`, whose exclusion
// constraints refuse a venue or a coordinator booked twice at once, whatever the races.
#include <optional>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/crypto/encoding.h"
#include "common/crypto/random.h"
#include "common/db/sql_error.h"
#include "common/server/actor.h"
#include "common/server/request_hash.h"
#include "services/scheduling/booking_request.h"
#include "services/scheduling/booking_store.h"
#include "services/scheduling/lifecycle/booking_moves.h"
#include "services/scheduling/lifecycle/conference_time.h"
#include "services/scheduling/network_notice.h"
#include "services/scheduling/scheduling_service.h"

namespace fgc::scheduling {
namespace {

using server::Caller;

std::string IdOf(const std::string& name) { return name.substr(name.rfind('/') + 1); }

// Slots are read a page at a time when a booking names one.
constexpr int kSlotPage = 500;

absl::Status CheckReason(const std::string& reason) {
  if (reason.empty() || reason.size() > 2000) {
    return FieldError("reason", "is required: 1-2,000 characters, as the invitees will be told");
  }
  return absl::OkStatus();
}

}  // namespace

BookingRow RowOf(const v1::Booking& b, const v1::Conference& conference) {
  return {b.calendar_uid(),
          IdOf(conference.name()),
          b.venue().empty() ? "" : IdOf(b.venue()),
          conference.coordinator().subject(),
          ToAbslTime(b.start_time()),
          ToAbslTime(b.end_time())};
}

namespace {

// The booking's new meeting from the request: times, venue and remote joining.
void SetMeeting(const v1::Booking& requested, absl::Time now, v1::Booking* booking) {
  *booking->mutable_start_time() = requested.start_time();
  *booking->mutable_end_time() = requested.end_time();
  booking->set_venue(requested.venue());
  booking->set_slot(requested.slot());
  *booking->mutable_remote_join() = requested.remote_join();
  booking->set_state(v1::BOOKING_STATE_CONFIRMED);
  *booking->mutable_update_time() = ToTimestamp(now);
}

}  // namespace

absl::StatusOr<v1::Booking> SchedulingService::CheckMeeting(const Caller& caller,
                                                            const std::string& conference,
                                                            const std::string& slot,
                                                            const v1::Booking& requested,
                                                            absl::Time now) {
  v1::Booking booking = requested;
  if (!slot.empty()) {
    if (!absl::StartsWith(slot, conference + "/slots/")) {
      return FieldError("slot", "must be a slot of this conference");
    }
    std::optional<v1::Slot> found;
    std::string after;
    while (!found) {
      auto page = slots_.List(caller.tenant, IdOf(conference), after, kSlotPage, false);
      if (!page.ok()) return page.status();
      for (const v1::Slot& s : page->slots) {
        if (s.name() == slot) found = s;
      }
      if (static_cast<int>(page->slots.size()) < kSlotPage) break;
      after = page->cursors.back();
    }
    if (!found) return NotFound("fgc.v1.Slot", slot);
    // The slot's times and venue; the request may add how to join remotely.
    *booking.mutable_start_time() = found->start_time();
    *booking.mutable_end_time() = found->end_time();
    booking.set_venue(found->venue());
    booking.set_slot(slot);
  }
  if (absl::Status s = ValidateBooking(booking, caller.tenant, now, "booking"); !s.ok()) return s;
  if (!booking.venue().empty()) {
    auto venue = venues_.Get(caller.tenant, VenueId(booking.venue(), caller.tenant));
    if (!venue.ok()) return venue.status();
  }
  return booking;
}

absl::StatusOr<VersionedConference> SchedulingService::StoreBooking(
    const Caller& caller, const VersionedConference& read, const v1::Conference& changed,
    const RequestKey& key, const BookingRow& row, bool confirmed) {
  auto stored = store_.Replace(caller.tenant, read.version, changed, key,
                               [&](pqxx::work& tx) -> absl::Status {
                                 if (confirmed) {
                                   PutBooking(tx, caller.tenant, row);
                                 } else {
                                   CancelBooking(tx, caller.tenant, row.calendar_uid);
                                 }
                                 return absl::OkStatus();
                               });
  const std::string constraint = db::ConstraintOf(stored.status());
  if (stored.ok() || constraint.empty()) return stored;
  // Refused by an exclusion constraint: say which, and whose booking holds the time.
  const bool venue = constraint == "venue_not_double_booked";
  auto other = ClashingConference(*pool_, caller.tenant, constraint, row);
  const std::string other_name =
      other.ok() && other->has_value()
          ? absl::StrCat("tenants/", caller.tenant, "/conferences/", **other)
          : "another conference";
  ErrorDetails details;
  details.reason = venue ? "VENUE_DOUBLE_BOOKED" : "COORDINATOR_DOUBLE_BOOKED";
  details.metadata["conflict"] = other_name;
  details.precondition_violations.push_back(
      {details.reason,
       venue ? absl::StrCat("tenants/", caller.tenant, "/venues/", row.venue_id)
             : row.coordinator_subject,
       absl::StrCat("already booked for ", other_name, " at an overlapping time")});
  return WithDetails(
      absl::FailedPreconditionError(absl::StrCat(venue ? "the venue" : "the coordinator",
                                                 " is already booked then, for ", other_name)),
      details);
}

absl::Status SchedulingService::BookConference(const Caller& caller,
                                               const v1::BookConferenceRequest& req,
                                               v1::BookConferenceResponse& resp) {
  auto changed = ChangeConference(
      caller, req.name(), "name", req.etag(), "BookConference", req,
      [&](const VersionedConference& read, const RequestKey& key,
          absl::Time now) -> absl::StatusOr<VersionedConference> {
        auto meeting = CheckMeeting(caller, req.name(), req.slot(), req.booking(), now);
        if (!meeting.ok()) return meeting.status();
        auto booked = ApplyBooked(read.conference, {server::ActorOf(caller), now}, timescales_);
        if (!booked.ok()) return booked.status();
        v1::Booking* booking = booked->mutable_booking();
        booking->Clear();
        SetMeeting(*meeting, now, booking);
        auto uid = crypto::RandomBytes(16);
        if (!uid.ok()) return uid.status();
        // Stable across reschedules (RFC 5545 UID); SEQUENCE counts the changes.
        booking->set_calendar_uid(absl::StrCat(crypto::HexEncode(*uid), "@", IdOf(req.name())));
        booking->set_sequence(0);
        return StoreBooking(caller, read, *booked, key, RowOf(booked->booking(), *booked), true);
      });
  if (!changed.ok()) return changed.status();
  *resp.mutable_conference() = *std::move(changed);
  return TellNetwork(*peers_, caller, resp.conference(), v1::NOTIFICATION_KIND_CONFERENCE_BOOKED);
}

absl::Status SchedulingService::RescheduleConference(const Caller& caller,
                                                     const v1::RescheduleConferenceRequest& req,
                                                     v1::RescheduleConferenceResponse& resp) {
  if (absl::Status s = CheckReason(req.reason()); !s.ok()) return s;
  auto changed = ChangeConference(
      caller, req.name(), "name", req.etag(), "RescheduleConference", req,
      [&](const VersionedConference& read, const RequestKey& key,
          absl::Time now) -> absl::StatusOr<VersionedConference> {
        if (read.conference.stage() != v1::STAGE_BOOKED) {
          return FailedPrecondition("NOT_BOOKED", "only a booked conference can be rescheduled",
                                    {{"NOT_BOOKED", req.name(), "book it first"}});
        }
        auto meeting = CheckMeeting(caller, req.name(), req.slot(), req.booking(), now);
        if (!meeting.ok()) return meeting.status();
        v1::Conference moved = read.conference;
        v1::Booking* booking = moved.mutable_booking();
        SetMeeting(*meeting, now, booking);
        booking->set_sequence(booking->sequence() + 1);
        booking->set_change_reason(req.reason());
        *moved.mutable_update_time() = ToTimestamp(now);
        return StoreBooking(caller, read, moved, key, RowOf(moved.booking(), moved), true);
      });
  if (!changed.ok()) return changed.status();
  *resp.mutable_conference() = *std::move(changed);
  return TellNetwork(*peers_, caller, resp.conference(),
                     v1::NOTIFICATION_KIND_CONFERENCE_RESCHEDULED);
}

absl::Status SchedulingService::CancelConference(const Caller& caller,
                                                 const v1::CancelConferenceRequest& req,
                                                 v1::CancelConferenceResponse& resp) {
  if (absl::Status s = CheckReason(req.reason()); !s.ok()) return s;
  auto changed = ChangeConference(
      caller, req.name(), "name", req.etag(), "CancelConference", req,
      [&](const VersionedConference& read, const RequestKey& key,
          absl::Time now) -> absl::StatusOr<VersionedConference> {
        auto cancelled = ApplyBookingCancelled(read.conference, req.reason(),
                                               {server::ActorOf(caller), now}, timescales_);
        if (!cancelled.ok()) return cancelled.status();
        v1::Booking* booking = cancelled->mutable_booking();
        booking->set_state(v1::BOOKING_STATE_CANCELLED);
        booking->set_sequence(booking->sequence() + 1);
        booking->set_change_reason(req.reason());
        *booking->mutable_update_time() = ToTimestamp(now);
        return StoreBooking(caller, read, *cancelled, key, RowOf(cancelled->booking(), *cancelled),
                            false);
      });
  if (!changed.ok()) return changed.status();
  *resp.mutable_conference() = *std::move(changed);
  return TellNetwork(*peers_, caller, resp.conference(),
                     v1::NOTIFICATION_KIND_CONFERENCE_CANCELLED);
}

}  // namespace fgc::scheduling
