#include "clients/fgcctl/plan_text.h"

#include <map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "clients/fgcctl/enum_words.h"
#include "clients/fgcctl/money_text.h"
#include "clients/fgcctl/text_lines.h"

namespace fgc::ctl {
namespace {

// Sub-lines of an item, a request or a decision have longer labels ("how we'll know").
constexpr size_t kWideLabels = 16;

// `text` with every line indented two more spaces, to nest it under a heading.
std::string Indented(const std::string& text) {
  std::string out;
  for (absl::string_view line : absl::StrSplit(text, '\n', absl::SkipEmpty())) {
    absl::StrAppend(&out, "  ", line, "\n");
  }
  return out;
}

std::string DescribeItem(const v1::PlanItem& item) {
  std::string out = absl::StrCat("item [", item.item_id(), "] ", item.what(), "\n");
  Line(out, "who", item.who(), kWideLabels);
  for (const std::string& member : item.responsible_members()) {
    Line(out, "responsible", member, kWideLabels);
  }
  Line(out, "when", item.timing(), kWideLabels);
  if (item.has_due_date()) Line(out, "by when", DateText(item.due_date()), kWideLabels);
  Line(out, "how we'll know", item.how_we_will_know(), kWideLabels);
  Line(out, "bottom lines", absl::StrJoin(item.bottom_line_ids(), ", "), kWideLabels);
  return out;
}

std::string BottomLineText(const v1::BottomLineResponse& response) {
  std::string text = absl::StrCat("[", response.bottom_line_id(), "] ", response.response());
  if (!response.item_ids().empty()) {
    absl::StrAppend(&text, " (items: ", absl::StrJoin(response.item_ids(), ", "), ")");
  }
  return text;
}

std::string DecisionLine(const v1::MemberDecision& d) {
  std::string line = absl::StrCat("  ", d.member(), "  ", EnumWord(d.agreement()));
  if (d.has_decide_time()) absl::StrAppend(&line, "  ", Time(d.decide_time()));
  if (d.has_recorded_by()) absl::StrAppend(&line, "  recorded by ", ActorText(d.recorded_by()));
  if (!d.reservations().empty()) absl::StrAppend(&line, "\n      \"", d.reservations(), "\"");
  return line + "\n";
}

std::string DescribeReferrerDecision(const v1::ReferrerDecision& d) {
  std::string out = absl::StrCat("referrer's decision: ", EnumWord(d.outcome()), "\n");
  if (d.has_decide_time()) {
    Line(out, "decided", absl::StrCat(Time(d.decide_time()), " by ", ActorText(d.decided_by())),
         kWideLabels);
  }
  Line(out, "reasons", d.reasons(), kWideLabels);
  Line(out, "remaining risk", d.remaining_risk(), kWideLabels);
  if (d.has_legal_basis()) Line(out, "legal basis", LegalBasisText(d.legal_basis()), kWideLabels);
  if (d.has_authorising_officer()) {
    Line(out, "authorised by", StaffText(d.authorising_officer()), kWideLabels);
  }
  if (d.has_family_told()) Line(out, "family told", FamilyToldText(d.family_told()), kWideLabels);
  if (d.has_revision_deadline()) Line(out, "revise by", Time(d.revision_deadline()), kWideLabels);
  Line(out, "comments", d.comments(), kWideLabels);
  Line(out, "ledger entry", d.ledger_entry(), kWideLabels);
  return out;
}

std::string DistributionLine(const v1::Distribution& d) {
  std::string who = d.member();
  if (d.has_staff_recipient()) {
    who = StaffText(d.staff_recipient());
    if (!d.staff_recipient().email().empty()) {
      absl::StrAppend(&who, " <", d.staff_recipient().email(), ">");
    }
  }
  if (d.notification().empty()) {
    return absl::StrCat("  ", who, "  NOT REACHED: give them the plan another way\n");
  }
  return absl::StrCat("  ", who, "  ", Time(d.distribute_time()), "  (", d.notification(), ")\n");
}

std::string DescribeDecision(const v1::ResourceDecision& d) {
  std::string out;
  Line(out, "decided",
       absl::StrCat(EnumWord(d.outcome()), " by ", StaffText(d.decider()), ", ",
                    d.authority_level()),
       kWideLabels);
  if (d.has_decide_time()) Line(out, "at", Time(d.decide_time()), kWideLabels);
  Line(out, "agreed", d.agreed_details(), kWideLabels);
  if (d.has_agreed_cost()) Line(out, "agreed cost", MoneyText(d.agreed_cost()), kWideLabels);
  Line(out, "reasons", d.reasons(), kWideLabels);
  if (d.has_legal_basis()) Line(out, "legal basis", LegalBasisText(d.legal_basis()), kWideLabels);
  if (d.has_family_told()) Line(out, "family told", FamilyToldText(d.family_told()), kWideLabels);
  Line(out, "ledger entry", d.ledger_entry(), kWideLabels);
  return out;
}

std::string DescribeVersion(const v1::PlanVersion& v, bool with_content) {
  std::string out =
      absl::StrCat(v.name(), "  version ", v.version_number(), "  ", EnumWord(v.state()), "\n");
  if (v.has_submit_time()) {
    Line(out, "submitted",
         absl::StrCat(Time(v.submit_time()), " by ", ActorText(v.submitted_by())));
  }
  if (with_content) absl::StrAppend(&out, "plan:\n", DescribePlanContent(v.content()));
  if (!v.decisions().empty()) absl::StrAppend(&out, "decisions:\n");
  for (const v1::MemberDecision& d : v.decisions()) absl::StrAppend(&out, DecisionLine(d));
  if (v.has_referrer_decision()) {
    absl::StrAppend(&out, DescribeReferrerDecision(v.referrer_decision()));
  }
  if (!v.distributions().empty()) absl::StrAppend(&out, "distributed to:\n");
  for (const v1::Distribution& d : v.distributions()) absl::StrAppend(&out, DistributionLine(d));
  return out;
}

}  // namespace

std::string DescribePlanContent(const v1::PlanContent& c) {
  std::string out;
  Paragraph(out, "family words", c.family_words());
  for (const v1::PlanItem& item : c.items()) absl::StrAppend(&out, Indented(DescribeItem(item)));
  Paragraph(out, "contingency", c.contingency());
  Paragraph(out, "monitoring", c.monitoring());
  for (const v1::BottomLineResponse& response : c.bottom_line_responses()) {
    Line(out, "bottom line", BottomLineText(response));
  }
  if (c.has_review_date()) Line(out, "review date", DateText(c.review_date()));
  Line(out, "language", c.language_code());
  return out.empty() ? "  (empty)\n" : out;
}

std::string DescribePlan(const v1::Plan& p) {
  std::string out = absl::StrCat(p.name(), "  state: ", EnumWord(p.state()), "\n");
  Line(out, "latest", p.latest_version().empty() ? "none submitted yet" : p.latest_version());
  Line(out, "agreed", p.agreed_version());
  if (p.has_revision_deadline()) Line(out, "revise by", Time(p.revision_deadline()));
  if (p.has_update_time()) Line(out, "updated", Time(p.update_time()));
  Line(out, "etag", p.etag());
  absl::StrAppend(&out, "draft:\n", DescribePlanContent(p.draft()));
  if (!p.resource_requests().empty()) absl::StrAppend(&out, "resource requests:\n");
  for (const v1::ResourceRequest& r : p.resource_requests()) {
    absl::StrAppend(&out, Indented(DescribeResourceRequest(r)));
  }
  if (!p.progress().empty()) absl::StrAppend(&out, "progress:\n");
  for (const v1::ProgressReport& r : p.progress()) absl::StrAppend(&out, "  ", ProgressLine(r));
  return out;
}

std::string DescribePlanVersion(const v1::PlanVersion& v) {
  return DescribeVersion(v, /*with_content=*/true);
}

std::string DescribePlanVersionDecisions(const v1::PlanVersion& v) {
  return DescribeVersion(v, /*with_content=*/false);
}

std::string PlanVersionSummaryHeading() {
  return "name\tversion\tstate\tsubmitted\tdecisions\treferrer";
}

std::string PlanVersionSummaryLine(const v1::PlanVersion& v) {
  std::map<int, int> counted;  // by MemberAgreement, in the enum's order
  for (const v1::MemberDecision& d : v.decisions()) ++counted[d.agreement()];
  std::vector<std::string> decisions;
  for (const auto& [agreement, count] : counted) {
    decisions.push_back(
        absl::StrCat(EnumWord(static_cast<v1::MemberAgreement>(agreement)), " ", count));
  }
  return absl::StrCat(v.name(), "\t", v.version_number(), "\t", EnumWord(v.state()), "\t",
                      Time(v.submit_time()), "\t",
                      decisions.empty() ? "-" : absl::StrJoin(decisions, ", "), "\t",
                      v.has_referrer_decision() ? EnumWord(v.referrer_decision().outcome()) : "-");
}

std::string DescribePlanDiff(const v1::DiffPlanVersionsResponse& diff) {
  if (diff.changes().empty() && diff.summary().empty()) {
    return "no differences: the two versions say the same\n";
  }
  if (!diff.summary().empty()) {
    return diff.summary().back() == '\n' ? diff.summary() : diff.summary() + "\n";
  }
  std::string out;
  for (const v1::PlanChange& change : diff.changes()) {
    absl::StrAppend(&out, change.description(), "\n");
  }
  return out;
}

std::string DescribeResourceRequest(const v1::ResourceRequest& r) {
  std::string out = absl::StrCat(r.name(), "  ", EnumWord(r.state()), "\n");
  Line(out, "asked for", r.description(), kWideLabels);
  Line(out, "for item", r.item_id(), kWideLabels);
  if (r.has_estimated_cost())
    Line(out, "estimated cost", MoneyText(r.estimated_cost()), kWideLabels);
  Line(out, "provider", r.provider(), kWideLabels);
  if (r.has_create_time()) {
    Line(out, "requested", absl::StrCat(Time(r.create_time()), " by ", ActorText(r.requested_by())),
         kWideLabels);
  }
  if (r.has_decision()) absl::StrAppend(&out, DescribeDecision(r.decision()));
  Line(out, "etag", r.etag(), kWideLabels);
  return out;
}

std::string ProgressLine(const v1::ProgressReport& r) {
  std::string line = absl::StrCat(r.item_id(), "  ", EnumWord(r.status()), "  ",
                                  Time(r.has_observe_time() ? r.observe_time() : r.record_time()),
                                  "  ", r.reported_by());
  if (!r.note().empty()) absl::StrAppend(&line, ": ", r.note());
  return line + "\n";
}

std::string DescribeDistribution(const v1::DistributePlanResponse& response) {
  const v1::PlanVersion& v = response.plan_version();
  std::string out = absl::StrCat("distributed ", v.name(), "  version ", v.version_number(), "\n");
  for (const v1::Distribution& d : v.distributions()) {
    if (!d.notification().empty()) absl::StrAppend(&out, DistributionLine(d));
  }
  if (!response.unreachable_members().empty()) {
    absl::StrAppend(&out,
                    "not reached: give each of them the plan another way (by hand, by post):\n");
  }
  for (const std::string& member : response.unreachable_members()) {
    absl::StrAppend(&out, "  ", member, "\n");
  }
  return out;
}

}  // namespace fgc::ctl
