#include <gtest/gtest.h>

#include "common/base/errors.h"
#include "common/server/request_guard.h"
#include "fgc/v1/scheduling_service.pb.h"

namespace fgc::server {
namespace {

TEST(RequestTenant, ReadsParent) {
  v1::CreateConferenceRequest r;
  r.set_parent("tenants/north-1");
  EXPECT_EQ(RequestTenant(r).value(), "north-1");
}

TEST(RequestTenant, ReadsName) {
  v1::GetConferenceRequest r;
  r.set_name("tenants/t2/conferences/c1");
  EXPECT_EQ(RequestTenant(r).value(), "t2");
}

TEST(RequestTenant, ReadsTheUpdatedResourcesName) {
  v1::UpdateConferenceRequest r;
  r.mutable_conference()->set_name("tenants/t3/conferences/c1");
  EXPECT_EQ(RequestTenant(r).value(), "t3");
}

TEST(RequestTenant, MissingNameIsAFieldViolation) {
  v1::GetConferenceRequest r;
  auto t = RequestTenant(r);
  ASSERT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DetailsOf(t.status())->field_violations.at(0).field, "name");
}

TEST(RequestTenant, MalformedNamesAreRejected) {
  for (const char* bad : {"conferences/c1", "tenants//conferences/c1", "tenants/UPPER/x",
                          "tenants/-x/y", "tenants/a b/c"}) {
    v1::GetConferenceRequest r;
    r.set_name(bad);
    EXPECT_EQ(RequestTenant(r).status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
}

}  // namespace
}  // namespace fgc::server
