// The human text of the plan commands: what a coordinator, a referrer and a family member read.
#include "clients/fgcctl/plan_text.h"

#include <gtest/gtest.h>

#include "clients/fgcctl/family_text.h"

namespace fgc::ctl {
namespace {

const char kPlan[] = "tenants/t1/conferences/jones/plans/p1";

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

v1::PlanContent Content() {
  v1::PlanContent c;
  c.set_family_words("Sam stays with Mum.\nNan helps every day.");
  v1::PlanItem* item = c.add_items();
  item->set_item_id("nan-school");
  item->set_what("Nan takes Sam to school");
  item->set_who("Nan");
  item->set_timing("every weekday");
  item->mutable_due_date()->set_year(2025);
  item->mutable_due_date()->set_month(3);
  item->mutable_due_date()->set_day(10);
  item->set_how_we_will_know("The school tells Mum");
  item->add_bottom_line_ids("school");
  c.set_contingency("Sam goes to Nan's");
  c.set_monitoring("Uncle Joe rings weekly");
  v1::BottomLineResponse* line = c.add_bottom_line_responses();
  line->set_bottom_line_id("school");
  line->set_response("Sam is at school every day");
  line->add_item_ids("nan-school");
  c.mutable_review_date()->set_year(2025);
  c.mutable_review_date()->set_month(6);
  c.mutable_review_date()->set_day(30);
  return c;
}

TEST(PlanText, PlanShowsStateDraftRequestsAndProgress) {
  v1::Plan p;
  p.set_name(kPlan);
  p.set_state(v1::PLAN_STATE_AGREED);
  p.set_agreed_version(std::string(kPlan) + "/versions/1");
  p.set_latest_version(std::string(kPlan) + "/versions/1");
  *p.mutable_draft() = Content();
  v1::ResourceRequest* r = p.add_resource_requests();
  r->set_name(std::string(kPlan) + "/resourceRequests/r-1");
  r->set_state(v1::RESOURCE_REQUEST_STATE_REQUESTED);
  r->set_description("Bus pass for Nan");
  r->mutable_estimated_cost()->set_currency_code("GBP");
  r->mutable_estimated_cost()->set_minor_units(12050);
  v1::ProgressReport* progress = p.add_progress();
  progress->set_item_id("nan-school");
  progress->set_status(v1::PROGRESS_STATUS_DONE);
  progress->set_reported_by("Nan");
  progress->set_note("Every day this week");
  const std::string text = DescribePlan(p);
  EXPECT_TRUE(Contains(text, std::string(kPlan) + "  state: agreed\n")) << text;
  EXPECT_TRUE(Contains(text, "  agreed        " + std::string(kPlan) + "/versions/1")) << text;
  EXPECT_TRUE(Contains(text, "  family words:\n    Sam stays with Mum.\n    Nan helps")) << text;
  EXPECT_TRUE(Contains(text, "  item [nan-school] Nan takes Sam to school\n")) << text;
  EXPECT_TRUE(Contains(text, "    who             Nan\n")) << text;
  EXPECT_TRUE(Contains(text, "    by when         2025-03-10\n")) << text;
  EXPECT_TRUE(Contains(text, "    how we'll know  The school tells Mum\n")) << text;
  EXPECT_TRUE(Contains(text, "  contingency:\n    Sam goes to Nan's\n")) << text;
  EXPECT_TRUE(Contains(text, "  monitoring:\n    Uncle Joe rings weekly\n")) << text;
  EXPECT_TRUE(Contains(text,
                       "  bottom line   [school] Sam is at school every day (items: "
                       "nan-school)\n"))
      << text;
  EXPECT_TRUE(Contains(text, "  review date   2025-06-30\n")) << text;
  EXPECT_TRUE(Contains(
      text, "resource requests:\n  " + std::string(kPlan) + "/resourceRequests/r-1  requested\n"))
      << text;
  EXPECT_TRUE(Contains(text, "estimated cost  GBP 120.50")) << text;
  EXPECT_TRUE(Contains(text, "progress:\n  nan-school  done  -  Nan: Every day this week\n"))
      << text;
}

TEST(PlanText, EmptyDraftSaysSo) {
  v1::Plan p;
  p.set_name(kPlan);
  p.set_state(v1::PLAN_STATE_DRAFTING);
  const std::string text = DescribePlan(p);
  EXPECT_TRUE(Contains(text, "latest        none submitted yet")) << text;
  EXPECT_TRUE(Contains(text, "draft:\n  (empty)\n")) << text;
}

v1::PlanVersion DeclinedVersion() {
  v1::PlanVersion v;
  v.set_name(std::string(kPlan) + "/versions/2");
  v.set_version_number(2);
  v.set_state(v1::PLAN_VERSION_STATE_DECLINED);
  *v.mutable_content() = Content();
  v.mutable_submit_time()->set_seconds(1740819600);
  v.mutable_submitted_by()->set_subject("coord-chris");
  v.mutable_submitted_by()->set_role(v1::ACTOR_ROLE_COORDINATOR);
  v1::MemberDecision* agree = v.add_decisions();
  agree->set_member("tenants/t1/conferences/jones/members/mother");
  agree->set_agreement(v1::MEMBER_AGREEMENT_AGREE);
  v1::MemberDecision* doubts = v.add_decisions();
  doubts->set_member("tenants/t1/conferences/jones/members/aunt");
  doubts->set_agreement(v1::MEMBER_AGREEMENT_AGREE_WITH_RESERVATIONS);
  doubts->set_reservations("Weekends only");
  v1::ReferrerDecision* d = v.mutable_referrer_decision();
  d->set_outcome(v1::REFERRER_OUTCOME_DECLINED);
  d->set_reasons("Sam would be alone at night");
  d->mutable_legal_basis()->set_statute("Children Act 1989");
  d->mutable_legal_basis()->set_section("s.31");
  d->mutable_family_told()->set_not_told_reason("At Friday's visit");
  d->set_ledger_entry("tenants/t1/ledger/entries/7");
  v1::Distribution* sent = v.add_distributions();
  sent->set_member("tenants/t1/conferences/jones/members/mother");
  sent->set_notification("tenants/t1/conferences/jones/notifications/n-1");
  v.add_distributions()->set_member("tenants/t1/conferences/jones/members/aunt");
  return v;
}

TEST(PlanText, VersionShowsDecisionsTheDeclineAndWhoWasNotReached) {
  const std::string text = DescribePlanVersion(DeclinedVersion());
  EXPECT_TRUE(Contains(text, "/versions/2  version 2  declined\n")) << text;
  EXPECT_TRUE(Contains(text, "  submitted     2025-03-01T09:00:00Z by coord-chris (coordinator)"))
      << text;
  EXPECT_TRUE(Contains(text, "plan:\n  family words:")) << text;
  EXPECT_TRUE(Contains(text, "members/mother  agree\n")) << text;
  EXPECT_TRUE(Contains(text, "members/aunt  agree-with-reservations\n      \"Weekends only\""))
      << text;
  EXPECT_TRUE(Contains(text, "referrer's decision: declined\n")) << text;
  EXPECT_TRUE(Contains(text, "  legal basis     Children Act 1989 s.31\n")) << text;
  EXPECT_TRUE(Contains(text, "  family told     not yet: At Friday's visit\n")) << text;
  EXPECT_TRUE(Contains(text, "  ledger entry    tenants/t1/ledger/entries/7\n")) << text;
  EXPECT_TRUE(Contains(text, "members/aunt  NOT REACHED: give them the plan another way")) << text;
  EXPECT_FALSE(Contains(DescribePlanVersionDecisions(DeclinedVersion()), "family words")) << text;
}

TEST(PlanText, VersionLineCountsTheDecisions) {
  EXPECT_EQ(PlanVersionSummaryLine(DeclinedVersion()),
            std::string(kPlan) +
                "/versions/2\t2\tdeclined\t2025-03-01T09:00:00Z\tagree 1, agree-with-reservations "
                "1\tdeclined");
}

TEST(PlanText, DiffPrintsTheSummaryOrEachChange) {
  v1::DiffPlanVersionsResponse diff;
  EXPECT_EQ(DescribePlanDiff(diff), "no differences: the two versions say the same\n");
  v1::PlanChange* change = diff.add_changes();
  change->set_kind(v1::PLAN_CHANGE_KIND_CHANGED);
  change->set_item_id("nan-school");
  change->set_field("due_date");
  change->set_description(
      "Item \"Nan takes Sam to school\": by when changed from 3 March 2025 to 10 March 2025");
  diff.add_changes()->set_description("Contingency added");
  EXPECT_EQ(DescribePlanDiff(diff),
            "Item \"Nan takes Sam to school\": by when changed from 3 March 2025 to 10 March "
            "2025\nContingency added\n");
  diff.set_summary("Two changes");
  EXPECT_EQ(DescribePlanDiff(diff), "Two changes\n");
}

TEST(PlanText, DistributionNamesThoseToGiveItAnotherWay) {
  v1::DistributePlanResponse response;
  *response.mutable_plan_version() = DeclinedVersion();
  v1::Distribution* professional = response.mutable_plan_version()->add_distributions();
  professional->mutable_staff_recipient()->set_display_name("Dr Asha Rao");
  professional->mutable_staff_recipient()->set_email("a.rao@example.org");
  professional->set_notification("tenants/t1/conferences/jones/notifications/n-2");
  response.add_unreachable_members("tenants/t1/conferences/jones/members/aunt");
  const std::string text = DescribeDistribution(response);
  EXPECT_TRUE(Contains(text, "Dr Asha Rao <a.rao@example.org>")) << text;
  EXPECT_TRUE(Contains(text, "not reached: give each of them the plan another way")) << text;
  EXPECT_TRUE(Contains(text, "\n  tenants/t1/conferences/jones/members/aunt\n")) << text;
}

TEST(PlanText, FamilyReadsTheirPlanAndHowItIsGoing) {
  v1::GetMyPlanResponse mine;
  v1::PlanVersion* v = mine.mutable_plan_version();
  v->set_version_number(1);
  *v->mutable_content() = Content();
  v->mutable_referrer_decision()->set_outcome(v1::REFERRER_OUTCOME_ACCEPTED);
  v->mutable_referrer_decision()->set_comments("Well done, all of you.");
  v1::ProgressReport* progress = mine.add_progress();
  progress->set_item_id("nan-school");
  progress->set_status(v1::PROGRESS_STATUS_IN_PROGRESS);
  progress->set_reported_by("the school");
  const std::string text = DescribeMyPlan(mine);
  EXPECT_TRUE(Contains(text, "Your family's plan, version 1\n")) << text;
  EXPECT_TRUE(Contains(text, "item [nan-school] Nan takes Sam to school")) << text;
  EXPECT_TRUE(Contains(text, "  from the referrer:\n    Well done, all of you.\n")) << text;
  EXPECT_TRUE(Contains(text, "How it is going:\n  nan-school  in-progress  -  the school\n"))
      << text;
}

}  // namespace
}  // namespace fgc::ctl
