// SchedulingService.ExportCalendar and ScheduleReview: the booked meeting as an RFC 5545
// calendar, and the review that follows an agreed plan (with its own meeting, if booked).
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/crypto/encoding.h"
#include "common/crypto/random.h"
#include "common/server/actor.h"
#include "common/server/family_invitation.h"
#include "services/scheduling/booking_request.h"
#include "services/scheduling/calendar/calendar_export.h"
#include "services/scheduling/invitee_calendar.h"
#include "services/scheduling/lifecycle/booking_moves.h"
#include "services/scheduling/lifecycle/conference_time.h"
#include "services/scheduling/lifecycle/timescales.h"
#include "services/scheduling/network_client.h"
#include "services/scheduling/network_notice.h"
#include "services/scheduling/scheduling_service.h"

namespace fgc::scheduling {
namespace {

using calendar::Attendance;
using calendar::CalendarEvent;
using calendar::CalendarExport;
using calendar::CalendarMethod;
using calendar::CalendarParty;

std::string IdOf(const std::string& name) { return name.substr(name.rfind('/') + 1); }

// The organiser is the coordinator; without an address of theirs, a clearly invalid one
// (RFC 2606's .invalid) rather than a made-up real one.
CalendarParty Organizer(const v1::Conference& conference, const std::string& tenant) {
  const v1::StaffMember& coordinator = conference.coordinator();
  return {coordinator.display_name(), coordinator.email().empty()
                                          ? absl::StrCat(tenant, "-fgc-coordinator@fgc.invalid")
                                          : coordinator.email()};
}

}  // namespace

absl::StatusOr<calendar::CalendarEvent> SchedulingService::EventOf(const Caller& caller,
                                                                   const v1::Booking& booking,
                                                                   const std::string& summary) {
  CalendarEvent event;
  event.uid = booking.calendar_uid();
  event.sequence = booking.sequence();
  event.start = ToAbslTime(booking.start_time());
  event.end = ToAbslTime(booking.end_time());
  event.summary = summary;
  event.description = booking.change_reason();
  if (!booking.venue().empty()) {
    auto venue = venues_.Get(caller.tenant, VenueId(booking.venue(), caller.tenant));
    if (!venue.ok()) return venue.status();
    event.venue = *std::move(venue);
  }
  if (booking.has_remote_join()) event.remote_join = booking.remote_join();
  return event;
}

absl::Status SchedulingService::ExportCalendar(const Caller& caller,
                                               const v1::ExportCalendarRequest& req,
                                               v1::ExportCalendarResponse& resp) {
  if (caller.kind == Caller::Kind::kFamily) {
    // The invitee's own copy: their answer and address come with their invitation.
    auto family = server::ResolveFamilyInvitation(*peers_, caller);
    if (!family.ok()) return family.status();
    auto name = server::OwnNameOr(req.name(), family->conference, "conference");
    if (!name.ok()) return name.status();
    if (absl::Status s = CheckAttends(family->opened.member()); !s.ok()) return s;
    const InviteeCopy invitee = InviteeCopyOf(family->opened.member(), family->opened.invitation());
    return RenderConferenceCalendar(family->ResolvedCaller(caller), *name, req.include_reviews(),
                                    &invitee, resp);
  }
  if (req.member().empty()) {
    return RenderConferenceCalendar(caller, req.name(), req.include_reviews(), nullptr, resp);
  }
  // Staff see the copy this invitee receives (what GetMyInvitation's holder would export).
  if (req.member().rfind(req.name() + "/members/", 0) != 0) {
    return FieldError("member", "must be a member of the conference in name");
  }
  auto invitee = InviteeOf(*peers_, caller, req.name(), req.member());
  if (!invitee.ok()) return invitee.status();
  if (absl::Status s = CheckAttends(invitee->first); !s.ok()) return s;
  const InviteeCopy copy = InviteeCopyOf(invitee->first, invitee->second);
  return RenderConferenceCalendar(caller, req.name(), req.include_reviews(), &copy, resp);
}

absl::Status SchedulingService::RenderConferenceCalendar(const Caller& caller,
                                                         const std::string& name,
                                                         bool include_reviews,
                                                         const InviteeCopy* invitee,
                                                         v1::ExportCalendarResponse& resp) {
  auto loaded = Load(caller, name, "name");
  if (!loaded.ok()) return loaded.status();
  const v1::Conference& conference = loaded->conference;
  if (!conference.has_booking()) {
    return FailedPrecondition("NOT_BOOKED", "the conference has no booked meeting yet",
                              {{"NOT_BOOKED", name, "book it first"}});
  }
  CalendarExport calendar;
  const bool cancelled = conference.booking().state() == v1::BOOKING_STATE_CANCELLED;
  calendar.method = cancelled ? CalendarMethod::kCancel : CalendarMethod::kRequest;
  calendar.time_zone = conference.time_zone();
  calendar.dtstamp = absl::Now();
  calendar.organizer = Organizer(conference, caller.tenant);
  calendar.attendance = invitee ? invitee->attendance : Attendance::kStaff;
  if (invitee) calendar.attendees.push_back(invitee->attendee);
  auto event = EventOf(caller, conference.booking(), "Family Group Conference");
  if (!event.ok()) return event.status();
  calendar.events.push_back(*std::move(event));
  if (include_reviews) {
    for (const v1::Review& review : conference.reviews()) {
      if (!review.has_booking() || review.booking().state() != conference.booking().state()) {
        continue;  // one method per calendar: reviews in another state go in another export
      }
      auto review_event = EventOf(caller, review.booking(), "Family Group Conference review");
      if (!review_event.ok()) return review_event.status();
      calendar.events.push_back(*std::move(review_event));
    }
  }
  if (invitee && !invitee->with_remote_join) {
    for (CalendarEvent& e : calendar.events) e.remote_join.reset();
  }
  auto text = calendar::RenderCalendar(calendar);
  if (!text.ok()) return text.status();
  resp.set_calendar(*std::move(text));
  resp.set_content_type(calendar::CalendarContentType(calendar.method));
  resp.set_file_name("family-group-conference.ics");
  return absl::OkStatus();
}

absl::Status SchedulingService::ScheduleReview(const Caller& caller,
                                               const v1::ScheduleReviewRequest& req,
                                               v1::ScheduleReviewResponse& resp) {
  v1::Review review;
  auto changed = ChangeConference(
      caller, req.name(), "name", req.etag(), "ScheduleReview", req,
      [&](const VersionedConference& read, const RequestKey& key,
          absl::Time now) -> absl::StatusOr<VersionedConference> {
        if (absl::Status s = CheckReviewSchedulable(read.conference); !s.ok()) return s;
        // The referring agency sets the review date as it agrees the plan; booking a meeting is
        // the FGC service's.
        if (req.has_booking() && (caller.role == "referrer" || caller.role == "agency_system")) {
          return PermissionDenied("ROLE_NOT_ALLOWED",
                                  "the referring agency schedules a review without booking it");
        }
        const auto day = ToCivilDay(req.review_date());
        const absl::TimeZone zone = ConferenceZone(read.conference.time_zone());
        if (!day || *day <= absl::ToCivilDay(now, zone)) {
          return FieldError("review_date",
                            "must be a real date after today, in the conference's "
                            "time zone");
        }
        if (!req.plan_version().empty() &&
            !absl::StartsWith(req.plan_version(), req.name() + "/plans/")) {
          return FieldError("plan_version", "must be a plan version of this conference");
        }
        auto id = crypto::RandomBytes(6);
        if (!id.ok()) return id.status();
        review.set_name(absl::StrCat(req.name(), "/reviews/r-", crypto::HexEncode(*id)));
        *review.mutable_review_date() = req.review_date();
        review.set_plan_version(req.plan_version());
        *review.mutable_create_time() = ToTimestamp(now);
        v1::Conference updated = read.conference;
        if (!req.has_booking()) {
          *updated.add_reviews() = review;
          *updated.mutable_update_time() = ToTimestamp(now);
          RefreshTimescales(timescales_, now, &updated);
          return store_.Replace(caller.tenant, read.version, updated, key);
        }
        auto meeting = CheckMeeting(caller, req.name(), "", req.booking(), now);
        if (!meeting.ok()) return meeting.status();
        v1::Booking* booking = review.mutable_booking();
        *booking = req.booking();
        booking->set_state(v1::BOOKING_STATE_CONFIRMED);
        booking->set_calendar_uid(
            absl::StrCat(crypto::HexEncode(*id), "-review@", IdOf(req.name())));
        booking->set_sequence(0);
        *booking->mutable_update_time() = ToTimestamp(now);
        *updated.add_reviews() = review;
        *updated.mutable_update_time() = ToTimestamp(now);
        RefreshTimescales(timescales_, now, &updated);
        return StoreBooking(caller, read, updated, key, RowOf(*booking, updated), true);
      });
  if (!changed.ok()) return changed.status();
  // The review this call made; on a replay, the latest.
  for (const v1::Review& r : changed->reviews()) {
    if (review.name().empty() || r.name() == review.name()) *resp.mutable_review() = r;
  }
  *resp.mutable_conference() = *std::move(changed);
  // The family hears of a review once it has a meeting to come to.
  if (!resp.review().has_booking()) return absl::OkStatus();
  return TellNetwork(*peers_, caller, resp.conference(), v1::NOTIFICATION_KIND_REVIEW_SCHEDULED,
                     resp.review().name());
}

}  // namespace fgc::scheduling
