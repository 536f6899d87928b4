// `fgcctl venue create | get | list`: the places conferences are held. Each Run function
// prints human text (or, with `json`, the response as protobuf JSON) and returns the exit code:
// 0 on success; 64 + the gRPC code when the call fails (details on stderr); 2 for unusable input.
#pragma once

#include <string>

#include "clients/fgcctl/command_flags.h"
#include "clients/fgcctl/connection.h"
#include "clients/fgcctl/scheduling_requests.h"

namespace fgc::ctl {

struct CreateVenueOptions {
  std::string tenant;
  VenueFlags venue;
  std::string id;  // the venue id to ask for; empty: the service picks one
  std::string request_id;
};

struct GetVenueOptions {
  std::string tenant;  // needed only when `venue` is a bare id
  std::string venue;
};

struct ListVenuesOptions {
  std::string tenant;
  PageOptions page;
};

int RunCreateVenue(const Connection& connection, const CreateVenueOptions& options, bool json);
int RunGetVenue(const Connection& connection, const GetVenueOptions& options, bool json);
int RunListVenues(const Connection& connection, const ListVenuesOptions& options, bool json);

}  // namespace fgc::ctl
