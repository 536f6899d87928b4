// The `fgcctl network` subcommands, their flags and help: registered on the application, each
// running its network_commands.h function when chosen. Owns the parsed flag values, so it must
// outlive the parse.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "clients/fgcctl/connection.h"
#include "clients/fgcctl/network_commands.h"

namespace fgc::ctl {

class NetworkCommandLine {
 public:
  // `connect` makes the connection once the global flags are parsed; `json` and `exit_code`
  // are main's.
  NetworkCommandLine(CLI::App& app, std::function<Connection()> connect, const bool& json,
                     int& exit_code);
  NetworkCommandLine(const NetworkCommandLine&) = delete;
  NetworkCommandLine& operator=(const NetworkCommandLine&) = delete;

 private:
  void AddAdd(CLI::App& network);
  void AddReads(CLI::App& network);
  void AddChanges(CLI::App& network);

  std::function<Connection()> connect_;
  const bool& json_;
  int& exit_code_;

  AddMemberOptions add_;
  MemberArgument get_;
  ListMembersOptions list_;
  UpdateMemberOptions update_;
  RemoveMemberOptions remove_;
  NetworkMapOptions map_;
};

}  // namespace fgc::ctl
