#include "services/ledger/entry/member_record.h"

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "services/ledger/entry/test_entries.h"

namespace fgc::ledger {
namespace {

using testing::kFather;
using testing::kMother;
using testing::kSubject;
using testing::TestNow;
using testing::ValidConsent;
using testing::ValidPower;

constexpr char kAunt[] = "tenants/t1/conferences/c1/members/aunt";

// Entries given their names in log order, as the ledger would.
class Log {
 public:
  Log& Add(v1::LedgerEntry entry) {
    entry.set_index(static_cast<int64_t>(entries_.size()));
    entry.set_name(absl::StrCat("tenants/t1/ledger/entries/", entries_.size()));
    entries_.push_back(std::move(entry));
    return *this;
  }
  const std::vector<v1::LedgerEntry>& entries() const { return entries_; }
  std::string Name(size_t i) const { return entries_[i].name(); }

  // The names in `holder`'s record, newest first.
  std::vector<std::string> RecordOf(const RecordHolder& holder) const {
    std::vector<std::string> names;
    for (size_t i : MemberRecord(entries_, holder)) names.push_back(entries_[i].name());
    return names;
  }

 private:
  std::vector<v1::LedgerEntry> entries_;
};

v1::LedgerEntry ConsentBy(const std::string& grantor) {
  v1::LedgerEntry e = ValidConsent();
  e.mutable_consent()->mutable_grantor()->set_member(grantor);
  return e;
}

v1::LedgerEntry PowerOn(const std::string& member, bool told) {
  v1::LedgerEntry e = ValidPower();
  e.mutable_power()->set_power(v1::POWER_KIND_RESTRICT_PARTICIPATION);
  e.mutable_power()->clear_overridden_purpose();
  e.mutable_power()->add_affected()->set_member(member);
  v1::FamilyTold* family_told = e.mutable_power()->mutable_family_told();
  family_told->Clear();
  family_told->set_told(told);
  if (!told) family_told->set_not_told_reason("Telling them now would put the child at risk");
  return e;
}

v1::LedgerEntry Ending(const std::string& target, bool told) {
  v1::LedgerEntry e = PowerOn(kAunt, told);
  e.set_kind(v1::LEDGER_ENTRY_KIND_POWER_ENDED);
  e.mutable_power()->clear_affected();
  e.set_supersedes(target);
  return e;
}

v1::LedgerEntry Withdrawal(const std::string& target, const std::string& grantor) {
  v1::LedgerEntry e = ConsentBy(grantor);
  e.set_kind(v1::LEDGER_ENTRY_KIND_CONSENT_WITHDRAWN);
  e.set_supersedes(target);
  return e;
}

TEST(MemberRecord, HoldsTheConsentsTheHolderGaveNewestFirst) {
  Log log;
  log.Add(ConsentBy(kMother)).Add(ConsentBy(kFather)).Add(ConsentBy(kMother));
  EXPECT_EQ(log.RecordOf({kMother, ""}), (std::vector{log.Name(2), log.Name(0)}));
}

TEST(MemberRecord, HoldsConsentsGivenToTheHolder) {
  Log log;
  v1::LedgerEntry to_aunt = ConsentBy(kMother);
  to_aunt.mutable_consent()->add_grantees()->set_member(kAunt);
  log.Add(to_aunt).Add(ConsentBy(kMother));
  EXPECT_EQ(log.RecordOf({kAunt, ""}), (std::vector{log.Name(0)}));
}

TEST(MemberRecord, HoldsAToldUseOfPowerOnTheHolder) {
  Log log;
  log.Add(PowerOn(kAunt, true)).Add(PowerOn(kFather, true));
  EXPECT_EQ(log.RecordOf({kAunt, ""}), (std::vector{log.Name(0)}));
}

TEST(MemberRecord, HoldsEverythingAboutTheChildForTheChild) {
  Log log;
  log.Add(ConsentBy(kMother)).Add(PowerOn(kFather, true));
  v1::LedgerEntry other_child = ConsentBy(kMother);
  other_child.set_subject("tenants/t1/conferences/c1/children/k2");
  log.Add(other_child);
  const std::string young_person = "tenants/t1/conferences/c1/members/sam";
  EXPECT_EQ(log.RecordOf({young_person, kSubject}), (std::vector{log.Name(1), log.Name(0)}));
  EXPECT_TRUE(log.RecordOf({young_person, ""}).empty());
}

TEST(MemberRecord, AWithdrawalFollowsTheConsentItWithdraws) {
  Log log;
  log.Add(ConsentBy(kMother)).Add(Withdrawal("tenants/t1/ledger/entries/0", ""));
  EXPECT_EQ(log.RecordOf({kMother, ""}), (std::vector{log.Name(1), log.Name(0)}));
}

TEST(MemberRecord, AnUntoldUseOfPowerIsLeftOut) {
  Log log;
  log.Add(PowerOn(kAunt, false));
  EXPECT_TRUE(log.RecordOf({kAunt, ""}).empty());
}

TEST(MemberRecord, AnUntoldUseOfPowerAppearsOnceAnEntrySupersedingItSaysTheyWereTold) {
  Log log;
  log.Add(PowerOn(kAunt, false));
  v1::LedgerEntry correction = PowerOn(kAunt, true);
  correction.set_supersedes(log.Name(0));
  log.Add(correction);
  EXPECT_EQ(log.RecordOf({kAunt, ""}), (std::vector{log.Name(1), log.Name(0)}));
}

TEST(MemberRecord, TheEndOfAnUntoldUseIsLeftOutUnlessItSaysTheyWereTold) {
  Log quiet;
  quiet.Add(PowerOn(kAunt, false)).Add(Ending("tenants/t1/ledger/entries/0", false));
  EXPECT_TRUE(quiet.RecordOf({kAunt, ""}).empty());

  Log told;
  told.Add(PowerOn(kAunt, false)).Add(Ending("tenants/t1/ledger/entries/0", true));
  EXPECT_EQ(told.RecordOf({kAunt, ""}), (std::vector{told.Name(1), told.Name(0)}));
}

TEST(MemberRecord, TheEndOfAToldUseIsShownEvenWithoutSayingSoAgain) {
  Log log;
  log.Add(PowerOn(kAunt, true));
  v1::LedgerEntry end = Ending(log.Name(0), false);
  end.mutable_power()->clear_family_told();
  log.Add(end);
  EXPECT_EQ(log.RecordOf({kAunt, ""}), (std::vector{log.Name(1), log.Name(0)}));
}

TEST(MemberRecord, OnlyConsentsTheHolderGaveAndMayStillWithdrawAreWithdrawable) {
  Log log;
  log.Add(ConsentBy(kMother))
      .Add(ConsentBy(kMother))
      .Add(ConsentBy(kFather))
      .Add(Withdrawal("tenants/t1/ledger/entries/1", kMother));
  v1::LedgerEntry expired = ConsentBy(kMother);
  *expired.mutable_consent()->mutable_expire_time() = google::protobuf::Timestamp();
  expired.mutable_consent()->mutable_expire_time()->set_seconds(absl::ToUnixSeconds(TestNow()));
  log.Add(expired);
  EXPECT_EQ(WithdrawableByHolder(log.entries(), {kMother, ""}, TestNow()),
            (std::vector{log.Name(0)}));
}

TEST(MemberRecord, OnlyTheGrantorMayWithdrawByToken) {
  EXPECT_TRUE(CheckHolderIsGrantor(ConsentBy(kMother), {kMother, ""}).ok());
  v1::LedgerEntry to_aunt = ConsentBy(kMother);
  to_aunt.mutable_consent()->add_grantees()->set_member(kAunt);
  for (const v1::LedgerEntry& e : {to_aunt, PowerOn(kAunt, true)}) {
    const absl::Status s = CheckHolderIsGrantor(e, {kAunt, ""});
    EXPECT_EQ(s.code(), absl::StatusCode::kPermissionDenied);
    EXPECT_EQ(DetailsOf(s)->reason, "RESOURCE_NOT_PERMITTED");
  }
  v1::LedgerEntry nameless = ConsentBy("");
  EXPECT_EQ(CheckHolderIsGrantor(nameless, {"", ""}).code(), absl::StatusCode::kPermissionDenied);
}

}  // namespace
}  // namespace fgc::ledger
