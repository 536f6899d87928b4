#include "clients/fgcctl/conference_text.h"

#include <gtest/gtest.h>

namespace fgc::ctl {
namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ConferenceText, BareIdIsNamedInTheTenant) {
  EXPECT_EQ(ConferenceNameArgument("t1", "c-1").value(), "tenants/t1/conferences/c-1");
}

TEST(ConferenceText, FullNameIsKeptAsGiven) {
  EXPECT_EQ(ConferenceNameArgument("", "tenants/t2/conferences/c-1").value(),
            "tenants/t2/conferences/c-1");
}

TEST(ConferenceText, BareIdWithoutTenantIsRefused) {
  EXPECT_EQ(ConferenceNameArgument("", "c-1").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(ConferenceText, StageReadsHyphensUnderscoresAndFullNames) {
  EXPECT_EQ(ParseStage("private-family-time").value(), v1::STAGE_PRIVATE_FAMILY_TIME);
  EXPECT_EQ(ParseStage("Plan_Agreement").value(), v1::STAGE_PLAN_AGREEMENT);
  EXPECT_EQ(ParseStage("STAGE_CLOSED").value(), v1::STAGE_CLOSED);
}

TEST(ConferenceText, UnknownStageListsTheWordsAccepted) {
  auto stage = ParseStage("booking");
  ASSERT_FALSE(stage.ok());
  EXPECT_TRUE(Contains(std::string(stage.status().message()), "information-sharing"));
  EXPECT_FALSE(ParseStage("unspecified").ok());
}

TEST(ConferenceText, OutcomeReadsItsWords) {
  EXPECT_EQ(ParseOutcome("not-proceeded").value(), v1::CONFERENCE_OUTCOME_NOT_PROCEEDED);
}

TEST(ConferenceText, StageWordIsWhatParseStageReads) {
  EXPECT_EQ(StageWord(v1::STAGE_INFORMATION_SHARING), "information-sharing");
  EXPECT_EQ(ParseStage(StageWord(v1::STAGE_FOLLOW_UP)).value(), v1::STAGE_FOLLOW_UP);
}

TEST(ConferenceText, SummaryLineHasNameStageUrgencyCoordinatorAndOverdue) {
  v1::Conference c;
  c.set_name("tenants/t1/conferences/c-1");
  c.set_stage(v1::STAGE_PREPARATION);
  c.set_urgency(v1::URGENCY_URGENT);
  c.mutable_coordinator()->set_display_name("Chris Lee");
  c.set_overdue(true);
  EXPECT_EQ(ConferenceSummaryLine(c),
            "tenants/t1/conferences/c-1\tpreparation\turgent\tChris Lee\tOVERDUE");
}

TEST(ConferenceText, DescriptionShowsDeadlinesAndMoves) {
  v1::Conference c;
  c.set_name("tenants/t1/conferences/c-1");
  c.set_stage(v1::STAGE_PREPARATION);
  v1::Deadline* d = c.add_deadlines();
  d->set_timescale(v1::TIMESCALE_ACKNOWLEDGE_REFERRAL);
  d->mutable_due_time()->set_seconds(1740819600);
  d->set_missed(true);
  v1::StageTransition* t = c.add_transitions();
  t->set_from_stage(v1::STAGE_REFERRAL);
  t->set_to_stage(v1::STAGE_PREPARATION);
  t->set_ledger_entry("tenants/t1/ledger/entries/0");
  const std::string text = DescribeConference(c);
  EXPECT_TRUE(Contains(text, "stage: preparation")) << text;
  EXPECT_TRUE(Contains(text, "acknowledge-referral  due 2025-03-01T09:00:00Z  MISSED")) << text;
  EXPECT_TRUE(Contains(text, "referral -> preparation")) << text;
  EXPECT_TRUE(Contains(text, "allowed by tenants/t1/ledger/entries/0")) << text;
  EXPECT_TRUE(Contains(text, "coordinator   none yet")) << text;
}

}  // namespace
}  // namespace fgc::ctl
