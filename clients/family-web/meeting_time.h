// When the meeting is, as a family member reads it: whether it is booked, whether availability
// answers are still taken, and the reader's clock beside the conference's when they differ.
// Shared by the invitation and availability pages.
#pragma once

#include <string>

#include "absl/time/time.h"
#include "clients/family-web/family_pages.h"
#include "clients/family-web/time_text.h"
#include "google/protobuf/timestamp.pb.h"

namespace fgc::family_web {

// A meeting is booked (and not cancelled).
bool Booked(const v1::GetMyInvitationResponse& mine);
// Availability answers are taken while the conference is being prepared, nothing is booked and
// the deadline has not passed (InfiniteFuture: no deadline).
bool AvailabilityOpen(const v1::GetMyInvitationResponse& mine, absl::Time deadline, absl::Time now);
// A deadline field as a time: InfiniteFuture when unset.
absl::Time DeadlineOf(bool has, const google::protobuf::Timestamp& deadline);

struct Zones {
  std::string reader;      // the zone every time is shown in
  std::string conference;  // the conference's, shown too; empty when unknown or the same clock
};
Zones ZonesFor(const PageContext& page, const std::string& conference);

// "Times are shown in your time zone: Poland Time." as a hint paragraph.
std::string ZoneNote(const PageContext& page, const TimeText& when, absl::Time at);
// "At the meeting place (United Kingdom Time): ..." for a range, as HTML.
std::string ConferenceTime(const PageContext& page, const std::string& zone, absl::Time start,
                           absl::Time end);

}  // namespace fgc::family_web
