#include "services/ledger/entry/consent_decision.h"

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "services/ledger/entry/entry_time.h"
#include "services/ledger/entry/ledger_names.h"
#include "services/ledger/entry/test_entries.h"

namespace fgc::ledger {
namespace {

using testing::kConference;
using testing::kFather;
using testing::kMother;
using testing::kSubject;
using testing::TestNow;

constexpr auto kContact = v1::CONSENT_PURPOSE_CONTACT_NETWORK;

// Minutes relative to TestNow().
absl::Time At(int minutes) { return TestNow() + absl::Minutes(minutes); }

// A tenant's log for one conference and child, built in order; each entry occurs at the time
// given and is recorded one second later.
class Log {
 public:
  // A consent given (or refused) by `member` ("" for a grantor named only by display name).
  int Given(std::string member, int minutes, std::optional<int> expire = std::nullopt,
            std::optional<int> effective = std::nullopt, v1::ConsentPurpose purpose = kContact) {
    v1::LedgerEntry entry = testing::ValidConsent();
    entry.mutable_consent()->mutable_grantor()->set_member(member);
    entry.mutable_consent()->set_purpose(purpose);
    if (expire) *entry.mutable_consent()->mutable_expire_time() = ToTimestamp(At(*expire));
    if (effective) *entry.mutable_consent()->mutable_effective_time() = ToTimestamp(At(*effective));
    return Append(std::move(entry), minutes);
  }
  int Refused(std::string member, int minutes) {
    v1::LedgerEntry entry = testing::ValidConsent();
    entry.set_kind(v1::LEDGER_ENTRY_KIND_CONSENT_REFUSED);
    entry.mutable_consent()->mutable_grantor()->set_member(member);
    return Append(std::move(entry), minutes);
  }
  int Withdrawn(int consent, int minutes) {
    v1::LedgerEntry entry = entries_[consent];
    entry.set_kind(v1::LEDGER_ENTRY_KIND_CONSENT_WITHDRAWN);
    entry.set_supersedes(entries_[consent].name());
    return Append(std::move(entry), minutes);
  }
  int Power(int minutes, std::optional<int> expire = std::nullopt,
            v1::PowerKind kind = v1::POWER_KIND_PROCEED_WITHOUT_CONSENT,
            v1::ConsentPurpose purpose = kContact) {
    v1::LedgerEntry entry = testing::ValidPower();
    entry.mutable_power()->set_power(kind);
    entry.mutable_power()->set_overridden_purpose(purpose);
    if (expire) *entry.mutable_power()->mutable_expire_time() = ToTimestamp(At(*expire));
    return Append(std::move(entry), minutes);
  }
  int PowerEnded(int power, int minutes) {
    v1::LedgerEntry entry = entries_[power];
    entry.set_kind(v1::LEDGER_ENTRY_KIND_POWER_ENDED);
    entry.set_supersedes(entries_[power].name());
    return Append(std::move(entry), minutes);
  }
  v1::LedgerEntry& at(int index) { return entries_[index]; }

  static std::string Name(int index) { return FormatEntryName("t1", index); }
  const std::vector<v1::LedgerEntry>& entries() const { return entries_; }

