// SchedulingService's conferences over real gRPC against a real `fgc serve` (real PostgreSQL,
// and the real ledger answering CheckConsent in process): referral, what each agency may see,
// listing, updates with etags, and leaving REFERRAL only with consent in the ledger and an
// independent coordinator.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <set>

#include "absl/strings/str_cat.h"
#include "fgc/v1/ledger_service.grpc.pb.h"
#include "fgc/v1/scheduling_service.grpc.pb.h"
#include "google/protobuf/util/time_util.h"
#include "tests/journey/journey_fixture.h"
#include "tests/support/grpc_error.h"

namespace fgc::journey {
namespace {

using google::protobuf::util::TimeUtil;
using testing::FieldsOf;
using testing::ReasonOf;

using Conferences = JourneyTest;

TEST_F(Conferences, AReferralStartsInReferralWithItsAgencyChildrenAndTimescales) {
  const v1::Conference c = Create(Referrer());
  EXPECT_EQ(c.stage(), v1::STAGE_REFERRAL);
  EXPECT_EQ(c.referral().referring_agency(), "north-council");  // from the token, not the body
  ASSERT_EQ(c.children_size(), 1);
  EXPECT_EQ(c.children(0).display_name(), "Sam");
  EXPECT_EQ(c.children(0).name().rfind(c.name() + "/children/", 0), 0u);
  EXPECT_FALSE(c.referral().bottom_lines(0).bottom_line_id().empty());
  EXPECT_FALSE(c.deadlines().empty());
  EXPECT_FALSE(c.etag().empty());

  v1::GetConferenceRequest get;
  get.set_name(c.name());
  v1::GetConferenceResponse got;
  ASSERT_TRUE(scheduling_->GetConference(As(Coordinator()).get(), get, &got).ok());
  EXPECT_EQ(got.conference().referral().concerns(), c.referral().concerns());
  EXPECT_EQ(got.conference().parental_responsibility(0).display_name(), "Alex Jones");
}

TEST_F(Conferences, AnotherAgencyCannotSeeTheConference) {
  const v1::Conference c = Create(Referrer());
  v1::GetConferenceRequest get;
  get.set_name(c.name());
  v1::GetConferenceResponse got;
  grpc::Status s = scheduling_->GetConference(As(Referrer("south-trust")).get(), get, &got);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(ReasonOf(s), "RESOURCE_NOT_PERMITTED");
  // ...and cannot tell it from one that does not exist.
  get.set_name(absl::StrCat("tenants/", kTenant, "/conferences/no-such-one"));
  s = scheduling_->GetConference(As(Referrer("south-trust")).get(), get, &got);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);

