#include "common/auth/strict_json.h"

#include <gtest/gtest.h>

namespace fgc::auth {
namespace {

TEST(StrictJson, ParsesObjectsArraysAndScalars) {
  const nlohmann::json parsed = ParseStrictJson(R"({"a":[1,"x",{"b":null}],"c":true})").value();
  EXPECT_EQ(parsed["a"][1], "x");
  EXPECT_EQ(parsed["c"], true);
}

TEST(StrictJson, RejectsDuplicateMembersAtAnyDepth) {
  EXPECT_FALSE(ParseStrictJson(R"({"alg":"ES256","alg":"none"})").ok());
  EXPECT_FALSE(ParseStrictJson(R"({"a":[{"k":1,"k":2}]})").ok());
  // The same name in sibling objects is not a duplicate.
  EXPECT_TRUE(ParseStrictJson(R"({"a":{"k":1},"b":{"k":2}})").ok());
}

TEST(StrictJson, RejectsMalformedTextWithoutThrowing) {
  for (const char* bad : {"", "{", "{\"a\":}", "[1,]", "{\"a\":1} trailing", "\xff"}) {
    EXPECT_EQ(ParseStrictJson(bad).status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
}

TEST(StrictJson, RejectsDeepNesting) {
  EXPECT_FALSE(ParseStrictJson(std::string(10000, '[') + std::string(10000, ']')).ok());
}

}  // namespace
}  // namespace fgc::auth
