#include "clients/family-web/meeting_time.h"

#include "absl/strings/str_cat.h"
#include "clients/family-web/html_text.h"
#include "clients/family-web/message_catalogue.h"
#include "common/base/proto_time.h"

namespace fgc::family_web {

bool Booked(const v1::GetMyInvitationResponse& mine) {
  return mine.has_booking() && mine.booking().has_start_time() &&
         mine.booking().state() != v1::BOOKING_STATE_CANCELLED;
}

bool AvailabilityOpen(const v1::GetMyInvitationResponse& mine, absl::Time deadline,
                      absl::Time now) {
  const bool preparing = mine.stage() == v1::STAGE_UNSPECIFIED ||
                         mine.stage() == v1::STAGE_REFERRAL ||
                         mine.stage() == v1::STAGE_PREPARATION;
  return preparing && !Booked(mine) && now < deadline;
}

absl::Time DeadlineOf(bool has, const google::protobuf::Timestamp& deadline) {
  return has ? ToAbslTime(deadline) : absl::InfiniteFuture();
}

Zones ZonesFor(const PageContext& page, const std::string& conference) {
  Zones zones;
  zones.reader = ChooseTimeZone(page.time_zone, conference);
  if (IsKnownTimeZone(conference) && !SameClock(zones.reader, conference)) {
    zones.conference = conference;
  }
  return zones;
}

std::string ZoneNote(const PageContext& page, const TimeText& when, absl::Time at) {
  return absl::StrCat(
      "<p class=\"hint\">",
      MessageHtml(page.language, "zone.yours", {{"zone", EscapeHtml(when.ZoneName(at))}}), "</p>");
}

std::string ConferenceTime(const PageContext& page, const std::string& zone, absl::Time start,
                           absl::Time end) {
  const TimeText there(page.language, zone);
  return MessageHtml(
      page.language, "zone.conference",
      {{"zone", EscapeHtml(there.ZoneName(start))}, {"time", EscapeHtml(there.Range(start, end))}});
}

}  // namespace fgc::family_web
