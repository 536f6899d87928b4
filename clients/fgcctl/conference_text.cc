#include "clients/fgcctl/conference_text.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "clients/fgcctl/enum_words.h"
#include "clients/fgcctl/text_lines.h"
#include "google/protobuf/util/time_util.h"

namespace fgc::ctl {
namespace {

void DescribeReferral(const v1::Referral& r, std::string& out) {
  std::string agency = r.referring_agency();
  if (!r.agency_reference().empty())
    absl::StrAppend(&agency, " (their ref ", r.agency_reference(), ")");
  Line(out, "agency", agency);
  Line(out, "referrer", StaffText(r.referrer()));
  Line(out, "concerns", r.concerns());
  for (const v1::BottomLine& line : r.bottom_lines()) {
    Line(out, "bottom line", absl::StrCat(line.text(), " [", line.bottom_line_id(), "]"));
  }
  Line(out, "why urgent", r.urgency_reason());
  if (!r.safety_information().empty()) Line(out, "safety", "(recorded; see --json)");
}

void DescribeDeadlines(const v1::Conference& c, std::string& out) {
  if (c.deadlines().empty()) return;
  absl::StrAppend(&out, "deadlines:\n");
  for (const v1::Deadline& d : c.deadlines()) {
    std::string state = d.has_met_time() ? absl::StrCat("met ", Time(d.met_time()))
                                         : (d.missed() ? "MISSED" : "open");
    Line(out, EnumWord(d.timescale()),
         absl::StrCat("due ", d.has_due_time() ? Time(d.due_time()) : "-", "  ", state), 22);
  }
}

void DescribeTransitions(const v1::Conference& c, std::string& out) {
  if (c.transitions().empty()) return;
  absl::StrAppend(&out, "stages:\n");
  for (const v1::StageTransition& t : c.transitions()) {
    std::string line = absl::StrCat("  ", Time(t.occur_time()), "  ", StageWord(t.from_stage()),
                                    " -> ", StageWord(t.to_stage()));
    if (!t.actor().subject().empty()) absl::StrAppend(&line, " by ", t.actor().subject());
    if (!t.reason().empty()) absl::StrAppend(&line, ": ", t.reason());
    if (!t.ledger_entry().empty()) absl::StrAppend(&line, " (allowed by ", t.ledger_entry(), ")");
    absl::StrAppend(&out, line, "\n");
  }
}

}  // namespace

absl::StatusOr<std::string> ConferenceNameArgument(const std::string& tenant,
                                                   const std::string& argument) {
  if (argument.find('/') != std::string::npos) return argument;
  if (tenant.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "give the full name tenants/{tenant}/conferences/", argument, ", or --tenant with the id"));
  }
  return absl::StrCat("tenants/", tenant, "/conferences/", argument);
}

absl::StatusOr<v1::Stage> ParseStage(const std::string& word) {
  return ParseEnumWord<v1::Stage>(word);
}

absl::StatusOr<v1::ConferenceOutcome> ParseOutcome(const std::string& word) {
  return ParseEnumWord<v1::ConferenceOutcome>(word);
}

absl::StatusOr<v1::Urgency> ParseUrgency(const std::string& word) {
  return ParseEnumWord<v1::Urgency>(word);
}

std::string StageWord(v1::Stage stage) { return EnumWord(stage); }

std::string DescribeConference(const v1::Conference& c) {
  std::string out = absl::StrCat(c.name(), "  stage: ", StageWord(c.stage()),
                                 c.overdue() ? "  (OVERDUE)" : "", "\n");
  Line(out, "urgency", EnumWord(c.urgency()));
  Line(out, "time zone", c.time_zone());
  if (c.has_referral()) DescribeReferral(c.referral(), out);
  for (const v1::Child& child : c.children()) {
    Line(out, "child", absl::StrCat(child.display_name(), " (", child.name(), ")"));
  }
  for (const v1::ResponsiblePerson& p : c.parental_responsibility()) {
    Line(out, "parental resp", absl::StrCat(p.display_name(), ", ", p.relationship()));
  }
  Line(out, "coordinator", c.has_coordinator() ? StaffText(c.coordinator()) : "none yet");
  if (c.has_create_time()) Line(out, "referred", Time(c.create_time()));
  if (c.has_acknowledge_time()) Line(out, "acknowledged", Time(c.acknowledge_time()));
  if (c.has_booking() && c.booking().has_start_time()) {
    Line(out, "booked",
         absl::StrCat(Time(c.booking().start_time()), " to ", Time(c.booking().end_time()), " ",
                      c.booking().venue()));
  }
  if (c.outcome() != v1::CONFERENCE_OUTCOME_UNSPECIFIED) {
    Line(out, "outcome", EnumWord(c.outcome()));
  }
  Line(out, "closed because", c.closure_reason());
  Line(out, "etag", c.etag());
  DescribeDeadlines(c, out);
  DescribeTransitions(c, out);
  return out;
}

std::string ConferenceSummaryHeading() { return "name\tstage\turgency\tcoordinator\toverdue"; }

std::string ConferenceSummaryLine(const v1::Conference& c) {
  const std::string coordinator =
      !c.coordinator().display_name().empty()
          ? c.coordinator().display_name()
          : (c.coordinator().subject().empty() ? "-" : c.coordinator().subject());
  return absl::StrCat(c.name(), "\t", StageWord(c.stage()), "\t", EnumWord(c.urgency()), "\t",
                      coordinator, "\t", c.overdue() ? "OVERDUE" : "on time");
}

}  // namespace fgc::ctl
