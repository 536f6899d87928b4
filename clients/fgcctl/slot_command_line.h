// The `fgcctl slots` and `fgcctl availability` subcommands, their flags and help: registered
// on the application, each running its slot_commands.h function when chosen. Owns the parsed
// flag values, so it must outlive the parse.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "clients/fgcctl/connection.h"
#include "clients/fgcctl/slot_commands.h"

namespace fgc::ctl {

class SlotCommandLine {
 public:
  // `connect` makes the connection once the global flags are parsed; `json` and `exit_code`
  // are main's.
  SlotCommandLine(CLI::App& app, std::function<Connection()> connect, const bool& json,
                  int& exit_code);
  SlotCommandLine(const SlotCommandLine&) = delete;
  SlotCommandLine& operator=(const SlotCommandLine&) = delete;

 private:
  void AddSlots(CLI::App& app);
  void AddAvailability(CLI::App& app);

  std::function<Connection()> connect_;
  const bool& json_;
  int& exit_code_;

  ProposeSlotsOptions propose_;
  ListSlotsOptions list_;
  SuggestSlotsOptions suggest_;
  RecordAvailabilityOptions record_;
};

// --answer SLOT=ANSWER[:MODE], repeatable; shared with `fgcctl family availability`.
void AnswerFlag(CLI::App* command, std::vector<std::string>& answers);

}  // namespace fgc::ctl
