#include "services/ledger/entry_filter.h"

#include <gtest/gtest.h>

#include "common/base/errors.h"

namespace fgc::ledger {
namespace {

TEST(EntryFilter, EmptyMatchesEverything) {
  auto f = ParseEntryFilter("");
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE(f->conference.empty());
  EXPECT_EQ(f->kind, 0);
  EXPECT_EQ(f->index_from, 0);
}

TEST(EntryFilter, ReadsTheDocumentedExample) {
  auto f = ParseEntryFilter(
      "conference = \"tenants/t1/conferences/c1\" AND kind = LEDGER_ENTRY_KIND_POWER_USED AND "
      "occur_time >= \"2025-01-01T00:00:00Z\"");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_EQ(f->conference, "tenants/t1/conferences/c1");
  EXPECT_EQ(f->kind, 4);
  ASSERT_TRUE(f->occur_from.has_value());
  EXPECT_EQ(absl::ToUnixSeconds(*f->occur_from), 1735689600);
}

TEST(EntryFilter, IndexRanges) {
  auto f = ParseEntryFilter("index >= 10 AND index < 20");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->index_from, 10);
  EXPECT_EQ(f->index_to, 20);
}

TEST(EntryFilter, MistakesAreInvalidArgumentNamingTheFilter) {
  for (const char* bad :
       {"colour = red", "kind = SOMETHING", "index >= -1", "conference >= \"x\"",
        "occur_time >= yesterday", "conference = \"x\" OR kind = 1", "subject = \"open", "= 3"}) {
    auto f = ParseEntryFilter(bad);
    ASSERT_EQ(f.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_EQ(DetailsOf(f.status())->field_violations.at(0).field, "filter") << bad;
  }
}

TEST(PageToken, RoundTripsForTheSameFilterOnly) {
  std::string token = MakePageToken(42, "kind = LEDGER_ENTRY_KIND_CONSENT_GIVEN");
  EXPECT_EQ(ParsePageToken(token, "kind = LEDGER_ENTRY_KIND_CONSENT_GIVEN").value(), 42);
  EXPECT_EQ(ParsePageToken(token, "").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParsePageToken("garbage!", "").status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace fgc::ledger
