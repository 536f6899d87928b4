#include "services/scheduling/conference_listing.h"

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/listing/filter_comparisons.h"
#include "common/listing/page_token.h"

namespace fgc::scheduling {
namespace {

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 500;

std::string Binding(const v1::ListConferencesRequest& req) {
  return absl::StrCat(req.parent(), "\n", req.filter());
}

absl::Status ApplyComparison(const listing::Comparison& c, ConferenceQuery& q) {
  if (c.op != "=") return listing::FilterError(absl::StrCat(c.field, " takes ="));
  if (c.field == "stage") {
    v1::Stage stage;
    if (!v1::Stage_Parse(c.value, &stage) || stage == v1::STAGE_UNSPECIFIED) {
      return listing::FilterError("stage takes a STAGE_ value");
    }
    q.stage = stage;
  } else if (c.field == "urgency") {
    v1::Urgency urgency;
    if (!v1::Urgency_Parse(c.value, &urgency) || urgency == v1::URGENCY_UNSPECIFIED) {
      return listing::FilterError("urgency takes an URGENCY_ value");
    }
    q.urgency = urgency;
  } else if (c.field == "coordinator.subject") {
    q.coordinator_subject = c.value;
  } else if (c.field == "referral.referring_agency") {
    q.referring_agency = c.value;
  } else if (c.field == "overdue") {
    if (c.value != "true" && c.value != "false") {
      return listing::FilterError("overdue takes true or false");
    }
    q.overdue = c.value == "true";
  } else {
    return listing::FilterError(absl::StrCat("unknown field ", c.field,
                                             "; filter on stage, urgency, coordinator.subject, "
                                             "referral.referring_agency or overdue"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ConferenceListing> ParseConferenceListing(const v1::ListConferencesRequest& req,
                                                         absl::Time now) {
  ConferenceListing listing;
  listing.query.now = now;
  if (req.page_size() < 0) return FieldError("page_size", "must not be negative");
  listing.page_size =
      req.page_size() == 0 ? kDefaultPageSize : std::min(req.page_size(), kMaxPageSize);
  auto comparisons = listing::ParseComparisons(req.filter());
  if (!comparisons.ok()) return comparisons.status();
  for (const auto& c : *comparisons) {
    if (absl::Status s = ApplyComparison(c, listing.query); !s.ok()) return s;
  }
  if (!req.page_token().empty()) {
    auto cursor = listing::ParsePageToken(req.page_token(), Binding(req));
    if (!cursor.ok()) return cursor.status();
    listing.after = *cursor;
  }
  return listing;
}

std::string NextPageToken(const v1::ListConferencesRequest& req, const std::string& cursor) {
  return listing::MakePageToken(cursor, Binding(req));
}

}  // namespace fgc::scheduling
