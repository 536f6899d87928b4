#include "clients/fgcctl/conference_text.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "google/protobuf/util/time_util.h"

namespace fgc::ctl {
namespace {

using google::protobuf::EnumDescriptor;
using google::protobuf::util::TimeUtil;

// "private-family-time" for STAGE_PRIVATE_FAMILY_TIME: hyphens read better on a command line.
std::string Word(const EnumDescriptor* type, int number, const std::string& prefix) {
  const auto* value = type->FindValueByNumber(number);
  if (value == nullptr) return absl::StrCat(number);
  std::string name = value->name();
  if (absl::StartsWith(name, prefix)) name = name.substr(prefix.size());
  return absl::StrReplaceAll(absl::AsciiStrToLower(name), {{"_", "-"}});
}

// Accepts the value's word (hyphens or underscores, any case) or its full name; never the
// _UNSPECIFIED value.
absl::StatusOr<int> ParseWord(const EnumDescriptor* type, const std::string& prefix,
                              const std::string& word) {
  const std::string upper = absl::StrReplaceAll(absl::AsciiStrToUpper(word), {{"-", "_"}});
  std::vector<std::string> accepted;
  for (int i = 0; i < type->value_count(); ++i) {
    const auto* value = type->value(i);
    if (value->number() == 0) continue;
    if (upper == value->name() || prefix + upper == value->name()) return value->number();
    accepted.push_back(Word(type, value->number(), prefix));
  }
  return absl::InvalidArgumentError(
      absl::StrCat("\"", word, "\" is not one of: ", absl::StrJoin(accepted, ", ")));
}

// To the second: people read deadlines, not nanoseconds (--json keeps every digit).
std::string Time(const google::protobuf::Timestamp& t) {
  google::protobuf::Timestamp seconds;
  seconds.set_seconds(t.seconds());
  return TimeUtil::ToString(seconds);
}

void Line(std::string& out, const std::string& label, const std::string& value, size_t width = 14) {
  if (value.empty()) return;
  absl::StrAppend(&out, "  ", label, std::string(width - std::min(width - 1, label.size()), ' '),
                  value, "\n");
}

// "Chris Lee (coord-1, fgc-service)": the name first, as people know each other.
std::string StaffText(const v1::StaffMember& staff) {
  std::vector<std::string> ids;
  if (!staff.subject().empty()) ids.push_back(staff.subject());
  if (!staff.agency().empty()) ids.push_back(staff.agency());
  std::string text = staff.display_name();
  if (!ids.empty())
    absl::StrAppend(&text, text.empty() ? "" : " ", "(", absl::StrJoin(ids, ", "), ")");
  return text;
}

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
    Line(out, Word(v1::Timescale_descriptor(), d.timescale(), "TIMESCALE_"),
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
  auto n = ParseWord(v1::Stage_descriptor(), "STAGE_", word);
  if (!n.ok()) return n.status();
  return static_cast<v1::Stage>(*n);
}

absl::StatusOr<v1::ConferenceOutcome> ParseOutcome(const std::string& word) {
  auto n = ParseWord(v1::ConferenceOutcome_descriptor(), "CONFERENCE_OUTCOME_", word);
  if (!n.ok()) return n.status();
  return static_cast<v1::ConferenceOutcome>(*n);
}

absl::StatusOr<v1::Urgency> ParseUrgency(const std::string& word) {
  auto n = ParseWord(v1::Urgency_descriptor(), "URGENCY_", word);
  if (!n.ok()) return n.status();
  return static_cast<v1::Urgency>(*n);
}

std::string StageWord(v1::Stage stage) { return Word(v1::Stage_descriptor(), stage, "STAGE_"); }

std::string DescribeConference(const v1::Conference& c) {
  std::string out = absl::StrCat(c.name(), "  stage: ", StageWord(c.stage()),
                                 c.overdue() ? "  (OVERDUE)" : "", "\n");
  Line(out, "urgency", Word(v1::Urgency_descriptor(), c.urgency(), "URGENCY_"));
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
    Line(out, "outcome",
         Word(v1::ConferenceOutcome_descriptor(), c.outcome(), "CONFERENCE_OUTCOME_"));
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
  return absl::StrCat(c.name(), "\t", StageWord(c.stage()), "\t",
                      Word(v1::Urgency_descriptor(), c.urgency(), "URGENCY_"), "\t", coordinator,
                      "\t", c.overdue() ? "OVERDUE" : "on time");
}

}  // namespace fgc::ctl
