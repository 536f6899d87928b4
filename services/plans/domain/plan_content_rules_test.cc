#include "services/plans/domain/plan_content_rules.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/base/errors.h"
#include "gtest/gtest.h"

namespace fgc::plans {
namespace {

constexpr char kConference[] = "tenants/t1/conferences/c1";
constexpr char kNan[] = "tenants/t1/conferences/c1/members/nan";

ContentContext Context() { return {kConference, {"no-contact", "school"}}; }

google::type::Date Date(int year, int month, int day) {
  google::type::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

v1::PlanContent Valid() {
  v1::PlanContent c;
  c.set_family_words("Sam stays with Nan on school nights.\nMum visits at weekends.");
  v1::PlanItem* collect = c.add_items();
  collect->set_item_id("item-1");
  collect->set_what("Nan collects Sam from school");
  collect->set_who("Nan");
  collect->add_responsible_members(kNan);
  *collect->mutable_due_date() = Date(2025, 3, 3);
  collect->set_timing("every weekday");
  collect->set_how_we_will_know("The school's register");
  collect->add_bottom_line_ids("school");
  c.add_items()->set_what("Family meeting every month");  // no id yet: assigned on submission
  c.set_contingency("If Nan is ill, Uncle Joe collects Sam.");
  c.set_monitoring("Aunt Mia calls every Sunday.");
  v1::BottomLineResponse* response = c.add_bottom_line_responses();
  response->set_bottom_line_id("school");
  response->set_response("Sam goes to school every day.");
  response->add_item_ids("item-1");
  *c.mutable_review_date() = Date(2025, 6, 2);
  c.set_language_code("en");
  return c;
}

std::set<std::string> BadFields(const absl::Status& status) {
  std::set<std::string> fields;
  if (std::optional<ErrorDetails> details = DetailsOf(status)) {
    for (const FieldViolation& v : details->field_violations) fields.insert(v.field);
  }
  return fields;
}

absl::Status Validate(const v1::PlanContent& c) { return ValidateContent(c, Context(), "draft"); }

std::string Repeated(std::string_view text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

TEST(ValidateContent, AcceptsACompletePlan) {
  EXPECT_TRUE(Validate(Valid()).ok()) << Validate(Valid());
}

TEST(ValidateContent, AcceptsAnEmptyDraft) { EXPECT_TRUE(Validate(v1::PlanContent()).ok()); }

TEST(ValidateContent, ReportsEveryBadFieldAtOnceUnderTheGivenPrefix) {
  v1::PlanContent c = Valid();
  c.mutable_items(0)->set_what("");
  c.mutable_items(1)->set_who(std::string(501, 'x'));
  *c.mutable_items(1)->mutable_due_date() = Date(2025, 2, 29);
  c.set_language_code("english!");
  const absl::Status status = ValidateContent(c, Context(), "plan.draft");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DetailsOf(status)->reason, "INVALID_FIELD");
  EXPECT_EQ(BadFields(status),
            (std::set<std::string>{"plan.draft.items[0].what", "plan.draft.items[1].who",
                                   "plan.draft.items[1].due_date", "plan.draft.language_code"}));
}

TEST(ValidateContent, EmptyPrefixGivesPathsWithinTheContent) {
  v1::PlanContent c = Valid();
  c.mutable_items(0)->set_what("");
  EXPECT_EQ(BadFields(ValidateContent(c, Context(), "")), std::set<std::string>{"items[0].what"});
}

TEST(ValidateContent, CountsLimitsInCharactersNotBytes) {
  v1::PlanContent c = Valid();
  c.set_family_words(Repeated("ł", 50000));  // 100,000 bytes
  EXPECT_TRUE(Validate(c).ok());
  c.set_family_words(Repeated("ł", 50001));
  EXPECT_EQ(BadFields(Validate(c)), std::set<std::string>{"draft.family_words"});
}

TEST(ValidateContent, EachTextHasItsLimit) {
  v1::PlanContent c = Valid();
  c.mutable_items(0)->set_what(std::string(2001, 'x'));
  c.mutable_items(0)->set_timing(std::string(501, 'x'));
  c.mutable_items(0)->set_how_we_will_know(std::string(2001, 'x'));
  c.set_contingency(std::string(10001, 'x'));
  c.set_monitoring(std::string(5001, 'x'));
  c.mutable_bottom_line_responses(0)->set_response(std::string(5001, 'x'));
  EXPECT_EQ(BadFields(Validate(c)),
            (std::set<std::string>{"draft.items[0].what", "draft.items[0].timing",
                                   "draft.items[0].how_we_will_know", "draft.contingency",
                                   "draft.monitoring", "draft.bottom_line_responses[0].response"}));
}

TEST(ValidateContent, AllowsLineBreaksOnlyInFreeText) {
  v1::PlanContent c = Valid();
  c.mutable_items(0)->set_how_we_will_know("The register.\nAnd Nan's diary.");
  EXPECT_TRUE(Validate(c).ok());
  c.mutable_items(0)->set_who("Nan\nand Joe");
  c.mutable_items(0)->set_timing("weekdays\t");
  c.set_contingency("Uncle Joe\x1b[31m");
  EXPECT_EQ(
      BadFields(Validate(c)),
      (std::set<std::string>{"draft.items[0].who", "draft.items[0].timing", "draft.contingency"}));
}

TEST(ValidateContent, RefusesMalformedUtf8) {
  v1::PlanContent c = Valid();
  c.set_monitoring("Mia\xff");
  EXPECT_EQ(BadFields(Validate(c)), std::set<std::string>{"draft.monitoring"});
}

TEST(ValidateContent, RefusesABlankWhat) {
  v1::PlanContent c = Valid();
  c.mutable_items(1)->set_what("  \n ");
  EXPECT_EQ(BadFields(Validate(c)), std::set<std::string>{"draft.items[1].what"});
}

TEST(ValidateContent, RefusesMoreThan200Items) {
  v1::PlanContent c;
  for (int i = 0; i < 200; ++i) c.add_items()->set_what("something");
  EXPECT_TRUE(Validate(c).ok());
  c.add_items()->set_what("one too many");
  EXPECT_EQ(BadFields(Validate(c)), std::set<std::string>{"draft.items"});
}

TEST(ValidateContent, RefusesMalformedAndRepeatedItemIds) {
  v1::PlanContent c = Valid();
  c.mutable_items(1)->set_item_id("item-1");
  c.add_items()->set_item_id("Item_3");
  c.mutable_items(2)->set_what("x");
  c.add_items()->set_item_id(std::string(64, 'a'));
  c.mutable_items(3)->set_what("x");
  EXPECT_EQ(BadFields(Validate(c)),
            (std::set<std::string>{"draft.items[1].item_id", "draft.items[2].item_id",
                                   "draft.items[3].item_id"}));
}

TEST(ValidateContent, ResponsibleMembersAreMembersOfThisConferenceListedOnce) {
  v1::PlanContent c = Valid();
  v1::PlanItem& item = *c.mutable_items(0);
  item.add_responsible_members("tenants/t1/conferences/c2/members/joe");  // [1] elsewhere
  item.add_responsible_members("tenants/t1/conferences/c1/members/Joe");  // [2] malformed
  item.add_responsible_members(kNan);                                     // [3] again
  item.add_responsible_members("tenants/t1/conferences/c1/members/joe");  // [4] fine
  EXPECT_EQ(BadFields(Validate(c)),
            (std::set<std::string>{"draft.items[0].responsible_members[1]",
                                   "draft.items[0].responsible_members[2]",
                                   "draft.items[0].responsible_members[3]"}));
}

TEST(ValidateContent, DatesAreWholeCalendarDates) {
  v1::PlanContent c = Valid();
  *c.mutable_items(0)->mutable_due_date() = Date(2024, 2, 29);  // a leap day
  *c.mutable_review_date() = Date(2025, 6, 0);                  // no day
  EXPECT_EQ(BadFields(Validate(c)), std::set<std::string>{"draft.review_date"});
  *c.mutable_review_date() = Date(2025, 13, 1);
  EXPECT_EQ(BadFields(Validate(c)), std::set<std::string>{"draft.review_date"});
  *c.mutable_review_date() = Date(0, 0, 0);  // unset
  EXPECT_TRUE(Validate(c).ok());
}

TEST(ValidateContent, ItemBottomLinesAreTheReferralsListedOnce) {
  v1::PlanContent c = Valid();
  c.mutable_items(0)->add_bottom_line_ids("no-drinking");  // [1] unknown
  c.mutable_items(0)->add_bottom_line_ids("school");       // [2] again
  EXPECT_EQ(BadFields(Validate(c)), (std::set<std::string>{"draft.items[0].bottom_line_ids[1]",
                                                           "draft.items[0].bottom_line_ids[2]"}));
}

TEST(ValidateContent, EachBottomLineIsAnsweredOnceByKnownId) {
  v1::PlanContent c = Valid();
  v1::BottomLineResponse* again = c.add_bottom_line_responses();
  again->set_bottom_line_id("school");
  again->set_response("Again");
  v1::BottomLineResponse* unknown = c.add_bottom_line_responses();
  unknown->set_bottom_line_id("no-drinking");
  unknown->set_response("Nobody drinks");
  v1::BottomLineResponse* empty = c.add_bottom_line_responses();
  empty->set_response("For nothing");
  EXPECT_EQ(BadFields(Validate(c)),
            (std::set<std::string>{"draft.bottom_line_responses[1].bottom_line_id",
                                   "draft.bottom_line_responses[2].bottom_line_id",
                                   "draft.bottom_line_responses[3].bottom_line_id"}));
}

TEST(ValidateContent, BottomLineResponsesNameItemsOfThisPlan) {
  v1::PlanContent c = Valid();
  c.mutable_bottom_line_responses(0)->add_item_ids("item-9");
  c.mutable_bottom_line_responses(0)->add_item_ids("item-1");
  EXPECT_EQ(BadFields(Validate(c)),
            (std::set<std::string>{"draft.bottom_line_responses[0].item_ids[1]",
                                   "draft.bottom_line_responses[0].item_ids[2]"}));
}

TEST(ValidateContent, LanguageIsABcp47Tag) {
  v1::PlanContent c = Valid();
  c.set_language_code("pt-BR");
  EXPECT_TRUE(Validate(c).ok());
  c.set_language_code("p");
  EXPECT_EQ(BadFields(Validate(c)), std::set<std::string>{"draft.language_code"});
}

TEST(ValidateForSubmission, AcceptsAPlanThatSaysSomething) {
  EXPECT_TRUE(ValidateForSubmission(Valid(), Context()).ok());
  v1::PlanContent words_only;
  words_only.set_family_words("We will keep Sam safe.");
  EXPECT_TRUE(ValidateForSubmission(words_only, Context()).ok());
  v1::PlanContent one_item;
  one_item.add_items()->set_what("Nan collects Sam");
  EXPECT_TRUE(ValidateForSubmission(one_item, Context()).ok());
}

TEST(ValidateForSubmission, EmptyPlanIsInvalidField) {
  v1::PlanContent c;
  c.set_family_words("   ");
  c.set_contingency("Uncle Joe");
  const absl::Status status = ValidateForSubmission(c, Context());
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DetailsOf(status)->reason, "INVALID_FIELD");
  EXPECT_EQ(BadFields(status), std::set<std::string>{"draft"});
}

TEST(ValidateForSubmission, ChecksTheContentUnderDraft) {
  v1::PlanContent c = Valid();
  c.mutable_items(0)->add_bottom_line_ids("unknown");
  EXPECT_EQ(BadFields(ValidateForSubmission(c, Context())),
            std::set<std::string>{"draft.items[0].bottom_line_ids[1]"});
}

TEST(IsMemberName, AcceptsOnlyMembersOfTheConference) {
  EXPECT_TRUE(IsMemberName(kNan, kConference));
  EXPECT_TRUE(
      IsMemberName("tenants/t1/conferences/c1/members/a" + std::string(62, '-'), kConference));
  EXPECT_FALSE(
      IsMemberName("tenants/t1/conferences/c1/members/a" + std::string(63, '-'), kConference));
  EXPECT_FALSE(IsMemberName("tenants/t1/conferences/c1/members/1nan", kConference));
  EXPECT_FALSE(IsMemberName("tenants/t1/conferences/c1/members/", kConference));
  EXPECT_FALSE(IsMemberName("tenants/t1/conferences/c1/members/nan/x", kConference));
  EXPECT_FALSE(IsMemberName("tenants/t1/conferences/c10/members/nan", kConference));
  EXPECT_FALSE(IsMemberName("/members/nan", ""));
}

TEST(AssignItemIds, GivesEachItemWithoutAnIdTheSmallestFreeNumber) {
  v1::PlanContent c;
  for (const char* id : {"", "item-1", "", "item-3", ""}) c.add_items()->set_item_id(id);
  AssignItemIds(c);
  std::vector<std::string> ids;
  for (const v1::PlanItem& item : c.items()) ids.push_back(item.item_id());
  EXPECT_EQ(ids, (std::vector<std::string>{"item-2", "item-1", "item-4", "item-3", "item-5"}));
}

TEST(AssignItemIds, KeepsIdsAlreadyAssigned) {
  v1::PlanContent c = Valid();
  c.mutable_items(1)->set_item_id("monthly-meeting");
  const v1::PlanContent before = c;
  AssignItemIds(c);
  EXPECT_EQ(c.SerializeAsString(), before.SerializeAsString());
}

TEST(ValidateDraftMask, AcceptsEachDraftField) {
  for (const char* path : {"family_words", "items", "contingency", "monitoring",
                           "bottom_line_responses", "review_date", "language_code"}) {
    EXPECT_TRUE(ValidateDraftMask({path}).ok()) << path;
  }
  EXPECT_TRUE(ValidateDraftMask({"items", "review_date"}).ok());
}

TEST(ValidateDraftMask, AcceptsStarAlone) { EXPECT_TRUE(ValidateDraftMask({"*"}).ok()); }

TEST(ValidateDraftMask, EmptyMaskIsInvalidUpdateMask) {
  const absl::Status status = ValidateDraftMask({});
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DetailsOf(status)->reason, "INVALID_UPDATE_MASK");
}

TEST(ValidateDraftMask, NamesTheFirstBadPath) {
  const absl::Status status = ValidateDraftMask({"items", "review_date.year", "state"});
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DetailsOf(status)->reason, "INVALID_UPDATE_MASK");
  EXPECT_EQ(BadFields(status), std::set<std::string>{"update_mask.paths[1]"});
}

