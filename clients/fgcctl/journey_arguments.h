// How fgcctl reads what a coordinator or a family member types for the journey's commands:
// resource names from short ids, times, intervals and dates, needs, availability answers,
// staff, invitation links, and messages given as protobuf JSON files. Pure: no calls.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "fgc/v1/common.pb.h"
#include "fgc/v1/network.pb.h"
#include "fgc/v1/slot.pb.h"
#include "google/protobuf/message.h"
#include "google/protobuf/timestamp.pb.h"
#include "google/type/date.pb.h"

namespace fgc::ctl {

// INVALID_ARGUMENT "<flag>: <the status's message>", naming the flag a person gave.
absl::Status FlagError(const std::string& flag, const absl::Status& status);

// Sets `field` to `value` when a value was given, so flags fill in on top of a file.
void SetIfGiven(const std::string& value, std::string* field);

// `tenants/{tenant}`.
std::string TenantName(const std::string& tenant);

// A resource inside a conference (`collection` is "members", "invitations", "slots",
// "children"): the argument as given when it has a '/', else
// `{conference}/{collection}/{argument}` with the conference from ConferenceNameArgument.
// INVALID_ARGUMENT for a bare id without the conference to put it in.
absl::StatusOr<std::string> InConferenceArgument(const std::string& tenant,
                                                 const std::string& conference,
                                                 const std::string& collection,
                                                 const std::string& argument);

// `tenants/{tenant}/venues/{argument}` for a bare id; a name with a '/' as given.
absl::StatusOr<std::string> VenueNameArgument(const std::string& tenant,
                                              const std::string& argument);

// The conference a name below it belongs to: `tenants/t/conferences/c` from
// `tenants/t/conferences/c/members/m`; empty when the name is not below a conference.
std::string ConferenceOf(const std::string& name);

// The token of a family link (`https://host/i/<token>`), or the argument as given when it is
// not a link, so either may be pasted.
std::string TokenFromLink(const std::string& token_or_link);

// An RFC 3339 time, or `now`.
absl::StatusOr<google::protobuf::Timestamp> ParseTime(const std::string& text, absl::Time now);

struct Interval {
  google::protobuf::Timestamp start;
  google::protobuf::Timestamp end;
};
// `START/END` (both RFC 3339) or `START/DURATION` (e.g. `2025-05-06T10:00:00+01:00/4h`).
// INVALID_ARGUMENT when either half is unreadable or the end is not after the start.
absl::StatusOr<Interval> ParseInterval(const std::string& text);

// `YYYY-MM-DD`, a real calendar date.
absl::StatusOr<google::type::Date> ParseDate(const std::string& text);

// `kind[:details]`, the kind a NeedKind word (interpreter, access, travel, childcare, dietary,
// other). For an interpreter the first part after the kind is the language, BCP 47:
// `interpreter:pl` or `interpreter:pl:Silesian dialect`.
absl::StatusOr<v1::Need> ParseNeed(const std::string& text);

// `SLOT=ANSWER[:MODE]`: the answer yes, if-need-be or no; the mode in-person or remote. The
// slot is left as typed (see InConferenceArgument).
absl::StatusOr<v1::Availability> ParseAvailability(const std::string& text);

// `subject[,display name[,agency]]`: the subject first, as bookings reserve staff by it.
absl::StatusOr<v1::StaffMember> ParseStaff(const std::string& text);

// The whole file; NOT_FOUND or INVALID_ARGUMENT naming the path.
absl::StatusOr<std::string> ReadWholeFile(const std::string& path);

// Fills `message` from a file in protobuf JSON; INVALID_ARGUMENT naming the file and the
// message type when it is not one, NOT_FOUND when it cannot be read.
absl::Status ReadMessageFile(const std::string& path, google::protobuf::Message* message);

}  // namespace fgc::ctl
