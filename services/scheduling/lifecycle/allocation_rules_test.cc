#include "services/scheduling/lifecycle/allocation_rules.h"

#include "common/base/errors.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/scheduling/lifecycle/test_conferences.h"

namespace fgc::scheduling {
namespace {

using ::testing::ElementsAre;
using testing::kChild;
using testing::kSibling;
using testing::PreconditionTypes;
using testing::ReasonOf;
using testing::Referred;

v1::Conference WithSiblings() {
  v1::Conference conference = Referred();
  v1::Child& sibling = *conference.add_children();
  sibling.set_name(kSibling);
  sibling.set_display_name("Alex");
  return conference;
}

TEST(ConsentBasis, ConsentGivenForEveryChildNamesTheFirstChildsEntry) {
  const absl::StatusOr<std::string> basis = ConsentBasis(
      WithSiblings(), {{kSibling, v1::CONSENT_CHECK_RESULT_CONSENT_GIVEN, "t/ledger/entries/2"},
                       {kChild, v1::CONSENT_CHECK_RESULT_CONSENT_GIVEN, "t/ledger/entries/1"}});
  ASSERT_TRUE(basis.ok()) << basis.status();
  EXPECT_EQ(*basis, "t/ledger/entries/1");
}

TEST(ConsentBasis, PowerInForceStandsInForConsent) {
  const absl::StatusOr<std::string> basis =
      ConsentBasis(Referred(), {{kChild, v1::CONSENT_CHECK_RESULT_POWER_IN_FORCE, "p/5"}});
  ASSERT_TRUE(basis.ok()) << basis.status();
  EXPECT_EQ(*basis, "p/5");
}

class RefusingVerdict : public ::testing::TestWithParam<v1::ConsentCheckResult> {};

TEST_P(RefusingVerdict, IsConsentRequiredNamingTheChild) {
  const absl::StatusOr<std::string> basis =
      ConsentBasis(Referred(), {{kChild, GetParam(), "t/ledger/entries/4"}});
  EXPECT_EQ(basis.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReasonOf(basis.status()), "CONSENT_REQUIRED");
  const std::optional<ErrorDetails> details = DetailsOf(basis.status());
  ASSERT_TRUE(details.has_value());
  ASSERT_EQ(details->precondition_violations.size(), 1u);
  EXPECT_EQ(details->precondition_violations[0].subject, kChild);
}

INSTANTIATE_TEST_SUITE_P(NotAllowed, RefusingVerdict,
                         ::testing::Values(v1::CONSENT_CHECK_RESULT_NO_CONSENT,
                                           v1::CONSENT_CHECK_RESULT_REFUSED,
                                           v1::CONSENT_CHECK_RESULT_WITHDRAWN,
                                           v1::CONSENT_CHECK_RESULT_EXPIRED,
                                           v1::CONSENT_CHECK_RESULT_UNSPECIFIED));

TEST(ConsentBasis, AChildWithoutAVerdictFailsClosed) {
  const absl::StatusOr<std::string> basis = ConsentBasis(
      WithSiblings(), {{kChild, v1::CONSENT_CHECK_RESULT_CONSENT_GIVEN, "t/ledger/entries/1"}});
  ASSERT_EQ(ReasonOf(basis.status()), "CONSENT_REQUIRED");
  EXPECT_EQ(DetailsOf(basis.status())->precondition_violations[0].subject, kSibling);
}

TEST(ConsentBasis, AnAllowingVerdictWithoutAnEntryFailsClosed) {
  const absl::StatusOr<std::string> basis =
      ConsentBasis(Referred(), {{kChild, v1::CONSENT_CHECK_RESULT_CONSENT_GIVEN, ""}});
  EXPECT_EQ(ReasonOf(basis.status()), "CONSENT_REQUIRED");
}

TEST(ConsentBasis, AVerdictForAnotherConferencesChildDoesNotCount) {
  const absl::StatusOr<std::string> basis =
      ConsentBasis(Referred(), {{"tenants/t1/conferences/c2/children/sam",
                                 v1::CONSENT_CHECK_RESULT_CONSENT_GIVEN, "t/ledger/entries/1"}});
  EXPECT_EQ(ReasonOf(basis.status()), "CONSENT_REQUIRED");
}

v1::StaffMember Coordinator(std::string subject, std::string agency) {
  v1::StaffMember coordinator = testing::IndependentCoordinator();
  coordinator.set_subject(std::move(subject));
  coordinator.set_agency(std::move(agency));
  return coordinator;
}

TEST(Independence, AnIndependentCoordinatorPasses) {
  EXPECT_TRUE(CheckCoordinatorIndependent(Referred().referral(), testing::IndependentCoordinator(),
                                          testing::CoordinatorActor())
                  .ok());
}

TEST(Independence, TheReferrerCannotCoordinate) {
  const absl::Status status = CheckCoordinatorIndependent(
      Referred().referral(), Coordinator(testing::kReferrerSubject, "fgc-service"),
      testing::CoordinatorActor());
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReasonOf(status), "COORDINATOR_NOT_INDEPENDENT");
  EXPECT_THAT(PreconditionTypes(status), ElementsAre("COORDINATOR_NOT_INDEPENDENT"));
}

TEST(Independence, SomeoneOfTheReferringAgencyCannotCoordinate) {
  const absl::Status status = CheckCoordinatorIndependent(
      Referred().referral(), Coordinator("colleague-9", "NorthShire-CS"),
      testing::CoordinatorActor());
  EXPECT_EQ(ReasonOf(status), "COORDINATOR_NOT_INDEPENDENT");
}

TEST(Independence, TheCallersAgencyClaimCountsWhenTheyNameThemselves) {
  v1::Actor caller = testing::ReferrerActor();
  caller.set_subject("colleague-9");  // a colleague at the referring agency allocating themselves
  const absl::Status status =
      CheckCoordinatorIndependent(Referred().referral(), Coordinator("colleague-9", ""), caller);
  EXPECT_EQ(ReasonOf(status), "COORDINATOR_NOT_INDEPENDENT");
}

TEST(Independence, TheCallersAgencyDoesNotCountForSomeoneElse) {
  // A manager of the referring agency may allocate an independent coordinator.
  const absl::Status status = CheckCoordinatorIndependent(
      Referred().referral(), testing::IndependentCoordinator(), testing::ReferrerActor());
  EXPECT_TRUE(status.ok()) << status;
}

}  // namespace
}  // namespace fgc::scheduling
