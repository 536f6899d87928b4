#include "clients/fgcctl/venue_commands.h"

#include "clients/fgcctl/call_runner.h"
#include "clients/fgcctl/journey_arguments.h"
#include "clients/fgcctl/scheduling_text.h"
#include "fgc/v1/scheduling_service.grpc.pb.h"

namespace fgc::ctl {

using Scheduling = v1::SchedulingService::Stub;

int RunCreateVenue(const Connection& connection, const CreateVenueOptions& options, bool json) {
  auto venue = VenueFromFlags(options.venue);
  if (!venue.ok()) return ReportUnusableInput(venue.status(), json);
  v1::CreateVenueRequest request;
  request.set_parent(TenantName(options.tenant));
  *request.mutable_venue() = *std::move(venue);
  request.set_venue_id(options.id);
  return RunWrite(
      connection, &Scheduling::CreateVenue, request, options.request_id, json,
      [](const v1::CreateVenueResponse& r) { return "created " + DescribeVenue(r.venue()); });
}

int RunGetVenue(const Connection& connection, const GetVenueOptions& options, bool json) {
  auto name = VenueNameArgument(options.tenant, options.venue);
  if (!name.ok()) return ReportUnusableInput(name.status(), json);
  v1::GetVenueRequest request;
  request.set_name(*name);
  return RunRead(connection, &Scheduling::GetVenue, request, json,
                 [](const v1::GetVenueResponse& r) { return DescribeVenue(r.venue()); });
}

int RunListVenues(const Connection& connection, const ListVenuesOptions& options, bool json) {
  v1::ListVenuesRequest request;
  request.set_parent(TenantName(options.tenant));
  request.set_filter(options.page.filter);
  return RunList(connection, &Scheduling::ListVenues, request, options.page, json,
                 &v1::ListVenuesResponse::mutable_venues, VenueSummaryHeading(), VenueSummaryLine,
                 {"venue", "venues"});
}

}  // namespace fgc::ctl