TEST(ValidateDraftMask, StarWithOtherPathsIsRefused) {
  const absl::Status status = ValidateDraftMask({"items", "*"});
  EXPECT_EQ(DetailsOf(status)->reason, "INVALID_UPDATE_MASK");
  EXPECT_EQ(BadFields(status), std::set<std::string>{"update_mask.paths[1]"});
}

TEST(ApplyDraftMask, ChangesOnlyTheNamedFields) {
  v1::PlanContent to = Valid();
  v1::PlanContent from;
  from.set_contingency("Uncle Joe collects Sam.");
  from.set_monitoring("not to be copied");
  ApplyDraftMask({"contingency"}, from, to);
  v1::PlanContent expected = Valid();
  expected.set_contingency("Uncle Joe collects Sam.");
  EXPECT_EQ(to.SerializeAsString(), expected.SerializeAsString());
}

TEST(ApplyDraftMask, ReplacesRepeatedFieldsWhole) {
  v1::PlanContent to = Valid();
  v1::PlanContent from;
  from.add_items()->set_what("Only this");
  ApplyDraftMask({"items", "bottom_line_responses"}, from, to);
  ASSERT_EQ(to.items_size(), 1);
  EXPECT_EQ(to.items(0).what(), "Only this");
  EXPECT_EQ(to.bottom_line_responses_size(), 0);
}

TEST(ApplyDraftMask, NamingAnUnsetReviewDateClearsIt) {
  v1::PlanContent to = Valid();
  ApplyDraftMask({"review_date"}, v1::PlanContent(), to);
  EXPECT_FALSE(to.has_review_date());
}

TEST(ApplyDraftMask, StarReplacesTheWholeDraft) {
  v1::PlanContent to = Valid();
  v1::PlanContent from;
  from.set_family_words("A new start");
  ApplyDraftMask({"*"}, from, to);
  EXPECT_EQ(to.SerializeAsString(), from.SerializeAsString());
}

}  // namespace
}  // namespace fgc::plans
