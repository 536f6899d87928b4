#include "clients/fgcctl/plan_requests.h"

#include <gtest/gtest.h>

#include <fstream>

#include "clients/fgcctl/money_text.h"
#include "google/protobuf/util/time_util.h"

namespace fgc::ctl {
namespace {

using google::protobuf::util::TimeUtil;

const absl::Time kNow = absl::FromUnixSeconds(1740819600);  // 2025-03-01T09:00:00Z
const char kPlan[] = "tenants/t1/conferences/jones/plans/p1";
const char kVersion[] = "tenants/t1/conferences/jones/plans/p1/versions/2";

bool Contains(absl::string_view text, absl::string_view part) {
  return text.find(part) != absl::string_view::npos;
}

std::string WriteFile(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path) << text;
  return path;
}

TEST(PlanNames, PlanIdIsNamedInItsConference) {
  EXPECT_EQ(PlanNameArgument({.tenant = "t1", .conference = "jones", .plan = "p1"}).value(), kPlan);
  EXPECT_EQ(PlanNameArgument({.plan = kPlan}).value(), kPlan);
  EXPECT_FALSE(PlanNameArgument({.plan = "p1"}).ok());
}

TEST(PlanNames, VersionNumberIsNamedInItsPlan) {
  EXPECT_EQ(PlanVersionNameArgument({.plan = kPlan}, "2").value(), kVersion);
  EXPECT_EQ(PlanVersionNameArgument({}, kVersion).value(), kVersion);
}

TEST(PlanNames, VersionThatIsNotANumberOrHasNoPlanIsRefused) {
  auto word = PlanVersionNameArgument({.plan = kPlan}, "latest");
  ASSERT_FALSE(word.ok());
  EXPECT_TRUE(Contains(word.status().message(), "number")) << word.status();
  EXPECT_FALSE(PlanVersionNameArgument({.plan = kPlan}, "0").ok());
  auto alone = PlanVersionNameArgument({}, "2");
  ASSERT_FALSE(alone.ok());
  EXPECT_TRUE(Contains(alone.status().message(), "--plan")) << alone.status();
}

TEST(PlanNames, ResourceRequestIdIsNamedInItsPlan) {
  EXPECT_EQ(ResourceRequestNameArgument({.plan = kPlan}, "r-1").value(),
            "tenants/t1/conferences/jones/plans/p1/resourceRequests/r-1");
}

TEST(PlanNames, PlanOfAVersion) {
  EXPECT_EQ(PlanOf(kVersion), kPlan);
  EXPECT_EQ(PlanOf("tenants/t1/conferences/jones"), "");
}

TEST(Money, PoundsAndPenceAreMinorUnits) {
  auto money = ParseMoney("120.50", "GBP");
  ASSERT_TRUE(money.ok()) << money.status();
  EXPECT_EQ(money->currency_code(), "GBP");
  EXPECT_EQ(money->minor_units(), 12050);
  EXPECT_EQ(ParseMoney("120", "gbp")->minor_units(), 12000);
  EXPECT_EQ(ParseMoney("0.5", "EUR")->minor_units(), 50);
  EXPECT_EQ(ParseMoney("120", "gbp")->currency_code(), "GBP");
}

TEST(Money, CurrenciesWithoutOrWithThreeDecimals) {
  EXPECT_EQ(ParseMoney("1200", "JPY")->minor_units(), 1200);
  EXPECT_EQ(ParseMoney("1.250", "KWD")->minor_units(), 1250);
  auto yen = ParseMoney("12.50", "JPY");
  ASSERT_FALSE(yen.ok());
  EXPECT_TRUE(Contains(yen.status().message(), "no minor unit")) << yen.status();
}

TEST(Money, BadAmountsAreRefusedSayingWhatIsExpected) {
  for (const char* amount : {"-5", "1,200.00", "12.345", "£12", "12.", ".5", "", "1e3"}) {
    auto money = ParseMoney(amount, "GBP");
    ASSERT_FALSE(money.ok()) << amount;
    EXPECT_TRUE(Contains(money.status().message(), "like 120.50")) << money.status();
  }
  EXPECT_FALSE(ParseMoney("99999999999999999999", "GBP").ok());
  auto currency = ParseMoney("12", "pounds");
  ASSERT_FALSE(currency.ok());
  EXPECT_TRUE(Contains(currency.status().message(), "ISO 4217")) << currency.status();
}

TEST(Money, TextShowsTheCurrencysDecimals) {
  v1::Money money;
  money.set_currency_code("GBP");
  money.set_minor_units(12050);
  EXPECT_EQ(MoneyText(money), "GBP 120.50");
  money.set_minor_units(5);
  EXPECT_EQ(MoneyText(money), "GBP 0.05");
  money.set_currency_code("JPY");
  money.set_minor_units(1200);
  EXPECT_EQ(MoneyText(money), "JPY 1200");
}

TEST(ResourceRequestFlags, CostNeedsItsCurrency) {
  ResourceRequestFlags flags{.description = "Bus pass for Nan", .cost = "120.50"};
  auto alone = ResourceRequestFromFlags(flags);
  ASSERT_FALSE(alone.ok());
  EXPECT_TRUE(Contains(alone.status().message(), "--currency")) << alone.status();
  flags.currency = "GBP";
  flags.item_id = "nan-school";
  auto request = ResourceRequestFromFlags(flags);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->estimated_cost().minor_units(), 12050);
  EXPECT_EQ(request->item_id(), "nan-school");
}

