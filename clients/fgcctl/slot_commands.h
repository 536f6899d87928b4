// `fgcctl slots propose | list | suggest` and `fgcctl availability record`: candidate times for
// a conference, who can make each (recorded by staff for an invitee), and the ranking of the
// times by who can come. Each Run function prints human text (or, with `json`, the response as
// protobuf JSON) and returns the exit code: 0 on success; 64 + the gRPC code when the call
// fails (details on stderr); 2 for unusable input.
#pragma once

#include <string>
#include <vector>

#include "clients/fgcctl/command_flags.h"
#include "clients/fgcctl/connection.h"
#include "clients/fgcctl/network_commands.h"

namespace fgc::ctl {

struct ProposeSlotsOptions {
  std::string tenant;
  std::string conference;
  std::vector<std::string> intervals;  // START/END or START/DURATION
  std::string venue;                   // for every slot; empty: remote only
  bool remote = false;                 // people may join remotely
  std::string deadline;                // when answers close, RFC 3339
  std::string request_id;
};

struct ListSlotsOptions {
  std::string tenant;
  std::string conference;
  PageOptions page;
};

struct SuggestSlotsOptions {
  std::string tenant;
  std::string conference;
  int max = 0;  // 0: the service's default (10)
  std::string language;
};

struct RecordAvailabilityOptions {
  MemberArgument member;             // whose answers
  std::vector<std::string> answers;  // SLOT=yes|if-need-be|no[:in-person|remote]
  std::string request_id;
};

int RunProposeSlots(const Connection& connection, const ProposeSlotsOptions& options, bool json);
int RunListSlots(const Connection& connection, const ListSlotsOptions& options, bool json);
int RunSuggestSlots(const Connection& connection, const SuggestSlotsOptions& options, bool json);
int RunRecordAvailability(const Connection& connection, const RecordAvailabilityOptions& options,
                          bool json);

}  // namespace fgc::ctl
