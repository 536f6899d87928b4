#include "common/base/log.h"

#include <gtest/gtest.h>

#include "nlohmann/json.hpp"

namespace fgc::log {
namespace {

TEST(Log, LineIsOneJsonObjectWithRequestId) {
  std::string line = Format(Level::kWarn, "slow query", "req-1", {{"method", "Get"}});
  auto j = nlohmann::json::parse(line);
  EXPECT_EQ(j["level"], "warn");
  EXPECT_EQ(j["msg"], "slow query");
  EXPECT_EQ(j["request_id"], "req-1");
  EXPECT_EQ(j["method"], "Get");
  EXPECT_EQ(line.find('\n'), std::string::npos);
}

TEST(Log, MessagesAreEscapedNotInjected) {
  std::string line = Format(Level::kInfo, "a\"b\nc", "", {{"k", "}\n{"}});
  auto j = nlohmann::json::parse(line);
  EXPECT_EQ(j["msg"], "a\"b\nc");
  EXPECT_EQ(j["k"], "}\n{");
  EXPECT_FALSE(j.contains("request_id"));
}

TEST(Log, InvalidUtf8DoesNotThrow) {
  std::string line = Format(Level::kInfo, std::string("\xff\xfe", 2), "", {});
  EXPECT_NO_THROW(nlohmann::json::parse(line));
}

TEST(Log, ScopedRequestIdNestsAndRestores) {
  EXPECT_EQ(CurrentRequestId(), "");
  {
    ScopedRequestId outer("a");
    {
      ScopedRequestId inner("b");
      EXPECT_EQ(CurrentRequestId(), "b");
    }
    EXPECT_EQ(CurrentRequestId(), "a");
  }
  EXPECT_EQ(CurrentRequestId(), "");
}

TEST(Log, ParseLevelKnowsTheFourLevels) {
  Level l;
  EXPECT_TRUE(ParseLevel("warn", &l));
  EXPECT_EQ(l, Level::kWarn);
  EXPECT_FALSE(ParseLevel("loud", &l));
}

}  // namespace
}  // namespace fgc::log
