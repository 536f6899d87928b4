#include "clients/fgcctl/ledger_export_file.h"

#include <gtest/gtest.h>

#include "nlohmann/json.hpp"

namespace fgc::ctl {
namespace {

LedgerExport Sample() {
  return {"t1",
          "fgc.test/tenants/t1/ledger",
          "fgc.test+01234567+AQ==",
          2,
          std::string(32, 'r'),
          "fgc.test/tenants/t1/ledger\n2\ncnJy\n\n\xe2\x80\x94 fgc.test AAAA\n",
          {{0, "leaf zero", std::string(32, 'a'), {std::string(32, 'p')}},
           {1, std::string("leaf\0one", 8), std::string(32, 'b'), {std::string(32, 'q')}}}};
}

std::string Text() { return FormatLedgerExport(Sample()).value(); }

std::string ErrorOf(const std::string& text) {
  auto parsed = ParseLedgerExport(text);
  EXPECT_FALSE(parsed.ok());
  return std::string(parsed.status().message());
}

std::string Edited(const std::function<void(nlohmann::ordered_json&)>& edit) {
  auto json = nlohmann::ordered_json::parse(Text());
  edit(json);
  return json.dump();
}

TEST(LedgerExportFile, ReadsBackWhatItWrites) {
  EXPECT_EQ(ParseLedgerExport(Text()).value(), Sample());
}

TEST(LedgerExportFile, StartsWithItsFormatVersion) {
  EXPECT_EQ(Text().rfind("{\n \"format\": \"fgc-ledger-export/1\",", 0), 0u) << Text();
}

TEST(LedgerExportFile, ReportsTextThatIsNotJsonByLineAndColumn) {
  std::string text = Text();
  const size_t second_line = text.find('\n') + 1;
  ASSERT_EQ(text[second_line + 9], ':');
  text[second_line + 9] = ',';
  EXPECT_EQ(ErrorOf(text).rfind("line 2, column 10:", 0), 0u) << ErrorOf(text);
}

TEST(LedgerExportFile, RefusesAMemberTheFormatDoesNotHave) {
  EXPECT_NE(ErrorOf(Edited([](auto& j) {
              j["entries"][1]["note"] = "x";
            })).find("entries[1].note: is not a member"),
            std::string::npos);
}

TEST(LedgerExportFile, RefusesAMissingMember) {
  EXPECT_NE(ErrorOf(Edited([](auto& j) {
              j["checkpoint"].erase("root_hash");
            })).find("checkpoint.root_hash: is missing"),
            std::string::npos);
}

TEST(LedgerExportFile, RefusesBase64ThatIsNotCanonical) {
  // "YR==" decodes to "a" as "YQ==" does, but its unused bits are not zero.
  EXPECT_NE(ErrorOf(Edited([](auto& j) {
              j["entries"][0]["inclusion_proof"][0] = "YR==";
            })).find("entries[0].inclusion_proof[0]: is not canonical"),
            std::string::npos);
}

TEST(LedgerExportFile, RefusesANegativeIndex) {
  EXPECT_NE(
      ErrorOf(Edited([](auto& j) { j["entries"][0]["index"] = -1; })).find("entries[0].index"),
      std::string::npos);
}

TEST(LedgerExportFile, RefusesAnotherFormatVersion) {
  EXPECT_NE(ErrorOf(Edited([](auto& j) { j["format"] = "fgc-ledger-export/2"; })).find("format"),
            std::string::npos);
}

}  // namespace
}  // namespace fgc::ctl