 private:
  int Append(v1::LedgerEntry entry, int minutes) {
    const int index = static_cast<int>(entries_.size());
    entry.set_index(index);
    entry.set_name(Name(index));
    *entry.mutable_occur_time() = ToTimestamp(At(minutes));
    *entry.mutable_record_time() = ToTimestamp(At(minutes) + absl::Seconds(1));
    entries_.push_back(std::move(entry));
    return index;
  }
  std::vector<v1::LedgerEntry> entries_;
};

struct Case {
  std::string name;
  std::function<void(Log&)> build;
  int at_minutes = 0;
  std::string grantor;  // empty: every grantor
  bool allowed = false;
  v1::ConsentCheckResult result = v1::CONSENT_CHECK_RESULT_UNSPECIFIED;
  int entry = -1;  // the deciding entry's index; -1 for none
  std::optional<int> expire_minutes;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

ConsentDecision Evaluate(const Log& log, const Case& c) {
  return EvaluateConsent(log.entries(),
                         {kConference, kSubject, kContact, c.grantor, At(c.at_minutes)});
}

class ConsentDecisionTable : public ::testing::TestWithParam<Case> {};

TEST_P(ConsentDecisionTable, Decides) {
  const Case& c = GetParam();
  Log log;
  c.build(log);
  const ConsentDecision decision = Evaluate(log, c);
  EXPECT_EQ(decision.allowed, c.allowed);
  EXPECT_EQ(v1::ConsentCheckResult_Name(decision.result), v1::ConsentCheckResult_Name(c.result));
  EXPECT_EQ(decision.entry, c.entry < 0 ? "" : Log::Name(c.entry));
  ASSERT_EQ(decision.expire_time.has_value(), c.expire_minutes.has_value());
  if (c.expire_minutes) {
    EXPECT_EQ(*decision.expire_time, At(*c.expire_minutes));
  }
}

using R = v1::ConsentCheckResult;
constexpr R kGiven = v1::CONSENT_CHECK_RESULT_CONSENT_GIVEN;
constexpr R kPower = v1::CONSENT_CHECK_RESULT_POWER_IN_FORCE;
constexpr R kNone = v1::CONSENT_CHECK_RESULT_NO_CONSENT;
constexpr R kRefused = v1::CONSENT_CHECK_RESULT_REFUSED;
constexpr R kWithdrawn = v1::CONSENT_CHECK_RESULT_WITHDRAWN;
constexpr R kExpired = v1::CONSENT_CHECK_RESULT_EXPIRED;

std::vector<Case> Cases() {
  return {
      {"EmptyLogHasNoConsent", [](Log&) {}, 0, "", false, kNone, -1},
      {"ConsentGivenStands", [](Log& l) { l.Given(kMother, -60); }, 0, "", true, kGiven, 0},
      {"ConsentForAnotherPurposeDoesNotCount",
       [](Log& l) { l.Given(kMother, -60, {}, {}, v1::CONSENT_PURPOSE_REFERRAL); }, 0, "", false,
       kNone, -1},
      {"EntriesAboutAnotherChildDoNotCount",
       [](Log& l) {
         l.Given(kMother, -60);
         l.at(l.Refused(kMother, -30)).set_subject("tenants/t1/conferences/c1/children/k2");
       },
       0, "", true, kGiven, 0},
      {"RefusalAfterConsentRefuses",
       [](Log& l) {
         l.Given(kMother, -60);
         l.Refused(kMother, -30);
       },
       0, "", false, kRefused, 1},
      {"ConsentAfterRefusalStands",
       [](Log& l) {
         l.Refused(kMother, -60);
         l.Given(kMother, -30);
       },
       0, "", true, kGiven, 1},
      {"WithdrawalWithdraws", [](Log& l) { l.Withdrawn(l.Given(kMother, -60), -30); }, 0, "", false,
       kWithdrawn, 1},
      {"ConsentAgainAfterWithdrawalStands",
       [](Log& l) {
         l.Withdrawn(l.Given(kMother, -60), -30);
         l.Given(kMother, -10);
       },
       0, "", true, kGiven, 2},
      {"ConsentHoldsUntilJustBeforeExpiry", [](Log& l) { l.Given(kMother, -60, 60); }, 59, "", true,
       kGiven, 0, 60},
      {"ConsentLapsesAtExpiry", [](Log& l) { l.Given(kMother, -60, 60); }, 60, "", false, kExpired,
       0},
      {"ConsentNotYetEffectiveSaysWhenItWillBe", [](Log& l) { l.Given(kMother, -60, {}, 30); }, 0,
       "", false, kExpired, 0, 30},
      {"ConsentTakesEffectAtEffectiveTime", [](Log& l) { l.Given(kMother, -60, {}, 30); }, 30, "",
       true, kGiven, 0},
      {"AnyGrantorsRefusalBlocksWhenNoGrantorAsked",
       [](Log& l) {
         l.Given(kMother, -60);
         l.Refused(kFather, -30);
       },
       0, "", false, kRefused, 1},
      {"OnlyTheAskedGrantorCounts",
       [](Log& l) {
         l.Given(kMother, -60);
         l.Refused(kFather, -30);
       },
       0, kMother, true, kGiven, 0},
      {"AskedGrantorWithoutEntriesHasNoConsent", [](Log& l) { l.Given(kMother, -60); }, 0, kFather,
       false, kNone, -1},
      {"OtherGrantorsWithdrawalBlocks",
       [](Log& l) {
         l.Given(kMother, -60);
         l.Withdrawn(l.Given(kFather, -50), -40);
       },
       0, "", false, kWithdrawn, 2},
      {"ExpiredConsentOfOneGrantorDoesNotBlockAnother",
       [](Log& l) {
         l.Given(kMother, -60, -30);
         l.Given(kFather, -50);
       },
       0, "", true, kGiven, 1},
      {"LongestHoldingConsentDecides",
       [](Log& l) {
         l.Given(kMother, -60, 120);
         l.Given(kFather, -50);
         l.Given("tenants/t1/conferences/c1/members/gran", -40, 60);
       },
       0, "", true, kGiven, 1},
      {"AnonymousGrantorsDoNotReplaceEachOther",
       [](Log& l) {
         l.Refused("", -60);
         l.Given("", -30);
       },
       0, "", false, kRefused, 0},
      {"AnonymousConsentWithdrawn", [](Log& l) { l.Withdrawn(l.Given("", -60), -30); }, 0, "",
       false, kWithdrawn, 1},
      {"CorrectionReplacesTheEntryItSupersedes",
       [](Log& l) {
         l.Given(kMother, -60);
         const int fix = l.Given("", -30, -10);
         l.at(fix).set_supersedes(Log::Name(0));
       },
       0, "", false, kExpired, 1},
      {"PowerInForceCoversNoConsent", [](Log& l) { l.Power(-60); }, 0, "", true, kPower, 0},
      {"PowerInForceCoversRefusal",
       [](Log& l) {
         l.Refused(kMother, -60);
         l.Power(-30);
       },
       0, "", true, kPower, 1},
      {"ConsentIsPreferredToPower",
       [](Log& l) {
         l.Power(-60);
         l.Given(kMother, -30);
       },
       0, "", true, kGiven, 1},
      {"EndedPowerNoLongerCovers", [](Log& l) { l.PowerEnded(l.Power(-60), -30); }, 0, "", false,
       kNone, -1},
      {"EndedPowerLeavesTheRefusal",
       [](Log& l) {
         l.Refused(kMother, -90);
         l.PowerEnded(l.Power(-60), -30);
       },
       0, "", false, kRefused, 0},
      {"PowerHoldsUntilJustBeforeExpiry", [](Log& l) { l.Power(-60, 30); }, 29, "", true, kPower, 0,
       30},
      {"PowerLapsesAtExpiry", [](Log& l) { l.Power(-60, 30); }, 30, "", false, kNone, -1},
      {"PowerForAnotherPurposeDoesNotCover",
       [](Log& l) {
         l.Power(-60, {}, v1::POWER_KIND_PROCEED_WITHOUT_CONSENT, v1::CONSENT_PURPOSE_REFERRAL);
       },
       0, "", false, kNone, -1},
      {"OtherPowersDoNotCover",
       [](Log& l) { l.Power(-60, {}, v1::POWER_KIND_RESTRICT_PARTICIPATION); }, 0, "", false, kNone,
       -1},
      {"LongestHoldingPowerDecides",
       [](Log& l) {
         l.Power(-60);
         l.Power(-30, 60);
       },
       0, "", true, kPower, 0},
      {"PastInstantAnswersAsTheLogStoodThen",
       [](Log& l) { l.Withdrawn(l.Given(kMother, -60), -30); }, -45, "", true, kGiven, 0},
      {"EntryCountsOnlyOnceRecorded", [](Log& l) { l.Given(kMother, -60); }, -60, "", false, kNone,
       -1},
  };
}

INSTANTIATE_TEST_SUITE_P(EvaluateConsent, ConsentDecisionTable, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return info.param.name;
                         });

TEST(WithdrawableConsents, ListsConsentsGivenNotWithdrawnNotExpired) {
  Log log;
  const int standing = log.Given(kMother, -60);
  log.Withdrawn(log.Given(kFather, -50), -40);
  log.Given("tenants/t1/conferences/c1/members/gran", -30, -10);
  const int future = log.Given("tenants/t1/conferences/c1/members/aunt", -20, {}, 60);
  log.Refused("tenants/t1/conferences/c1/members/uncle", -10);
  EXPECT_EQ(WithdrawableConsents(log.entries(), At(0)),
            (std::vector<std::string>{Log::Name(standing), Log::Name(future)}));
}

}  // namespace
}  // namespace fgc::ledger
