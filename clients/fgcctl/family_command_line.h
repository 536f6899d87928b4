// The `fgcctl family` subcommands, their flags and help: what a family member does with the
// token from their invitation link (--invitation-token, or FGC_INVITATION_TOKEN; the whole link
// may be given). Registered on the application, each running its family_commands.h function
// when chosen. Owns the parsed flag values, so it must outlive the parse.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "clients/fgcctl/connection.h"
#include "clients/fgcctl/family_commands.h"

namespace fgc::ctl {

class FamilyCommandLine {
 public:
  // `connect` makes a connection that sends only the invitation token it is given (no bearer
  // token), once the global flags are parsed; `json` and `exit_code` are main's.
  FamilyCommandLine(CLI::App& app, std::function<Connection(const std::string&)> connect,
                    const bool& json, int& exit_code);
  FamilyCommandLine(const FamilyCommandLine&) = delete;
  FamilyCommandLine& operator=(const FamilyCommandLine&) = delete;

 private:
  void AddInvitation(CLI::App& family);
  void AddScheduling(CLI::App& family);
  void AddRecord(CLI::App& family);
  void AddPlan(CLI::App& family);
  // Runs `run(connection)` with the token's connection, or reports that there is no token.
  void Run(const std::function<int(const Connection&)>& run);

  std::function<Connection(const std::string&)> connect_;
  const bool& json_;
  int& exit_code_;

  std::string token_;
  std::string language_;  // of `invitation` or `plan`, whichever runs
  RespondOptions respond_;
  PageOptions slots_;
  FamilyAvailabilityOptions availability_;
  std::string calendar_out_;
  PageOptions record_;
  FamilyWithdrawOptions withdraw_;
};

}  // namespace fgc::ctl
