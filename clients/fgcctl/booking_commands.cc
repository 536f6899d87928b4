#include "clients/fgcctl/booking_commands.h"

#include "absl/strings/str_cat.h"
#include "clients/fgcctl/call_runner.h"
#include "clients/fgcctl/conference_text.h"
#include "clients/fgcctl/journey_arguments.h"
#include "clients/fgcctl/scheduling_text.h"
#include "fgc/v1/scheduling_service.grpc.pb.h"

namespace fgc::ctl {
namespace {

using Scheduling = v1::SchedulingService::Stub;

template <typename Response>
std::string Booked(const char* what, const Response& r) {
  return absl::StrCat(what, " ", DescribeConference(r.conference()),
                      DescribeBooking(r.conference().booking()));
}

// The conference's name, the slot's and the meeting, for book and reschedule.
template <typename Request>
absl::Status FillBooking(const BookingOptions& options, Request* request) {
  auto name = ConferenceNameArgument(options.tenant, options.conference);
  if (!name.ok()) return name.status();
  request->set_name(*name);
  if (!options.slot.empty()) {
    auto slot = InConferenceArgument("", *name, "slots", options.slot);
    if (!slot.ok()) return slot.status();
    request->set_slot(*slot);
  }
  if (MeetingGiven(options.meeting)) {
    auto booking = BookingFromFlags(options.meeting, TenantOf(*name));
    if (!booking.ok()) return booking.status();
    *request->mutable_booking() = *std::move(booking);
  }
  if (options.slot.empty() && options.meeting.when.empty()) {
    return absl::InvalidArgumentError("give --slot, or the times with --at START/END");
  }
  request->set_etag(options.etag);
  return absl::OkStatus();
}

}  // namespace

int RunBook(const Connection& connection, const BookingOptions& options, bool json) {
  v1::BookConferenceRequest request;
  if (absl::Status s = FillBooking(options, &request); !s.ok()) return ReportUnusableInput(s, json);
  return RunWrite(connection, &Scheduling::BookConference, request, options.request_id, json,
                  [](const v1::BookConferenceResponse& r) { return Booked("booked", r); });
}

int RunReschedule(const Connection& connection, const BookingOptions& options, bool json) {
  v1::RescheduleConferenceRequest request;
  if (absl::Status s = FillBooking(options, &request); !s.ok()) return ReportUnusableInput(s, json);
  request.set_reason(options.reason);
  return RunWrite(connection, &Scheduling::RescheduleConference, request, options.request_id, json,
                  [](const v1::RescheduleConferenceResponse& r) { return Booked("moved", r); });
}

int RunCancel(const Connection& connection, const BookingOptions& options, bool json) {
  auto name = ConferenceNameArgument(options.tenant, options.conference);
  if (!name.ok()) return ReportUnusableInput(name.status(), json);
  v1::CancelConferenceRequest request;
  request.set_name(*name);
  request.set_reason(options.reason);
  request.set_etag(options.etag);
  return RunWrite(connection, &Scheduling::CancelConference, request, options.request_id, json,
                  [](const v1::CancelConferenceResponse& r) { return Booked("cancelled", r); });
}

int RunScheduleReview(const Connection& connection, const ReviewOptions& options, bool json) {
  auto name = ConferenceNameArgument(options.tenant, options.conference);
  if (!name.ok()) return ReportUnusableInput(name.status(), json);
  auto date = ParseDate(options.by);
  if (!date.ok()) return ReportUnusableInput(date.status(), json);
  v1::ScheduleReviewRequest request;
  request.set_name(*name);
  *request.mutable_review_date() = *date;
  request.set_plan_version(options.plan_version);
  if (MeetingGiven(options.meeting)) {
    auto booking = BookingFromFlags(options.meeting, TenantOf(*name));
    if (!booking.ok()) return ReportUnusableInput(booking.status(), json);
    *request.mutable_booking() = *std::move(booking);
  }
  request.set_etag(options.etag);
  return RunWrite(connection, &Scheduling::ScheduleReview, request, options.request_id, json,
                  [](const v1::ScheduleReviewResponse& r) {
                    return "scheduled " + DescribeReview(r.review());
                  });
}

int RunExportCalendar(const Connection& connection, const CalendarOptions& options, bool json) {
  v1::ExportCalendarRequest request;
  if (!options.conference.empty()) {
    auto name = ConferenceNameArgument(options.tenant, options.conference);
    if (!name.ok()) return ReportUnusableInput(name.status(), json);
    request.set_name(*name);
  }
  if (!options.member.empty()) {
    auto member = InConferenceArgument("", request.name(), "members", options.member);
    if (!member.ok()) return ReportUnusableInput(member.status(), json);
    request.set_member(*member);
  }
  request.set_include_reviews(options.reviews);
  v1::ExportCalendarResponse response;
  grpc::Status status = Invoke(connection, &Scheduling::ExportCalendar, request, &response);
  if (!status.ok()) return ReportFailure(status, json);
  return PrintDocument(response, response.calendar(), "calendar", options.out,
                       response.content_type(), json);
}

}  // namespace fgc::ctl
