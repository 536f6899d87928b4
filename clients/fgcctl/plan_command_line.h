// The `fgcctl plan` subcommands, their flags and help: registered on the application, each
// running its plan_commands.h function when chosen. Owns the parsed flag values, so it must
// outlive the parse.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "clients/fgcctl/connection.h"
#include "clients/fgcctl/plan_commands.h"

namespace fgc::ctl {

class PlanCommandLine {
 public:
  // `connect` makes the connection once the global flags are parsed; `json` and `exit_code`
  // are main's.
  PlanCommandLine(CLI::App& app, std::function<Connection()> connect, const bool& json,
                  int& exit_code);
  PlanCommandLine(const PlanCommandLine&) = delete;
  PlanCommandLine& operator=(const PlanCommandLine&) = delete;

 private:
  void AddDraft(CLI::App& plan);
  void AddVersions(CLI::App& plan);
  void AddDecisions(CLI::App& plan);
  void AddResources(CLI::App& plan);
  void AddFollowUp(CLI::App& plan);

  std::function<Connection()> connect_;
  const bool& json_;
  int& exit_code_;

  CreatePlanOptions create_;
  PlanArgument get_;
  UpdatePlanOptions update_;
  SubmitPlanOptions submit_;
  PlanVersionArgument version_get_;
  ListPlanVersionsOptions version_list_;
  DiffPlanOptions diff_;
  MemberDecisionOptions decide_;
  ReferrerDecisionOptions referrer_;
  RequestResourceOptions resource_request_;
  DecideResourceOptions resource_decide_;
  RecordProgressOptions progress_;
  DistributePlanOptions distribute_;
};

}  // namespace fgc::ctl
