#include "clients/fgcctl/scheduling_text.h"

#include <map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "clients/fgcctl/conference_text.h"
#include "clients/fgcctl/enum_words.h"
#include "clients/fgcctl/text_lines.h"

namespace fgc::ctl {
namespace {

std::string AddressText(const v1::Address& a) {
  std::vector<std::string> parts(a.address_lines().begin(), a.address_lines().end());
  for (const std::string& part : {a.locality(), a.administrative_area(), a.postal_code()}) {
    if (!part.empty()) parts.push_back(part);
  }
  if (!a.region_code().empty()) parts.push_back(a.region_code());
  return absl::StrJoin(parts, ", ");
}

std::string AnswerCounts(const v1::Slot& slot) {
  std::map<int, int> counts;
  for (const v1::Availability& a : slot.availability()) ++counts[a.answer()];
  std::vector<std::string> parts;
  for (auto answer : {v1::AVAILABILITY_ANSWER_YES, v1::AVAILABILITY_ANSWER_IF_NEED_BE,
                      v1::AVAILABILITY_ANSWER_NO}) {
    if (counts[answer] > 0) parts.push_back(absl::StrCat(EnumWord(answer), " ", counts[answer]));
  }
  return parts.empty() ? "no answers" : absl::StrJoin(parts, ", ");
}

std::string MissingText(const v1::MissingParticipant& m) {
  std::string who = m.display_name().empty() ? m.member() : m.display_name();
  std::vector<std::string> notes;
  if (m.key_participant()) notes.push_back("key");
  notes.push_back(m.answer() == v1::AVAILABILITY_ANSWER_UNSPECIFIED ? "no answer"
                                                                    : EnumWord(m.answer()));
  return absl::StrCat(who, " (", absl::StrJoin(notes, ", "), ")");
}

}  // namespace

std::string DescribeVenue(const v1::Venue& v) {
  std::string out =
      absl::StrCat(v.name(), "  ", v.display_name(), v.neutral() ? "  (neutral)" : "", "\n");
  if (v.has_address()) Line(out, "address", AddressText(v.address()));
  Line(out, "time zone", v.time_zone());
  if (v.capacity() > 0) Line(out, "seats", absl::StrCat(v.capacity()));
  std::vector<std::string> features;
  for (int f : v.accessibility_features()) {
    features.push_back(EnumWord(static_cast<v1::AccessibilityFeature>(f)));
  }
  Line(out, "offers", absl::StrJoin(features, ", "));
  Line(out, "access", v.accessibility_notes());
  Line(out, "directions", v.directions());
  Line(out, "etag", v.etag());
  return out;
}

std::string VenueSummaryHeading() { return "name\tdisplay name\tseats\tneutral\ttime zone"; }

std::string VenueSummaryLine(const v1::Venue& v) {
  return absl::StrCat(v.name(), "\t", v.display_name(), "\t", v.capacity(), "\t",
                      v.neutral() ? "neutral" : "-", "\t", v.time_zone());
}

std::string SlotSummaryHeading() { return "name\tstart\tend\tvenue\tremote\tanswers"; }

std::string SlotSummaryLine(const v1::Slot& s) {
  return absl::StrCat(s.name(), "\t", Time(s.start_time()), "\t", Time(s.end_time()), "\t",
                      s.venue().empty() ? "-" : s.venue(), "\t",
                      s.remote_available() ? "remote ok" : "in person", "\t", AnswerCounts(s));
}

std::string DescribeAvailability(const v1::Availability& a) {
  std::string text = absl::StrCat("  ", a.slot(), "  ", EnumWord(a.answer()));
  if (a.mode() != v1::ATTENDANCE_MODE_UNSPECIFIED)
    absl::StrAppend(&text, " (", EnumWord(a.mode()), ")");
  return text + "\n";
}

std::string DescribeRecordedAvailability(const v1::RecordAvailabilityResponse& r) {
  std::string out = absl::StrCat("recorded answers for ", r.availability_size(), " slots\n");
  for (const v1::Availability& a : r.availability()) absl::StrAppend(&out, DescribeAvailability(a));
  return out;
}

std::string SlotListFooter(const v1::ListSlotsResponse& r) {
  std::string out;
  Line(out, "answers close",
       r.has_availability_deadline() ? Time(r.availability_deadline())
                                     : "when the conference is booked");
  Line(out, "time zone", r.time_zone());
  return out;
}

std::string DescribeProposedSlots(const v1::ProposeSlotsResponse& r) {
  std::string out =
      absl::StrCat("proposed ", r.slots_size(), " slots\n", SlotSummaryHeading(), "\n");
  for (const v1::Slot& slot : r.slots()) absl::StrAppend(&out, SlotSummaryLine(slot), "\n");
  Line(out, "answers close",
       r.has_availability_deadline() ? Time(r.availability_deadline())
                                     : "when the conference is booked");
  return out;
}

std::string DescribeSuggestions(const v1::SuggestSlotsResponse& r) {
  std::string out = absl::StrCat(r.suggestions_size(), " suggestions for ", r.participant_count(),
                                 " participants\n");
  for (const v1::SlotSuggestion& s : r.suggestions()) {
    absl::StrAppend(&out, "#", s.rank(), "  ", s.slot().name(), "  ", Time(s.slot().start_time()),
                    " to ", Time(s.slot().end_time()), "\n");
    Line(out, "venue", s.slot().venue());
    Line(out, "score", absl::StrFormat("%.2f", s.score()));
    Line(out, "can come",
         absl::StrCat(s.in_person_count(), " in person, ", s.remote_count(), " remotely, ",
                      s.if_need_be_count(), " if need be"));
    Line(out, "key missing", absl::StrCat(s.key_participants_missing()));
    Line(out, "why", s.explanation());
    std::vector<std::string> missing;
    for (const v1::MissingParticipant& m : s.missing()) missing.push_back(MissingText(m));
    Line(out, "missing", absl::StrJoin(missing, "; "));
  }
  return out;
}

std::string DescribeBooking(const v1::Booking& b) {
  std::string out = "meeting:\n";
  Line(out, "state", EnumWord(b.state()));
  Line(out, "when", absl::StrCat(Time(b.start_time()), " to ", Time(b.end_time())));
  Line(out, "venue", b.venue().empty() ? "remote only" : b.venue());
  Line(out, "from slot", b.slot());
  Line(out, "join", b.remote_join().url());
  Line(out, "dial in", b.remote_join().dial_in_number());
  Line(out, "how to join", b.remote_join().instructions());
  Line(out, "calendar uid", b.calendar_uid());
  Line(out, "sequence", absl::StrCat(b.sequence()));
  Line(out, "changed why", b.change_reason());
  return out;
}

std::string DescribeReview(const v1::Review& r) {
  std::string out = absl::StrCat(r.name(), "  review by ", DateText(r.review_date()), "\n");
  Line(out, "plan version", r.plan_version());
  if (r.has_booking()) absl::StrAppend(&out, DescribeBooking(r.booking()));
  return out;
}

std::string OverdueSummaryHeading() { return "name\tstage\tcoordinator\tmissed"; }

std::string OverdueSummaryLine(const v1::OverdueConference& o) {
  std::vector<std::string> missed;
  for (const v1::Deadline& d : o.missed_deadlines()) {
    missed.push_back(absl::StrCat(EnumWord(d.timescale()), " (due ", Time(d.due_time()), ")"));
  }
  const v1::Conference& c = o.conference();
  const std::string coordinator =
      c.coordinator().subject().empty() ? "-" : StaffText(c.coordinator());
  return absl::StrCat(c.name(), "\t", StageWord(c.stage()), "\t", coordinator, "\t",
                      absl::StrJoin(missed, ", "));
}

}  // namespace fgc::ctl
