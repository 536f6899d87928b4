#include "clients/fgcctl/family_text.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/fgcctl/conference_text.h"
#include "clients/fgcctl/enum_words.h"
#include "clients/fgcctl/network_text.h"
#include "clients/fgcctl/plan_text.h"
#include "clients/fgcctl/text_lines.h"

namespace fgc::ctl {
namespace {

void DescribeMeeting(const v1::GetMyInvitationResponse& mine, std::string& out) {
  const v1::Booking& b = mine.booking();
  if (!b.has_start_time()) {
    Line(out, "when", "not booked yet");
    if (mine.has_availability_deadline()) {
      Line(out, "answer by", Time(mine.availability_deadline()));
    }
    return;
  }
  Line(out, "when",
       absl::StrCat(Time(b.start_time()), " to ", Time(b.end_time()), " (",
                    mine.conference_time_zone(), ")"));
  if (b.state() == v1::BOOKING_STATE_CANCELLED) Line(out, "cancelled", b.change_reason());
  if (mine.has_venue()) {
    Line(out, "where", mine.venue().display_name());
    Line(out, "address", absl::StrJoin(mine.venue().address().address_lines(), ", "));
    Line(out, "directions", mine.venue().directions());
  }
  Line(out, "join", b.remote_join().url());
  Line(out, "dial in", b.remote_join().dial_in_number());
  Line(out, "how to join", b.remote_join().instructions());
}

}  // namespace

std::string DescribeMyInvitation(const v1::GetMyInvitationResponse& mine) {
  const v1::NetworkMember& me = mine.member();
  std::string out = absl::StrCat("Invitation for ", me.display_name(), "\n");
  Line(out, "about", absl::StrJoin(mine.child_display_names(), ", "));
  Line(out, "invited by", StaffText(mine.coordinator()));
  Line(out, "email", mine.coordinator().email());
  Line(out, "phone", mine.coordinator().phone_number());
  Line(out, "stage", StageWord(mine.stage()));
  DescribeMeeting(mine, out);
  const v1::Rsvp& rsvp = mine.invitation().rsvp();
  Line(out, "your answer",
       rsvp.answer() == v1::RSVP_ANSWER_UNSPECIFIED ? "not given yet" : EnumWord(rsvp.answer()));
  for (const v1::Need& need : me.needs()) Line(out, "your needs", NeedText(need));
  if (me.has_restriction() && me.restriction().kind() != v1::RESTRICTION_KIND_LIFTED &&
      me.restriction().kind() != v1::RESTRICTION_KIND_UNSPECIFIED) {
    Line(out, "please note", me.restriction().member_notice());
    Line(out, "you can", me.restriction().alternative_contribution());
  }
  if (mine.plan_available()) Line(out, "plan", "the family's plan is ready to read");
  Line(out, "language", mine.language_code());
  if (!mine.about_conference().empty()) {
    absl::StrAppend(&out, "\nWhat is a family group conference?\n", mine.about_conference(), "\n");
  }
  return out;
}

std::string DescribeMyPlan(const v1::GetMyPlanResponse& mine) {
  const v1::PlanVersion& v = mine.plan_version();
  std::string out = absl::StrCat("Your family's plan, version ", v.version_number(), "\n");
  const v1::ReferrerDecision& agreed = v.referrer_decision();
  if (agreed.has_decide_time()) Line(out, "agreed", Time(agreed.decide_time()));
  if (mine.has_distribute_time()) Line(out, "sent to you", Time(mine.distribute_time()));
  absl::StrAppend(&out, DescribePlanContent(v.content()));
  Paragraph(out, "from the referrer", agreed.comments());
  if (!mine.progress().empty()) absl::StrAppend(&out, "How it is going:\n");
  for (const v1::ProgressReport& report : mine.progress()) {
    absl::StrAppend(&out, "  ", ProgressLine(report));
  }
  return out;
}

}  // namespace fgc::ctl