TEST(ResourceRequestFlags, BadCostNamesTheFlag) {
  auto request = ResourceRequestFromFlags({.cost = "12,50", .currency = "GBP"});
  ASSERT_FALSE(request.ok());
  EXPECT_TRUE(Contains(request.status().message(), "--cost: \"12,50\"")) << request.status();
  EXPECT_FALSE(ResourceRequestFromFlags({.description = "Respite"})->has_estimated_cost());
}

TEST(PlanDraftChange, SetFillsTextAndTheReviewDate) {
  auto change =
      PlanDraftChangeFrom({"contingency=Sam goes to Nan's", "review_date=2025-06-30"}, "", "");
  ASSERT_TRUE(change.ok()) << change.status();
  EXPECT_EQ(change->draft.contingency(), "Sam goes to Nan's");
  EXPECT_EQ(change->draft.review_date().month(), 6);
  EXPECT_EQ(change->paths, (std::vector<std::string>{"contingency", "review_date"}));
}

TEST(PlanDraftChange, EmptyReviewDateClearsIt) {
  auto change = PlanDraftChangeFrom({"review_date="}, "", "");
  ASSERT_TRUE(change.ok()) << change.status();
  EXPECT_FALSE(change->draft.has_review_date());
  EXPECT_EQ(change->paths, std::vector<std::string>{"review_date"});
}

TEST(PlanDraftChange, BadDateAndItemsBySetAreRefused) {
  auto date = PlanDraftChangeFrom({"review_date=30/06/2025"}, "", "");
  ASSERT_FALSE(date.ok());
  EXPECT_TRUE(Contains(date.status().message(), "YYYY-MM-DD")) << date.status();
  auto items = PlanDraftChangeFrom({"items=Nan helps"}, "", "");
  ASSERT_FALSE(items.ok());
  EXPECT_TRUE(Contains(items.status().message(), "--from FILE --mask")) << items.status();
  EXPECT_FALSE(PlanDraftChangeFrom({}, "", "").ok());
}

TEST(PlanDraftChange, MaskTakesItemsFromTheFileAndStarTakesAll) {
  const std::string file = WriteFile(
      "content.json", R"({"familyWords": "Ours", "items": [{"itemId": "a", "what": "Walk"}]})");
  auto items = PlanDraftChangeFrom({}, file, "items");
  ASSERT_TRUE(items.ok()) << items.status();
  EXPECT_EQ(items->draft.items(0).what(), "Walk");
  EXPECT_EQ(items->draft.family_words(), "");
  auto all = PlanDraftChangeFrom({}, file, "*");
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(all->draft.family_words(), "Ours");
  EXPECT_EQ(all->paths, std::vector<std::string>{"*"});
  EXPECT_FALSE(PlanDraftChangeFrom({"monitoring=x"}, file, "*").ok());
}

TEST(MemberDecisionFlags, MemberIdIsInTheVersionsConference) {
  auto d = MemberDecisionFromFlags(kVersion, "aunt", "agree-with-reservations", "Weekends only");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->member(), "tenants/t1/conferences/jones/members/aunt");
  EXPECT_EQ(d->agreement(), v1::MEMBER_AGREEMENT_AGREE_WITH_RESERVATIONS);
  auto maybe = MemberDecisionFromFlags(kVersion, "aunt", "maybe", "");
  ASSERT_FALSE(maybe.ok());
  EXPECT_TRUE(Contains(maybe.status().message(), "--agreement")) << maybe.status();
}

ReferrerDecisionFlags Decline() {
  ReferrerDecisionFlags flags{.outcome = "decline",
                              .reasons = "Sam would be alone at night",
                              .risk = "Neglect",
                              .authorised_by = "mgr-ash,Ash Patel"};
  flags.power.statute = "Children Act 1989";
  flags.power.section = "s.31";
  flags.power.told = "in-person";
  return flags;
}

