// The `fgcctl venue` subcommands, their flags and help: registered on the application, each
// running its venue_commands.h function when chosen. Owns the parsed flag values, so it must
// outlive the parse.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "clients/fgcctl/connection.h"
#include "clients/fgcctl/venue_commands.h"

namespace fgc::ctl {

class VenueCommandLine {
 public:
  // `connect` makes the connection once the global flags are parsed; `json` and `exit_code`
  // are main's.
  VenueCommandLine(CLI::App& app, std::function<Connection()> connect, const bool& json,
                   int& exit_code);
  VenueCommandLine(const VenueCommandLine&) = delete;
  VenueCommandLine& operator=(const VenueCommandLine&) = delete;

 private:
  void AddCreate(CLI::App& venue);

  std::function<Connection()> connect_;
  const bool& json_;
  int& exit_code_;

  CreateVenueOptions create_;
  GetVenueOptions get_;
  ListVenuesOptions list_;
};

}  // namespace fgc::ctl
