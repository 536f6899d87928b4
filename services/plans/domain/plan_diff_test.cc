#include "services/plans/domain/plan_diff.h"

#include <string>
#include <vector>

#include "common/base/field_violations.h"
#include "gtest/gtest.h"

namespace fgc::plans {
namespace {

google::type::Date Date(int year, int month, int day) {
  google::type::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

v1::PlanItem Item(const std::string& id, const std::string& what) {
  v1::PlanItem item;
  item.set_item_id(id);
  item.set_what(what);
  return item;
}

v1::PlanContent Version1() {
  v1::PlanContent c;
  c.set_family_words("Sam stays with Nan on school nights.");
  v1::PlanItem* collect = c.add_items();
  *collect = Item("item-1", "Nan collects Sam from school");
  *collect->mutable_due_date() = Date(2025, 3, 3);
  collect->add_responsible_members("tenants/t1/conferences/c1/members/nan");
  *c.add_items() = Item("item-2", "Family meeting every month");
  c.set_contingency("Uncle Joe collects Sam.");
  v1::BottomLineResponse* school = c.add_bottom_line_responses();
  school->set_bottom_line_id("school");
  school->set_response("Sam goes to school every day.");
  v1::BottomLineResponse* contact = c.add_bottom_line_responses();
  contact->set_bottom_line_id("no-contact");
  contact->set_response("Jo does not visit.");
  *c.mutable_review_date() = Date(2025, 6, 2);
  c.set_language_code("en");
  return c;
}

std::vector<std::string> Descriptions(const PlanDiff& diff) {
  std::vector<std::string> lines;
  for (const v1::PlanChange& change : diff.changes) lines.push_back(change.description());
  return lines;
}

PlanDiff Diff(const v1::PlanContent& before, const v1::PlanContent& after) {
  return DiffPlanContents(before, after, "en");
}

TEST(DiffPlanContents, SameContentsHaveNoChanges) {
  const PlanDiff diff = Diff(Version1(), Version1());
  EXPECT_TRUE(diff.changes.empty());
  EXPECT_EQ(diff.summary, "");
}

TEST(DiffPlanContents, ItemFieldChangeReadsAsOneSentence) {
  v1::PlanContent after = Version1();
  *after.mutable_items(0)->mutable_due_date() = Date(2025, 3, 10);
  const PlanDiff diff = Diff(Version1(), after);
  ASSERT_EQ(diff.changes.size(), 1u);
  const v1::PlanChange& change = diff.changes[0];
  EXPECT_EQ(change.kind(), v1::PLAN_CHANGE_KIND_CHANGED);
  EXPECT_EQ(change.item_id(), "item-1");
  EXPECT_EQ(change.field(), "due_date");
  EXPECT_EQ(change.before(), "3 March 2025");
  EXPECT_EQ(change.after(), "10 March 2025");
  EXPECT_EQ(change.description(),
            "Item \"Nan collects Sam from school\": by when changed from 3 March 2025 to "
            "10 March 2025.");
  EXPECT_EQ(diff.summary, change.description() + "\n");
}

TEST(DiffPlanContents, ItemFieldSetOrClearedIsAddedOrRemoved) {
  v1::PlanContent after = Version1();
  after.mutable_items(0)->set_who("Nan");
  after.mutable_items(0)->clear_due_date();
  const PlanDiff diff = Diff(Version1(), after);
  ASSERT_EQ(diff.changes.size(), 2u);
  EXPECT_EQ(diff.changes[0].kind(), v1::PLAN_CHANGE_KIND_ADDED);
  EXPECT_EQ(diff.changes[0].field(), "who");
  EXPECT_EQ(diff.changes[0].description(),
            "Item \"Nan collects Sam from school\": who added: \"Nan\".");
  EXPECT_EQ(diff.changes[1].kind(), v1::PLAN_CHANGE_KIND_REMOVED);
  EXPECT_EQ(diff.changes[1].field(), "due_date");
  EXPECT_EQ(diff.changes[1].before(), "3 March 2025");
  EXPECT_EQ(diff.changes[1].after(), "");
  EXPECT_EQ(diff.changes[1].description(),
            "Item \"Nan collects Sam from school\": by when removed (was 3 March 2025).");
}

TEST(DiffPlanContents, ChangedWhatIsNamedByTheNewWording) {
  v1::PlanContent after = Version1();
  after.mutable_items(1)->set_what("Family meeting every fortnight");
  const PlanDiff diff = Diff(Version1(), after);
  ASSERT_EQ(diff.changes.size(), 1u);
  EXPECT_EQ(diff.changes[0].description(),
            "Item \"Family meeting every fortnight\": what changed from \"Family meeting every "
            "month\" to \"Family meeting every fortnight\".");
}

TEST(DiffPlanContents, AddedItemIsOneChangeCarryingTheWholeItem) {
  v1::PlanContent after = Version1();
  v1::PlanItem* added = after.add_items();
  *added = Item("item-3", "Mum phones Sam on Sundays");
  added->set_timing("Sunday evenings");
  const PlanDiff diff = Diff(Version1(), after);
  ASSERT_EQ(diff.changes.size(), 1u);
  EXPECT_EQ(diff.changes[0].kind(), v1::PLAN_CHANGE_KIND_ADDED);
  EXPECT_EQ(diff.changes[0].item_id(), "item-3");
  EXPECT_EQ(diff.changes[0].field(), "");
  EXPECT_EQ(diff.changes[0].before(), "");
  EXPECT_EQ(diff.changes[0].after(), "what: Mum phones Sam on Sundays\ntiming: Sunday evenings");
  EXPECT_EQ(diff.changes[0].description(), "Added item \"Mum phones Sam on Sundays\".");
}

TEST(DiffPlanContents, RemovedItemsComeLastInTheEarlierOrder) {
  v1::PlanContent after = Version1();
  after.clear_items();
  *after.add_items() = Item("item-4", "Sam joins the football club");
  const PlanDiff diff = Diff(Version1(), after);
  EXPECT_EQ(Descriptions(diff), (std::vector<std::string>{
                                    "Added item \"Sam joins the football club\".",
                                    "Removed item \"Nan collects Sam from school\".",
                                    "Removed item \"Family meeting every month\".",
                                }));
  EXPECT_EQ(diff.changes[1].kind(), v1::PLAN_CHANGE_KIND_REMOVED);
  EXPECT_EQ(diff.changes[1].item_id(), "item-1");
  EXPECT_EQ(diff.changes[1].after(), "");
}

TEST(DiffPlanContents, ItemsAreMatchedByIdNotPosition) {
  v1::PlanContent after = Version1();
  after.mutable_items()->SwapElements(0, 1);
  EXPECT_TRUE(Diff(Version1(), after).changes.empty());
}

TEST(DiffPlanContents, PlanFieldsComeFirstThenItems) {
  v1::PlanContent after = Version1();
  after.set_language_code("cy");
  *after.mutable_review_date() = Date(2025, 7, 1);
  after.mutable_items(0)->set_timing("weekdays");
  after.set_monitoring("Aunt Mia calls on Sundays.");
  after.set_family_words("Sam lives with Nan.");
  EXPECT_EQ(Descriptions(Diff(Version1(), after)),
            (std::vector<std::string>{
                "Family's words changed from \"Sam stays with Nan on school nights.\" to \"Sam "
                "lives with Nan.\".",
                "Monitoring added: \"Aunt Mia calls on Sundays.\".",
                "Review date changed from 2 June 2025 to 1 July 2025.",
                "Language changed from en to cy.",
                "Item \"Nan collects Sam from school\": timing added: \"weekdays\".",
            }));
}

TEST(DiffPlanContents, ContingencyChangeQuotesBothValues) {
  v1::PlanContent after = Version1();
  after.set_contingency("Aunt Mia collects Sam.");
  const PlanDiff diff = Diff(Version1(), after);
  ASSERT_EQ(diff.changes.size(), 1u);
  EXPECT_EQ(diff.changes[0].item_id(), "");
  EXPECT_EQ(diff.changes[0].field(), "contingency");
  EXPECT_EQ(diff.changes[0].description(),
            "Contingency changed from \"Uncle Joe collects Sam.\" to \"Aunt Mia collects Sam.\".");
}

TEST(DiffPlanContents, LongTextIsWholeInTheValuesAndShortInTheSentence) {
  v1::PlanContent after = Version1();
  const std::string long_text = std::string(200, 'a');
  after.set_contingency(long_text);
  const v1::PlanChange change = Diff(Version1(), after).changes.at(0);
  EXPECT_EQ(change.after(), long_text);
  EXPECT_EQ(change.description(), "Contingency changed from \"Uncle Joe collects Sam.\" to \"" +
                                      std::string(79, 'a') + "\xE2\x80\xA6\".");
}

TEST(DiffPlanContents, EachChangeIsOneLineOfTheSummary) {
  v1::PlanContent after = Version1();
  after.set_contingency("Uncle Joe collects Sam.\nIf he cannot, Aunt Mia does.");
  after.mutable_items(0)->set_how_we_will_know("The register\r\nand Nan's diary");
  const PlanDiff diff = Diff(Version1(), after);
  EXPECT_EQ(diff.summary,
            "Contingency changed from \"Uncle Joe collects Sam.\" to \"Uncle Joe collects Sam. If "
            "he cannot, Aunt Mia does.\".\n"
            "Item \"Nan collects Sam from school\": how we will know added: \"The register and "
            "Nan's diary\".\n");
  EXPECT_EQ(diff.changes[0].after(), "Uncle Joe collects Sam.\nIf he cannot, Aunt Mia does.");
}

TEST(DiffPlanContents, ResponsiblePeopleCompareAsASetAndReadByMemberId) {
  v1::PlanContent before = Version1();
  before.mutable_items(0)->add_responsible_members("tenants/t1/conferences/c1/members/joe");
  v1::PlanContent reordered = before;
  reordered.mutable_items(0)->mutable_responsible_members()->SwapElements(0, 1);
  EXPECT_TRUE(Diff(before, reordered).changes.empty());
  v1::PlanContent after = before;
  after.mutable_items(0)->mutable_responsible_members(1)->assign(
      "tenants/t1/conferences/c1/members/mia");
  const v1::PlanChange change = Diff(before, after).changes.at(0);
  EXPECT_EQ(change.field(), "responsible_members");
  EXPECT_EQ(change.after(),
            "tenants/t1/conferences/c1/members/nan, tenants/t1/conferences/c1/members/mia");
  EXPECT_EQ(change.description(),
            "Item \"Nan collects Sam from school\": responsible people changed from nan, joe to "
            "nan, mia.");
}

TEST(DiffPlanContents, ItemBottomLinesAreListed) {
  v1::PlanContent after = Version1();
  after.mutable_items(1)->add_bottom_line_ids("school");
  after.mutable_items(1)->add_bottom_line_ids("no-contact");
  EXPECT_EQ(Descriptions(Diff(Version1(), after)),
            std::vector<std::string>{"Item \"Family meeting every month\": bottom lines added: "
                                     "school, no-contact."});
}

TEST(DiffPlanContents, BottomLineResponsesInAnotherOrderSayTheSame) {
  v1::PlanContent after = Version1();
  after.mutable_bottom_line_responses()->SwapElements(0, 1);
  EXPECT_TRUE(Diff(Version1(), after).changes.empty());
}

TEST(DiffPlanContents, BottomLineResponsesChangeAsOneField) {
  v1::PlanContent after = Version1();
  after.mutable_bottom_line_responses(1)->set_response("Jo visits only with Nan there.");
  after.mutable_bottom_line_responses(1)->add_item_ids("item-1");
  const v1::PlanChange change = Diff(Version1(), after).changes.at(0);
  EXPECT_EQ(change.kind(), v1::PLAN_CHANGE_KIND_CHANGED);
  EXPECT_EQ(change.field(), "bottom_line_responses");
  EXPECT_EQ(change.before(),
            "school: Sam goes to school every day.; no-contact: Jo does not visit.");
  EXPECT_EQ(change.after(),
            "school: Sam goes to school every day.; no-contact: Jo visits only with Nan there. "
            "(items: item-1)");
  EXPECT_EQ(change.description().rfind("Bottom lines changed from \"school: ", 0), 0u);
}

TEST(DiffPlanContents, OtherLanguagesFallBackToEnglish) {
  v1::PlanContent after = Version1();
  after.set_contingency("Aunt Mia collects Sam.");
  EXPECT_EQ(DiffPlanContents(Version1(), after, "cy").summary,
            DiffPlanContents(Version1(), after, "en").summary);
}

TEST(DateText, ReadsAsDayMonthYear) {
  EXPECT_EQ(DateText(Date(2025, 3, 3)), "3 March 2025");
  EXPECT_EQ(DateText(Date(2024, 12, 31)), "31 December 2024");
}

TEST(DateText, UnsetDateIsEmpty) { EXPECT_EQ(DateText(google::type::Date()), ""); }

TEST(DateText, PartialDatesSayWhatTheyHave) {
  EXPECT_EQ(DateText(Date(2025, 3, 0)), "March 2025");
  EXPECT_EQ(DateText(Date(0, 3, 3)), "3 March");
}

TEST(Shortened, LeavesTextThatFits) {
  EXPECT_EQ(Shortened("Nan", 3), "Nan");
  EXPECT_EQ(Shortened("", 0), "");
}

TEST(Shortened, CutsOnACharacterBoundaryWithAnEllipsis) {
  EXPECT_EQ(Shortened("Grandmother", 5), "Gran\xE2\x80\xA6");
  EXPECT_EQ(Shortened("ŁŁŁŁŁŁ", 3), "ŁŁ\xE2\x80\xA6");
  EXPECT_EQ(Shortened("Zoë🙂🙂🙂", 5), "Zoë🙂\xE2\x80\xA6");
  EXPECT_EQ(CountCodePoints(Shortened(std::string(20000, 'x'), 10000)), 10000u);
}

TEST(Shortened, DropsSpaceBeforeTheEllipsis) {
  EXPECT_EQ(Shortened("Nan and Joe", 5), "Nan\xE2\x80\xA6");
}

}  // namespace
}  // namespace fgc::plans
