// The `fgcctl conference` subcommands, their flags and help: registered on the application,
// each running its conference_commands.h function when chosen. Owns the parsed flag values, so
// it must outlive the parse.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "clients/fgcctl/conference_commands.h"
#include "clients/fgcctl/connection.h"

namespace fgc::ctl {

class ConferenceCommandLine {
 public:
  // `connect` makes the connection once the global flags are parsed; `json` and `exit_code`
  // are main's.
  ConferenceCommandLine(CLI::App& app, std::function<Connection()> connect, const bool& json,
                        int& exit_code);
  ConferenceCommandLine(const ConferenceCommandLine&) = delete;
  ConferenceCommandLine& operator=(const ConferenceCommandLine&) = delete;

 private:
  void AddCreate(CLI::App& conference);
  void AddReads(CLI::App& conference);
  void AddUpdate(CLI::App& conference);
  void AddTransition(CLI::App& conference);

  std::function<Connection()> connect_;
  const bool& json_;
  int& exit_code_;

  CreateConferenceOptions create_;
  GetConferenceOptions get_;
  ListConferencesOptions list_;
  ListOverdueOptions overdue_;
  UpdateConferenceOptions update_;
  TransitionConferenceOptions transition_;
};

}  // namespace fgc::ctl
