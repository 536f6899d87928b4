// ListConferences' request as a store query: the filter (AIP-160 subset on stage, urgency,
// coordinator.subject, referral.referring_agency and overdue), the page size (default 50, at
// most 500) and the page token (AIP-158, bound to the parent and filter).
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "fgc/v1/scheduling_service.pb.h"
#include "services/scheduling/conference_store.h"

namespace fgc::scheduling {

struct ConferenceListing {
  ConferenceQuery query;
  std::string after;  // the store cursor to resume after; empty for the first page
  int page_size = 50;
};

// INVALID_ARGUMENT naming `filter`, `page_size` or `page_token`.
absl::StatusOr<ConferenceListing> ParseConferenceListing(const v1::ListConferencesRequest& req,
                                                         absl::Time now);

// The next_page_token resuming after `cursor` for this same request.
std::string NextPageToken(const v1::ListConferencesRequest& req, const std::string& cursor);

}  // namespace fgc::scheduling
