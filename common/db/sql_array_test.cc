#include "common/db/sql_array.h"

#include <pqxx/pqxx>

#include "common/db/test_postgres.h"
#include "gtest/gtest.h"

namespace fgc::db {
namespace {

// What PostgreSQL itself reads back from a literal: the only test that matters for escaping.
class SqlArrayTest : public ::testing::Test {
 protected:
  void SetUp() override { conn_ = std::make_unique<pqxx::connection>(testing::AdminConninfo()); }

  pqxx::result Unnest(const std::string& literal, const std::string& type) {
    pqxx::nontransaction tx(*conn_);
    return tx.exec_params("SELECT x FROM unnest($1::" + type +
                              "[]) WITH ORDINALITY AS a(x, n) "
                              "ORDER BY n",
                          literal);
  }

  std::unique_ptr<pqxx::connection> conn_;
};

TEST_F(SqlArrayTest, TextElementsComeBackExactly) {
  const std::vector<std::string> texts = {"plain",       "",
                                          "NULL",        "with \"quotes\"",
                                          "back\\slash", "{braces,commas}",
                                          " spaced ",    "línea\nnueva",
                                          "عربى"};
  pqxx::result rows = Unnest(TextArray(texts), "text");
  ASSERT_EQ(rows.size(), texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    EXPECT_FALSE(rows[i][0].is_null()) << i;
    EXPECT_EQ(rows[i][0].as<std::string>(), texts[i]) << i;
  }
}

TEST_F(SqlArrayTest, BytesComeBackExactlyForEveryByteValue) {
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  SqlArray array;
  array.AddBytes(all).AddBytes("");
  pqxx::result rows = Unnest(array.Literal(), "bytea");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(pqxx::binarystring(rows[0][0]).str(), all);
  EXPECT_EQ(pqxx::binarystring(rows[1][0]).str(), "");
}

TEST_F(SqlArrayTest, IntegersAndNulls) {
  SqlArray array;
  array.AddInt(int64_t{-9'000'000'000}).AddInt(std::optional<int64_t>()).AddInt(int64_t{7});
  pqxx::result rows = Unnest(array.Literal(), "bigint");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][0].as<int64_t>(), -9'000'000'000);
  EXPECT_TRUE(rows[1][0].is_null());
  EXPECT_EQ(rows[2][0].as<int64_t>(), 7);
}

TEST_F(SqlArrayTest, EmptyArrayHasNoRows) {
  SqlArray array;
  EXPECT_EQ(array.Literal(), "{}");
  EXPECT_TRUE(Unnest(array.Literal(), "text").empty());
}

}  // namespace
}  // namespace fgc::db
