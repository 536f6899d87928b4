// `fgcctl family ...`: the family member's side, by their invitation token only (no bearer
// token is sent): their invitation, their answer and needs, the proposed times and their
// availability, their calendar, their own ledger record, withdrawing a consent they gave, and
// their family's agreed plan once it has been distributed to them.
// Each Run function prints human text (or, with `json`, the response as protobuf JSON) and
// returns the exit code: 0 on success; 64 + the gRPC code when the call fails (details on
// stderr; an unknown, expired, revoked or replaced token is UNAUTHENTICATED); 1 when a file
// cannot be written; 2 for unusable input.
#pragma once

#include <string>
#include <vector>

#include "clients/fgcctl/command_flags.h"
#include "clients/fgcctl/connection.h"

namespace fgc::ctl {

struct RespondOptions {
  std::string answer;  // in-person, remote, not-able, views-only
  std::string views;
  std::string views_file;          // the views from a UTF-8 text file instead
  std::vector<std::string> needs;  // kind[:details]
  std::string request_id;
};

struct FamilyAvailabilityOptions {
  std::vector<std::string> answers;  // SLOT=yes|if-need-be|no[:in-person|remote]
  std::string request_id;
};

struct FamilyWithdrawOptions {
  std::string entry;  // the consent's entry name, or its index
  std::string reason;
  std::string request_id;
};

int RunMyInvitation(const Connection& connection, const std::string& language, bool json);
int RunRespond(const Connection& connection, const RespondOptions& options, bool json);
int RunMySlots(const Connection& connection, const PageOptions& page, bool json);
int RunMyAvailability(const Connection& connection, const FamilyAvailabilityOptions& options,
                      bool json);
int RunMyCalendar(const Connection& connection, const std::string& out, bool json);
int RunMyRecord(const Connection& connection, const PageOptions& page, bool json);
int RunMyWithdrawal(const Connection& connection, const FamilyWithdrawOptions& options, bool json);
// NOT_FOUND (PLAN_NOT_DISTRIBUTED) until a plan has been distributed to them.
int RunMyPlan(const Connection& connection, const std::string& language, bool json);

}  // namespace fgc::ctl
