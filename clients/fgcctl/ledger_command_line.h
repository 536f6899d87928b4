// The `fgcctl ledger` subcommands, their flags and help: registered on the application, each
// running its ledger_commands.h function when chosen. Owns the parsed flag values, so it must
// outlive the parse.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "clients/fgcctl/connection.h"
#include "clients/fgcctl/ledger_commands.h"

namespace fgc::ctl {

class LedgerCommandLine {
 public:
  // `connect` makes the connection once the global flags are parsed; `json` and `exit_code`
  // are main's.
  LedgerCommandLine(CLI::App& app, std::function<Connection()> connect, const bool& json,
                    int& exit_code);
  LedgerCommandLine(const LedgerCommandLine&) = delete;
  LedgerCommandLine& operator=(const LedgerCommandLine&) = delete;

 private:
  void AddWrites(CLI::App& ledger);
  void AddReads(CLI::App& ledger);
  void AddExportAndVerify(CLI::App& ledger);

  std::function<Connection()> connect_;
  const bool& json_;
  int& exit_code_;

  RecordOptions consent_;
  RecordOptions power_;
  WithdrawOptions withdraw_;
  CheckConsentOptions check_;
  ListOptions list_;
  GetEntryOptions get_;
  CheckpointOptions checkpoint_;
  std::string key_tenant_;
  ExportOptions export_;
  VerifyCommandOptions verify_;
};

}  // namespace fgc::ctl