TEST(ReferrerDecisionFlags, DeclineCarriesItsPowerRecord) {
  auto d = ReferrerDecisionFromFlags(Decline(), kNow);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->outcome(), v1::REFERRER_OUTCOME_DECLINED);
  EXPECT_EQ(d->remaining_risk(), "Neglect");
  EXPECT_EQ(d->legal_basis().section(), "s.31");
  EXPECT_EQ(d->authorising_officer().display_name(), "Ash Patel");
  EXPECT_EQ(d->family_told().method(), v1::TELL_METHOD_IN_PERSON);
  EXPECT_EQ(TimeUtil::ToString(d->family_told().tell_time()), "2025-03-01T09:00:00Z");
  EXPECT_EQ(ToldRetryFlag(Decline().power, d->family_told()),
            " --told in-person@2025-03-01T09:00:00Z");
}

TEST(ReferrerDecisionFlags, OutcomeWordsAndMoreTimeDeadline) {
  ReferrerDecisionFlags flags{.outcome = "more-time", .deadline = "2025-04-01T17:00:00Z"};
  auto d = ReferrerDecisionFromFlags(flags, kNow);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->outcome(), v1::REFERRER_OUTCOME_MORE_TIME);
  EXPECT_EQ(TimeUtil::ToString(d->revision_deadline()), "2025-04-01T17:00:00Z");
  EXPECT_FALSE(d->has_legal_basis());
  EXPECT_FALSE(d->has_family_told());
  EXPECT_EQ(ReferrerDecisionFromFlags({.outcome = "accepted"}, kNow)->outcome(),
            v1::REFERRER_OUTCOME_ACCEPTED);
  auto reject = ReferrerDecisionFromFlags({.outcome = "reject"}, kNow);
  ASSERT_FALSE(reject.ok());
  EXPECT_TRUE(Contains(reject.status().message(),
                       "--outcome: \"reject\" is not one of: accept, "
                       "decline, more-time"))
      << reject.status();
  EXPECT_FALSE(ReferrerDecisionFromFlags({.outcome = "more-time", .deadline = "April"}, kNow).ok());
}

TEST(ResourceDecisionFlags, PartAgreedWithTheDeciderAndAgreedCost) {
  ResourceDecisionFlags flags{.outcome = "agree-in-part",
                              .details = "Half the fares",
                              .agreed_cost = "60",
                              .currency = "GBP",
                              .reasons = "Budget",
                              .decider_name = "Ash Patel",
                              .authority_level = "Team manager"};
  flags.power.not_told = "At Friday's visit";
  auto d = ResourceDecisionFromFlags(flags, kNow);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->outcome(), v1::RESOURCE_OUTCOME_AGREED_IN_PART);
  EXPECT_EQ(d->agreed_cost().minor_units(), 6000);
  EXPECT_EQ(d->decider().display_name(), "Ash Patel");
  EXPECT_FALSE(d->family_told().told());
  EXPECT_EQ(d->family_told().not_told_reason(), "At Friday's visit");
  EXPECT_EQ(ToldRetryFlag(flags.power, d->family_told()), "");
}

TEST(ResourceDecisionFlags, ToldAndNotToldTogetherAreRefused) {
  ResourceDecisionFlags flags{.outcome = "decline"};
  flags.power.told = "letter";
  flags.power.not_told = "later";
  EXPECT_EQ(ResourceDecisionFromFlags(flags, kNow).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ProgressFlags, StatusAndObservedTime) {
  auto r = ProgressReportFromFlags(
      {.item_id = "nan-school", .status = "in-progress", .reported_by = "Nan", .observed = "now"},
      kNow);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->status(), v1::PROGRESS_STATUS_IN_PROGRESS);
  EXPECT_EQ(TimeUtil::ToString(r->observe_time()), "2025-03-01T09:00:00Z");
  auto bad = ProgressReportFromFlags({.status = "finished"}, kNow);
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(Contains(bad.status().message(), "--status")) << bad.status();
}

TEST(Professional, NameAndEmail) {
  auto p = ParseProfessional(" Dr Asha Rao <a.rao@example.org> ");
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->display_name(), "Dr Asha Rao");
  EXPECT_EQ(p->email(), "a.rao@example.org");
  EXPECT_FALSE(ParseProfessional("a.rao@example.org").ok());
  EXPECT_FALSE(ParseProfessional("Asha <not an address>").ok());
}

}  // namespace
}  // namespace fgc::ctl
