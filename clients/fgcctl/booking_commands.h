// `fgcctl booking book | reschedule | cancel`, `fgcctl review schedule` and `fgcctl calendar
// export`: booking the meeting (a venue or a coordinator is never booked twice at once),
// moving or cancelling it, scheduling the plan's review, and the RFC 5545 calendar of it. Each
// Run function prints human text (or, with `json`, the response as protobuf JSON) and returns
// the exit code: 0 on success; 64 + the gRPC code when the call fails (details on stderr); 1
// when a file cannot be written; 2 for unusable input.
#pragma once

#include <string>

#include "clients/fgcctl/connection.h"
#include "clients/fgcctl/scheduling_requests.h"

namespace fgc::ctl {

struct BookingOptions {
  std::string tenant;
  std::string conference;
  std::string slot;  // a proposed slot (name or id); empty: the times in `meeting`
  MeetingFlags meeting;
  std::string reason;  // reschedule and cancel: as the invitees will be told
  std::string etag;
  std::string request_id;
};

struct ReviewOptions {
  std::string tenant;
  std::string conference;
  std::string by;            // the review date, YYYY-MM-DD
  std::string plan_version;  // the agreed plan version under review
  MeetingFlags meeting;      // the review conference to book now, if any
  std::string etag;
  std::string request_id;
};

struct CalendarOptions {
  std::string tenant;
  std::string conference;  // empty with an invitation token: the token's own
  std::string member;      // staff: as this invitee would receive it (name or id)
  bool reviews = false;
  std::string out;  // the .ics file; empty or "-": stdout
};

int RunBook(const Connection& connection, const BookingOptions& options, bool json);
int RunReschedule(const Connection& connection, const BookingOptions& options, bool json);
int RunCancel(const Connection& connection, const BookingOptions& options, bool json);
int RunScheduleReview(const Connection& connection, const ReviewOptions& options, bool json);
int RunExportCalendar(const Connection& connection, const CalendarOptions& options, bool json);

}  // namespace fgc::ctl