  v1::ListConferencesRequest list;
  list.set_parent(absl::StrCat("tenants/", kTenant));
  v1::ListConferencesResponse listed;
  ASSERT_TRUE(scheduling_->ListConferences(As(Referrer("south-trust")).get(), list, &listed).ok());
  for (const auto& other : listed.conferences()) EXPECT_NE(other.name(), c.name());
}

TEST_F(Conferences, AnAuditorReadsTheRecordWithoutPersonalDetails) {
  const v1::Conference c = Create(Referrer());
  v1::GetConferenceRequest get;
  get.set_name(c.name());
  v1::GetConferenceResponse got;
  ASSERT_TRUE(
      scheduling_->GetConference(As(Token(auth::Role::kAuditor, "aud-1", "")).get(), get, &got)
          .ok());
  EXPECT_EQ(got.conference().stage(), v1::STAGE_REFERRAL);
  EXPECT_EQ(got.conference().children_size(), 0);
  EXPECT_TRUE(got.conference().referral().concerns().empty());
}

TEST_F(Conferences, AMalformedReferralNamesEveryBadField) {
  v1::CreateConferenceRequest req;
  req.set_parent(absl::StrCat("tenants/", kTenant));
  *req.mutable_conference() = Referral();
  req.mutable_conference()->clear_children();
  req.mutable_conference()->mutable_referral()->clear_concerns();
  req.mutable_conference()->set_time_zone("Mars/Olympus");
  v1::CreateConferenceResponse resp;
  grpc::Status s = scheduling_->CreateConference(As(Referrer()).get(), req, &resp);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  const auto fields = FieldsOf(s);
  EXPECT_TRUE(fields.count("conference.children")) << s.error_message();
  EXPECT_TRUE(fields.count("conference.referral.concerns")) << s.error_message();
  EXPECT_TRUE(fields.count("conference.time_zone")) << s.error_message();
}

TEST_F(Conferences, ARetriedCreateReturnsTheFirstConferenceAndAReusedIdIsRefused) {
  const v1::Conference first = Create(Referrer(), "create-retry-1");
  const v1::Conference again = Create(Referrer(), "create-retry-1");
  EXPECT_EQ(again.name(), first.name());

  v1::CreateConferenceRequest other;
  other.set_parent(absl::StrCat("tenants/", kTenant));
  *other.mutable_conference() = Referral();
  other.mutable_conference()->set_urgency(v1::URGENCY_URGENT);
  other.mutable_conference()->mutable_referral()->set_urgency_reason("Sam is alone tonight");
  other.set_request_id("create-retry-1");
  v1::CreateConferenceResponse resp;
  grpc::Status s = scheduling_->CreateConference(As(Referrer()).get(), other, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ReasonOf(s), "REQUEST_ID_REUSED");
}

TEST_F(Conferences, LeavingReferralWaitsForConsentInTheLedger) {
  const v1::Conference c = Create(Referrer());
  v1::Conference moved;
  grpc::Status s = Transition(Coordinator(), c, v1::STAGE_PREPARATION, "coord-kim", &moved);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << s.error_message();
  EXPECT_EQ(ReasonOf(s), "CONSENT_REQUIRED");

  RecordReferralConsent(c);
  s = Transition(Coordinator(), c, v1::STAGE_PREPARATION, "coord-kim", &moved);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(moved.stage(), v1::STAGE_PREPARATION);
  EXPECT_EQ(moved.coordinator().subject(), "coord-kim");
  ASSERT_EQ(moved.transitions_size(), 1);
  EXPECT_EQ(moved.transitions(0).ledger_entry().rfind(
                absl::StrCat("tenants/", kTenant, "/ledger/entries/"), 0),
            0u);
  EXPECT_EQ(moved.transitions(0).actor().subject(), "coord-kim");
  EXPECT_TRUE(moved.has_acknowledge_time());
}

TEST_F(Conferences, TheCoordinatorMustNotBeOfTheReferringAgency) {
  const v1::Conference c = Create(Referrer());
  RecordReferralConsent(c);
  grpc::Status s = Transition(Coordinator(), c, v1::STAGE_PREPARATION, "ref-other", nullptr);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << s.error_message();
  EXPECT_EQ(ReasonOf(s), "COORDINATOR_NOT_INDEPENDENT");
}

TEST_F(Conferences, AnUpdateWithAStaleEtagIsAbortedAndChangesNothing) {
  const v1::Conference c = Create(Referrer());
  v1::UpdateConferenceRequest req;
  *req.mutable_conference() = c;
  req.mutable_conference()->mutable_referral()->set_concerns("Updated concerns, in plain words.");
  req.mutable_update_mask()->add_paths("referral.concerns");
  v1::UpdateConferenceResponse updated;
  ASSERT_TRUE(scheduling_->UpdateConference(As(Referrer()).get(), req, &updated).ok());
  EXPECT_EQ(updated.conference().referral().concerns(), "Updated concerns, in plain words.");
  EXPECT_NE(updated.conference().etag(), c.etag());

  req.mutable_conference()->mutable_referral()->set_concerns("A lost update");
  grpc::Status s = scheduling_->UpdateConference(As(Referrer()).get(), req, &updated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(ReasonOf(s), "ETAG_MISMATCH");
  v1::GetConferenceRequest get;
  get.set_name(c.name());
  v1::GetConferenceResponse got;
  ASSERT_TRUE(scheduling_->GetConference(As(Referrer()).get(), get, &got).ok());
  EXPECT_EQ(got.conference().referral().concerns(), "Updated concerns, in plain words.");
}

TEST_F(Conferences, AnAgencyMayNotAllocateACoordinator) {
  const v1::Conference c = Create(Referrer());
  v1::UpdateConferenceRequest req;
  *req.mutable_conference() = c;
  req.mutable_conference()->mutable_coordinator()->set_subject("coord-kim");
  req.mutable_update_mask()->add_paths("coordinator");
  v1::UpdateConferenceResponse updated;
  grpc::Status s = scheduling_->UpdateConference(As(Referrer()).get(), req, &updated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(Conferences, ListingFiltersByStageAndPagesThroughEveryMatch) {
  std::set<std::string> mine;
  for (int i = 0; i < 5; ++i) mine.insert(Create(Referrer("paging-agency")).name());
  v1::ListConferencesRequest req;
  req.set_parent(absl::StrCat("tenants/", kTenant));
  req.set_filter("stage = STAGE_REFERRAL AND referral.referring_agency = \"paging-agency\"");
  req.set_page_size(2);
  std::set<std::string> seen;
  int pages = 0;
  do {
    v1::ListConferencesResponse resp;
    grpc::Status s = scheduling_->ListConferences(As(Coordinator()).get(), req, &resp);
    ASSERT_TRUE(s.ok()) << s.error_message();
    for (const auto& c : resp.conferences()) EXPECT_TRUE(seen.insert(c.name()).second);
    req.set_page_token(resp.next_page_token());
    ++pages;
  } while (!req.page_token().empty() && pages < 10);
  EXPECT_EQ(seen, mine);
  EXPECT_EQ(pages, 3);

  req.set_page_token("");
  req.set_filter("colour = blue");
  v1::ListConferencesResponse resp;
  grpc::Status s = scheduling_->ListConferences(As(Coordinator()).get(), req, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ReasonOf(s), "INVALID_FILTER");
}

TEST_F(Conferences, ListOverdueForecastsAMissedAcknowledgement) {
  const v1::Conference c = Create(Referrer("overdue-agency"));
  v1::ListOverdueRequest req;
  req.set_parent(absl::StrCat("tenants/", kTenant));
  req.set_filter(
      "timescale = TIMESCALE_ACKNOWLEDGE_REFERRAL AND referral.referring_agency = "
      "\"overdue-agency\"");
  v1::ListOverdueResponse now;
  ASSERT_TRUE(scheduling_->ListOverdue(As(Coordinator()).get(), req, &now).ok());
  EXPECT_EQ(now.overdue_conferences_size(), 0);  // two working days to acknowledge

  *req.mutable_as_of_time() =
      TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(absl::Now() + absl::Hours(24 * 10)));
  v1::ListOverdueResponse later;
  grpc::Status s = scheduling_->ListOverdue(As(Coordinator()).get(), req, &later);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_EQ(later.overdue_conferences_size(), 1);
  EXPECT_EQ(later.overdue_conferences(0).conference().name(), c.name());
  ASSERT_GE(later.overdue_conferences(0).missed_deadlines_size(), 1);
  EXPECT_EQ(later.overdue_conferences(0).missed_deadlines(0).timescale(),
            v1::TIMESCALE_ACKNOWLEDGE_REFERRAL);

  req.set_filter("timescale = SOON");
  s = scheduling_->ListOverdue(As(Coordinator()).get(), req, &later);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

}  // namespace
}  // namespace fgc::journey
