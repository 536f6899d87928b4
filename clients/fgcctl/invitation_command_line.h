// The `fgcctl invitation` subcommands and `fgcctl restrict`, their flags and help: registered
// on the application, each running its invitation_commands.h function when chosen. Owns the
// parsed flag values, so it must outlive the parse.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "clients/fgcctl/connection.h"
#include "clients/fgcctl/invitation_commands.h"

namespace fgc::ctl {

class InvitationCommandLine {
 public:
  // `connect` makes the connection once the global flags are parsed; `json` and `exit_code`
  // are main's.
  InvitationCommandLine(CLI::App& app, std::function<Connection()> connect, const bool& json,
                        int& exit_code);
  InvitationCommandLine(const InvitationCommandLine&) = delete;
  InvitationCommandLine& operator=(const InvitationCommandLine&) = delete;

 private:
  void AddSend(CLI::App& invitation);
  void AddOthers(CLI::App& invitation);
  void AddRestrict(CLI::App& app);

  std::function<Connection()> connect_;
  const bool& json_;
  int& exit_code_;

  SendInvitationOptions send_;
  InvitationArgument get_;
  ListInvitationsOptions list_;
  ResendInvitationOptions resend_;
  RevokeInvitationOptions revoke_;
  RestrictOptions restrict_;
};

}  // namespace fgc::ctl
