// SchedulingService.CreateVenue, GetVenue and ListVenues: the places conferences meet in.
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/crypto/encoding.h"
#include "common/crypto/random.h"
#include "common/listing/page_token.h"
#include "services/scheduling/booking_request.h"
#include "services/scheduling/conference_record.h"
#include "services/scheduling/lifecycle/conference_time.h"
#include "services/scheduling/scheduling_service.h"

namespace fgc::scheduling {
namespace {

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 500;

}  // namespace

absl::Status SchedulingService::CreateVenue(const Caller& caller, const v1::CreateVenueRequest& req,
                                            v1::CreateVenueResponse& resp) {
  const std::string parent = absl::StrCat("tenants/", caller.tenant);
  if (req.parent() != parent) return FieldError("parent", absl::StrCat("must be ", parent));
  if (!req.venue_id().empty() && !IsValidConferenceId(req.venue_id())) {
    return FieldError("venue_id",
                      "1-63 lower-case letters, digits and hyphens, starting with a letter");
  }
  auto key = RequestKeyOf(req.request_id(), "CreateVenue", req);
  if (!key.ok()) return key.status();
  if (absl::Status s = ValidateVenue(req.venue()); !s.ok()) return s;
  std::string id = req.venue_id();
  if (id.empty()) {
    auto bytes = crypto::RandomBytes(6);
    if (!bytes.ok()) return bytes.status();
    id = absl::StrCat("v-", crypto::HexEncode(*bytes));
  }
  if (auto replayed = store_.Replayed(caller.tenant, *key); !replayed.ok()) {
    return replayed.status();
  } else if (replayed->has_value()) {
    id = (**replayed).substr((**replayed).rfind('/') + 1);  // the first attempt's venue
  }
  v1::Venue venue = req.venue();
  venue.set_name(absl::StrCat(parent, "/venues/", id));
  const auto now = ToTimestamp(absl::Now());
  *venue.mutable_create_time() = now;
  *venue.mutable_update_time() = now;
  venue.set_etag("v1");
  auto created = venues_.Create(caller.tenant, venue, *key);
  if (!created.ok()) return created.status();
  *resp.mutable_venue() = *std::move(created);
  return absl::OkStatus();
}

absl::Status SchedulingService::GetVenue(const Caller& caller, const v1::GetVenueRequest& req,
                                         v1::GetVenueResponse& resp) {
  const std::string id = VenueId(req.name(), caller.tenant);
  if (id.empty()) return FieldError("name", "must be tenants/{tenant}/venues/{venue}");
  auto venue = venues_.Get(caller.tenant, id);
  if (!venue.ok()) return venue.status();
  *resp.mutable_venue() = *std::move(venue);
  return absl::OkStatus();
}

absl::Status SchedulingService::ListVenues(const Caller& caller, const v1::ListVenuesRequest& req,
                                           v1::ListVenuesResponse& resp) {
  const std::string parent = absl::StrCat("tenants/", caller.tenant);
  if (req.parent() != parent) return FieldError("parent", absl::StrCat("must be ", parent));
  if (req.page_size() < 0) return FieldError("page_size", "must not be negative");
  if (!req.filter().empty()) return FieldError("filter", "venues are not filtered yet");
  const int page_size =
      req.page_size() == 0 ? kDefaultPageSize : std::min(req.page_size(), kMaxPageSize);
  std::string after;
  if (!req.page_token().empty()) {
    auto cursor = listing::ParsePageToken(req.page_token(), parent);
    if (!cursor.ok()) return cursor.status();
    after = *cursor;
  }
  auto venues = venues_.List(caller.tenant, after, page_size + 1);
  if (!venues.ok()) return venues.status();
  for (int i = 0; i < static_cast<int>(venues->size()) && i < page_size; ++i) {
    *resp.add_venues() = (*venues)[i];
  }
  if (static_cast<int>(venues->size()) > page_size) {
    const std::string& last = (*venues)[page_size - 1].name();
    resp.set_next_page_token(listing::MakePageToken(last.substr(last.rfind('/') + 1), parent));
  }
  return absl::OkStatus();
}

}  // namespace fgc::scheduling
