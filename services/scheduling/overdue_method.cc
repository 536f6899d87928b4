// SchedulingService.ListOverdue: the conferences past a timescale, most overdue first.
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/listing/page_token.h"
#include "google/protobuf/util/time_util.h"
#include "services/scheduling/conference_record.h"
#include "services/scheduling/lifecycle/overdue_list.h"
#include "services/scheduling/scheduling_service.h"

namespace fgc::scheduling {
namespace {

using google::protobuf::util::TimeUtil;

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 500;
// Candidates read per store page, and at most in all: a tenant with more open conferences than
// this asks too broad a question; the filter narrows it.
constexpr int kCandidatePage = 500;
constexpr size_t kMaxCandidates = 20'000;

std::string Binding(const v1::ListOverdueRequest& req) {
  return absl::StrCat(req.parent(), "\n", req.filter(), "\n", req.as_of_time().seconds(), ".",
                      req.as_of_time().nanos());
}

}  // namespace

absl::Status SchedulingService::ListOverdue(const Caller& caller, const v1::ListOverdueRequest& req,
                                            v1::ListOverdueResponse& resp) {
  if (req.parent() != absl::StrCat("tenants/", caller.tenant)) {
    return FieldError("parent", absl::StrCat("must be tenants/", caller.tenant));
  }
  if (req.page_size() < 0) return FieldError("page_size", "must not be negative");
  const int page_size =
      req.page_size() == 0 ? kDefaultPageSize : std::min(req.page_size(), kMaxPageSize);
  auto filter = ParseOverdueFilter(req.filter());
  if (!filter.ok()) return filter.status();
  const absl::Time now = absl::Now();
  absl::Time as_of = now;
  if (req.has_as_of_time()) {
    // A later instant is a forecast: what will be overdue by then if nothing moves.
    as_of = absl::FromUnixMicros(TimeUtil::TimestampToMicroseconds(req.as_of_time()));
  }
  size_t offset = 0;
  if (!req.page_token().empty()) {
    auto cursor = listing::ParsePageToken(req.page_token(), Binding(req));
    if (!cursor.ok()) return cursor.status();
    if (!absl::SimpleAtoi(*cursor, &offset)) return FieldError("page_token", "is not valid");
  }

  ConferenceQuery query;
  query.now = as_of;
  query.coordinator_subject = filter->coordinator_subject;
  query.referring_agency = filter->referring_agency;
  // The stored next due time answers for now and later; a past instant needs every conference
  // judged as it stood then.
  if (as_of >= now) query.overdue = true;
  std::vector<v1::Conference> candidates;
  std::string after;
  while (true) {
    auto page = store_.List(caller.tenant, query, after, kCandidatePage);
    if (!page.ok()) return page.status();
    for (auto& c : page->conferences) candidates.push_back(std::move(c.conference));
    if (static_cast<int>(page->conferences.size()) < kCandidatePage) break;
    if (candidates.size() >= kMaxCandidates) {
      return InvalidArgument(
          "INVALID_FILTER", "too many conferences to judge at once",
          {{"filter",
            "matches more than 20,000 conferences; narrow it (coordinator.subject, "
            "referral.referring_agency)"}});
    }
    after = page->cursors.back();
  }
  std::vector<v1::OverdueConference> overdue =
      ListOverdueAt(candidates, *filter, timescales_, as_of);
  for (size_t i = offset; i < overdue.size() && i < offset + page_size; ++i) {
    v1::OverdueConference* out = resp.add_overdue_conferences();
    *out = std::move(overdue[i]);
    if (caller.role == "auditor")
      *out->mutable_conference() = SplitConference(out->conference()).record;
  }
  if (offset + page_size < overdue.size()) {
    resp.set_next_page_token(
        listing::MakePageToken(absl::StrCat(offset + page_size), Binding(req)));
  }
  return absl::OkStatus();
}

}  // namespace fgc::scheduling
