// `fgcctl network add | get | list | update | remove | map`: the family network of a
// conference, as the family defines it. Each Run function prints human text (or, with `json`,
// the response as protobuf JSON) and returns the exit code: 0 on success; 64 + the gRPC code
// when the call fails (details on stderr); 1 when a file cannot be written; 2 for unusable
// input.
#pragma once

#include <string>
#include <vector>

#include "clients/fgcctl/command_flags.h"
#include "clients/fgcctl/connection.h"
#include "clients/fgcctl/network_requests.h"

namespace fgc::ctl {

// A member given by its name, or by its id with the conference (and the tenant).
struct MemberArgument {
  std::string tenant;
  std::string conference;
  std::string member;
};

struct AddMemberOptions {
  std::string tenant;
  std::string conference;
  MemberFlags member;
  std::string id;  // the member id to ask for (never personal data); empty: the service picks
  std::string request_id;
};

struct ListMembersOptions {
  std::string tenant;
  std::string conference;
  PageOptions page;
};

struct UpdateMemberOptions {
  MemberArgument member;
  ChangeOptions change;  // of a NetworkMember
  std::string request_id;
};

struct RemoveMemberOptions {
  MemberArgument member;
  std::string reason;
  std::string etag;
  std::string request_id;
};

struct NetworkMapOptions {
  std::string tenant;
  std::string conference;
  std::string language;
  bool professionals = false;
  std::string out;  // the SVG file; empty or "-": stdout
};

int RunAddMember(const Connection& connection, const AddMemberOptions& options, bool json);
int RunGetMember(const Connection& connection, const MemberArgument& options, bool json);
int RunListMembers(const Connection& connection, const ListMembersOptions& options, bool json);
int RunUpdateMember(const Connection& connection, const UpdateMemberOptions& options, bool json);
int RunRemoveMember(const Connection& connection, const RemoveMemberOptions& options, bool json);
int RunNetworkMap(const Connection& connection, const NetworkMapOptions& options, bool json);

}  // namespace fgc::ctl
