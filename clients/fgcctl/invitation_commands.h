// `fgcctl invitation send | get | list | resend | revoke` and `fgcctl restrict`: inviting
// network members with one-time links, following where each invitation stands, and recording a
// restriction on how someone takes part (its ledger power record is written first). Each Run
// function prints human text (or, with `json`, the response as protobuf JSON) and returns the
// exit code: 0 on success; 64 + the gRPC code when the call fails (details on stderr); 2 for
// unusable input. A by-hand link is printed once, labelled as the secret it is.
#pragma once

#include <string>

#include "clients/fgcctl/command_flags.h"
#include "clients/fgcctl/connection.h"
#include "clients/fgcctl/network_commands.h"
#include "clients/fgcctl/network_requests.h"

namespace fgc::ctl {

// An invitation given by its name, or by its id with the conference (and the tenant).
struct InvitationArgument {
  std::string tenant;
  std::string conference;
  std::string invitation;
};

struct SendInvitationOptions {
  MemberArgument member;
  std::string channel;  // email, sms, by-hand; empty: the member's preferred channel
  std::string language;
  std::string message;
  std::string expires;  // RFC 3339
  std::string request_id;
};

struct ListInvitationsOptions {
  std::string tenant;
  std::string conference;
  PageOptions page;
};

struct ResendInvitationOptions {
  InvitationArgument invitation;
  std::string channel;
  std::string expires;
  std::string etag;
  std::string request_id;
};

struct RevokeInvitationOptions {
  InvitationArgument invitation;
  std::string reason;
  std::string request_id;
};

struct RestrictOptions {
  MemberArgument member;
  RestrictionFlags restriction;
  std::string etag;
  std::string request_id;
};

int RunSendInvitation(const Connection& connection, const SendInvitationOptions& options,
                      bool json);
int RunGetInvitation(const Connection& connection, const InvitationArgument& options, bool json);
int RunListInvitations(const Connection& connection, const ListInvitationsOptions& options,
                       bool json);
int RunResendInvitation(const Connection& connection, const ResendInvitationOptions& options,
                        bool json);
int RunRevokeInvitation(const Connection& connection, const RevokeInvitationOptions& options,
                        bool json);
int RunRestrict(const Connection& connection, const RestrictOptions& options, bool json);

}  // namespace fgc::ctl
