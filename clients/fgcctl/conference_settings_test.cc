#include "clients/fgcctl/conference_settings.h"

#include <gtest/gtest.h>

#include "google/protobuf/util/time_util.h"

namespace fgc::ctl {
namespace {

using google::protobuf::util::TimeUtil;

const absl::Time kNow = absl::FromUnixSeconds(1740819600);  // 2025-03-01T09:00:00Z

TEST(ConferenceSettings, TextValueFillsItsFieldAndMask) {
  ConferenceChange change;
  ASSERT_TRUE(ApplySetting("referral.concerns=Sam misses school", kNow, &change).ok());
  EXPECT_EQ(change.conference.referral().concerns(), "Sam misses school");
  EXPECT_EQ(change.paths, std::vector<std::string>{"referral.concerns"});
}

TEST(ConferenceSettings, ValueKeepsEqualsSignsAfterTheFirst) {
  ConferenceChange change;
  ASSERT_TRUE(ApplySetting("referral.agency_reference=A=B", kNow, &change).ok());
  EXPECT_EQ(change.conference.referral().agency_reference(), "A=B");
}

TEST(ConferenceSettings, UrgencyTakesAWord) {
  ConferenceChange change;
  ASSERT_TRUE(ApplySetting("urgency=urgent", kNow, &change).ok());
  EXPECT_EQ(change.conference.urgency(), v1::URGENCY_URGENT);
}

TEST(ConferenceSettings, UnknownUrgencyListsTheWords) {
  ConferenceChange change;
  absl::Status s = ApplySetting("urgency=soon", kNow, &change);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("standard, urgent"), absl::string_view::npos) << s.message();
}

TEST(ConferenceSettings, AcknowledgeTimeNowIsTheTimeGiven) {
  ConferenceChange change;
  ASSERT_TRUE(ApplySetting("acknowledge_time=now", kNow, &change).ok());
  EXPECT_EQ(TimeUtil::ToString(change.conference.acknowledge_time()), "2025-03-01T09:00:00Z");
}

TEST(ConferenceSettings, AcknowledgeTimeReadsRfc3339) {
  ConferenceChange change;
  ASSERT_TRUE(ApplySetting("acknowledge_time=2025-03-03T09:30:00+01:00", kNow, &change).ok());
  EXPECT_EQ(TimeUtil::ToString(change.conference.acknowledge_time()), "2025-03-03T08:30:00Z");
}

TEST(ConferenceSettings, MalformedTimeIsRefused) {
  ConferenceChange change;
  EXPECT_EQ(ApplySetting("acknowledge_time=yesterday", kNow, &change).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ConferenceSettings, CoordinatorTakesSubjectNameAndAgency) {
  ConferenceChange change;
  ASSERT_TRUE(ApplySetting("coordinator=coord-1, Chris Lee, fgc-service", kNow, &change).ok());
  EXPECT_EQ(change.conference.coordinator().subject(), "coord-1");
  EXPECT_EQ(change.conference.coordinator().display_name(), "Chris Lee");
  EXPECT_EQ(change.conference.coordinator().agency(), "fgc-service");
}

TEST(ConferenceSettings, CoordinatorNeedsASubject) {
  ConferenceChange change;
  EXPECT_FALSE(ApplySetting("coordinator=,Chris Lee", kNow, &change).ok());
}

TEST(ConferenceSettings, RepeatedFieldsAreNotSettable) {
  ConferenceChange change;
  absl::Status s = ApplySetting("children=Sam", kNow, &change);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("--from"), absl::string_view::npos) << s.message();
}

TEST(ConferenceSettings, SettingWithoutEqualsIsRefused) {
  ConferenceChange change;
  EXPECT_FALSE(ApplySetting("urgency", kNow, &change).ok());
}

TEST(ConferenceSettings, SamePathTwiceIsRefused) {
  ConferenceChange change;
  ASSERT_TRUE(ApplySetting("urgency=urgent", kNow, &change).ok());
  EXPECT_FALSE(ApplySetting("urgency=standard", kNow, &change).ok());
}

TEST(ConferenceSettings, MaskedFileGivesOnlyTheMaskedFields) {
  v1::Conference from;
  from.mutable_referral()->add_bottom_lines()->set_text("Jo must not be alone with Sam");
  from.mutable_referral()->set_concerns("not taken");
  from.add_children()->set_display_name("Sam");
  ConferenceChange change;
  ASSERT_TRUE(ApplyMaskedFile(from, "referral.bottom_lines, children", &change).ok());
  EXPECT_EQ(change.conference.referral().bottom_lines_size(), 1);
  EXPECT_EQ(change.conference.children_size(), 1);
  EXPECT_TRUE(change.conference.referral().concerns().empty());
  EXPECT_EQ(change.paths, (std::vector<std::string>{"referral.bottom_lines", "children"}));
}

TEST(ConferenceSettings, MaskNamingNoFieldIsRefused) {
  ConferenceChange change;
  EXPECT_FALSE(ApplyMaskedFile(v1::Conference(), "referral.colour", &change).ok());
  EXPECT_FALSE(ApplyMaskedFile(v1::Conference(), " , ", &change).ok());
}

TEST(ConferenceSettings, PathInMaskAndSetIsRefused) {
  v1::Conference from;
  from.set_urgency(v1::URGENCY_URGENT);
  ConferenceChange change;
  ASSERT_TRUE(ApplyMaskedFile(from, "urgency", &change).ok());
  EXPECT_FALSE(ApplySetting("urgency=standard", kNow, &change).ok());
}

}  // namespace
}  // namespace fgc::ctl
