#include "common/base/errors.h"

#include <gtest/gtest.h>

namespace fgc {
namespace {

TEST(Errors, InvalidArgumentCarriesFieldViolations) {
  absl::Status s = InvalidArgument("INVALID_CONFERENCE", "bad conference",
                                   {{"conference.time_zone", "not an IANA zone"}});
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  auto d = DetailsOf(s);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->reason, "INVALID_CONFERENCE");
  ASSERT_EQ(d->field_violations.size(), 1u);
  EXPECT_EQ(d->field_violations[0].field, "conference.time_zone");
  EXPECT_EQ(d->field_violations[0].description, "not an IANA zone");
}

TEST(Errors, NotFoundNamesTheResource) {
  absl::Status s = NotFound("fgc.v1.Conference", "tenants/t1/conferences/c9");
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  auto d = DetailsOf(s);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->resource_type, "fgc.v1.Conference");
  EXPECT_EQ(d->resource_name, "tenants/t1/conferences/c9");
}

TEST(Errors, FailedPreconditionCarriesViolations) {
  absl::Status s = FailedPrecondition("CONSENT_REQUIRED", "consent is needed",
                                      {{"CONSENT", "tenants/t1/conferences/c1", "no consent"}});
  auto d = DetailsOf(s);
  ASSERT_TRUE(d.has_value());
  ASSERT_EQ(d->precondition_violations.size(), 1u);
  EXPECT_EQ(d->precondition_violations[0].type, "CONSENT");
}

TEST(Errors, PlainStatusHasNoDetails) {
  EXPECT_FALSE(DetailsOf(absl::InternalError("x")).has_value());
}

TEST(Errors, DetailsOnOkStatusAreDropped) {
  absl::Status s = WithDetails(absl::OkStatus(), {.reason = "X"});
  EXPECT_TRUE(s.ok());
  EXPECT_FALSE(DetailsOf(s).has_value());
}

TEST(Errors, UnimplementedNamesTheMethod) {
  absl::Status s = Unimplemented("fgc.v1.PlanService/SubmitPlan");
  EXPECT_EQ(s.code(), absl::StatusCode::kUnimplemented);
  EXPECT_EQ(DetailsOf(s)->metadata.at("method"), "fgc.v1.PlanService/SubmitPlan");
}

TEST(Errors, DefaultReasonsAreUpperSnakeCase) {
  for (int c = 1; c <= 16; ++c) {
    std::string_view r = DefaultReason(static_cast<absl::StatusCode>(c));
    for (char ch : r) EXPECT_TRUE((ch >= 'A' && ch <= 'Z') || ch == '_') << r;
  }
}

}  // namespace
}  // namespace fgc
