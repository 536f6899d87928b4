// PlanService's reads of submitted versions: GetPlanVersion, ListPlanVersions (newest first,
// filtered on state) and DiffPlanVersions (what changed, item by item, in readable sentences).
#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/base/errors.h"
#include "common/base/field_violations.h"
#include "common/listing/page_token.h"
#include "services/plans/domain/plan_diff.h"
#include "services/plans/plan_service.h"

namespace fgc::plans {
namespace {

using server::Caller;

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 500;

absl::Status BadVersionName(const char* field) {
  return FieldError(field,
                    "must be tenants/{tenant}/conferences/{conference}/plans/{plan}/versions/{n}");
}

// The state a ListPlanVersions filter asks for: `state = PLAN_VERSION_STATE_...` (or `state =
// ACCEPTED`), or none for an empty filter.
absl::StatusOr<v1::PlanVersionState> ParseStateFilter(const std::string& filter) {
  absl::string_view rest = absl::StripAsciiWhitespace(filter);
  if (rest.empty()) return v1::PLAN_VERSION_STATE_UNSPECIFIED;
  if (!absl::ConsumePrefix(&rest, "state")) {
    return InvalidArgument("INVALID_FILTER", "the filter may only be `state = <state>`",
                           {{"filter", "only `state = PLAN_VERSION_STATE_...` is supported"}});
  }
  rest = absl::StripLeadingAsciiWhitespace(rest);
  if (!absl::ConsumePrefix(&rest, "=")) {
    return InvalidArgument("INVALID_FILTER", "the filter may only be `state = <state>`",
                           {{"filter", "expected `=` after state"}});
  }
  std::string value(absl::StripAsciiWhitespace(rest));
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
  }
  v1::PlanVersionState state;
  if (!v1::PlanVersionState_Parse(value, &state) &&
      !v1::PlanVersionState_Parse(absl::StrCat("PLAN_VERSION_STATE_", value), &state)) {
    return InvalidArgument("INVALID_FILTER", "unknown plan version state",
                           {{"filter", absl::StrCat("unknown state ", value)}});
  }
  return state;
}

}  // namespace

absl::Status PlanService::GetPlanVersion(const Caller& caller, const v1::GetPlanVersionRequest& req,
                                         v1::GetPlanVersionResponse& resp) {
  const auto parsed = ParseVersionName(req.name(), caller.tenant);
  if (!parsed) return BadVersionName("name");
  auto loaded = Load(caller, parsed->plan, "name");
  if (!loaded.ok()) return loaded.status();
  const v1::PlanVersion* version = loaded->aggregate.Version(req.name());
  if (version == nullptr) return NotFound("fgc.v1.PlanVersion", req.name());
  *resp.mutable_plan_version() = *version;
  return absl::OkStatus();
}

absl::Status PlanService::ListPlanVersions(const Caller& caller,
                                           const v1::ListPlanVersionsRequest& req,
                                           v1::ListPlanVersionsResponse& resp) {
  auto state = ParseStateFilter(req.filter());
  if (!state.ok()) return state.status();
  const std::string binding = absl::StrCat(req.parent(), "|", req.filter());
  auto page = listing::ParseOffsetPage(req.page_size(), req.page_token(), binding, kDefaultPageSize,
                                       kMaxPageSize);
  if (!page.ok()) return page.status();
  auto loaded = Load(caller, req.parent(), "parent");
  if (!loaded.ok()) return loaded.status();
  std::vector<v1::PlanVersion> versions;
  for (auto it = loaded->aggregate.versions.rbegin(); it != loaded->aggregate.versions.rend();
       ++it) {
    if (*state == v1::PLAN_VERSION_STATE_UNSPECIFIED || it->state() == *state) {
      versions.push_back(*it);
    }
  }
  for (size_t i = page->offset; i < versions.size() && i < page->offset + page->size; ++i) {
    *resp.add_plan_versions() = std::move(versions[i]);
  }
  resp.set_next_page_token(listing::NextOffsetPageToken(*page, versions.size(), binding));
  return absl::OkStatus();
}

absl::Status PlanService::DiffPlanVersions(const Caller& caller,
                                           const v1::DiffPlanVersionsRequest& req,
                                           v1::DiffPlanVersionsResponse& resp) {
  const auto later = ParseVersionName(req.name(), caller.tenant);
  if (!later) return BadVersionName("name");
  const auto earlier = ParseVersionName(req.base_version(), caller.tenant);
  if (!earlier) return BadVersionName("base_version");
  if (earlier->plan != later->plan) {
    return FieldError("base_version", "must be a version of the same plan as name");
  }
  if (!req.language_code().empty() && !LooksLikeLanguageTag(req.language_code())) {
    return FieldError("language_code", "must be a BCP 47 language tag");
  }
  auto loaded = Load(caller, later->plan, "name");
  if (!loaded.ok()) return loaded.status();
  const v1::PlanVersion* after = loaded->aggregate.Version(req.name());
  if (after == nullptr) return NotFound("fgc.v1.PlanVersion", req.name());
  const v1::PlanVersion* before = loaded->aggregate.Version(req.base_version());
  if (before == nullptr) return NotFound("fgc.v1.PlanVersion", req.base_version());
  PlanDiff diff = DiffPlanContents(before->content(), after->content(), req.language_code());
  for (v1::PlanChange& change : diff.changes) *resp.add_changes() = std::move(change);
  resp.set_summary(std::move(diff.summary));
  return absl::OkStatus();
}

}  // namespace fgc::plans
