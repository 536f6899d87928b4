#include "services/scheduling/conference_record.h"

#include <google/protobuf/util/message_differencer.h>

#include "gtest/gtest.h"

namespace fgc::scheduling {
namespace {

v1::Conference Sample() {
  v1::Conference c;
  c.set_name("tenants/t/conferences/c1");
  c.set_stage(v1::STAGE_REFERRAL);
  c.set_urgency(v1::URGENCY_STANDARD);
  c.set_time_zone("Europe/London");
  v1::Referral* r = c.mutable_referral();
  r->set_referring_agency("north-council");
  r->mutable_referrer()->set_subject("ref-1");
  r->set_agency_reference("CASE-9");
  r->set_concerns("Sam has missed school for weeks");
  r->add_bottom_lines()->set_text("Sam must not be left alone with Jo");
  r->set_safety_information("a court order names Jo");
  v1::Child* child = c.add_children();
  child->set_name("tenants/t/conferences/c1/children/k1");
  child->set_display_name("Sam");
  c.add_parental_responsibility()->set_display_name("Alex");
  return c;
}

TEST(ConferenceRecord, TheClearRecordHoldsNoPersonalDetails) {
  const ConferenceParts parts = SplitConference(Sample());
  std::string clear;
  ASSERT_TRUE(parts.record.SerializeToString(&clear));
  for (const char* secret : {"Sam", "Jo", "Alex", "school", "court"}) {
    EXPECT_EQ(clear.find(secret), std::string::npos) << secret;
  }
  EXPECT_EQ(parts.record.referral().referring_agency(), "north-council");
  EXPECT_EQ(parts.record.stage(), v1::STAGE_REFERRAL);
}

TEST(ConferenceRecord, SplitSealOpenJoinGivesTheConferenceBack) {
  const v1::Conference original = Sample();
  const ConferenceParts parts = SplitConference(original);
  auto key = crypto::GenerateDataKey();
  ASSERT_TRUE(key.ok());
  auto sealed = SealPersonal(parts.personal, *key, original.name());
  ASSERT_TRUE(sealed.ok()) << sealed.status();
  auto opened = OpenPersonal(*sealed, *key, original.name());
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(
      JoinConference(parts.record, *opened), original));
}

TEST(ConferenceRecord, SealedDetailsDoNotOpenForAnotherConference) {
  auto key = crypto::GenerateDataKey();
  ASSERT_TRUE(key.ok());
  auto sealed = SealPersonal(SplitConference(Sample()).personal, *key, "tenants/t/conferences/c1");
  ASSERT_TRUE(sealed.ok());
  auto opened = OpenPersonal(*sealed, *key, "tenants/t/conferences/c2");
  EXPECT_EQ(opened.status().code(), absl::StatusCode::kDataLoss);
}

}  // namespace
}  // namespace fgc::scheduling
