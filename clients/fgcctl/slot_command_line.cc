#include "clients/fgcctl/slot_command_line.h"

#include <utility>

namespace fgc::ctl {

void AnswerFlag(CLI::App* command, std::vector<std::string>& answers) {
  command
      ->add_option("--answer", answers,
                   "repeatable SLOT=yes|if-need-be|no[:in-person|remote]; SLOT is the slot's "
                   "name or id")
      ->required()
      ->allow_extra_args(false);
}

SlotCommandLine::SlotCommandLine(CLI::App& app, std::function<Connection()> connect,
                                 const bool& json, int& exit_code)
    : connect_(std::move(connect)), json_(json), exit_code_(exit_code) {
  AddSlots(app);
  AddAvailability(app);
}

void SlotCommandLine::AddSlots(CLI::App& app) {
  CLI::App* slots = app.add_subcommand(
      "slots", "candidate times for a conference: propose, list with answers, suggest the best");
  slots->require_subcommand(1);

  CLI::App* propose = slots->add_subcommand("propose", "propose candidate times (while preparing)");
  ConferenceArgument(propose, propose_.conference);
  TenantFlag(propose, propose_.tenant, false, "the tenant, when the conference is given by its id");
  propose
      ->add_option("--at", propose_.intervals,
                   "repeatable START/END or START/DURATION, e.g. 2025-05-06T10:00:00+01:00/4h")
      ->required()
      ->allow_extra_args(false);
  propose->add_option("--venue", propose_.venue, "the venue for these times (name or id)");
  propose->add_flag("--remote", propose_.remote, "people may join remotely");
  propose->add_option("--deadline", propose_.deadline, "when answers close, RFC 3339");
  RequestIdFlag(propose, propose_.request_id);
  propose->callback([this] { exit_code_ = RunProposeSlots(connect_(), propose_, json_); });

  CLI::App* list = slots->add_subcommand("list", "proposed times, earliest first, with answers");
  ConferenceArgument(list, list_.conference);
  TenantFlag(list, list_.tenant, false, "the tenant, when the conference is given by its id");
  PageFlags(list, list_.page, "slots", "on start_time and venue");
  list->callback([this] { exit_code_ = RunListSlots(connect_(), list_, json_); });

  CLI::App* suggest = slots->add_subcommand(
      "suggest", "rank the times by who can come (the child and parents weigh most), explained");
  ConferenceArgument(suggest, suggest_.conference);
  TenantFlag(suggest, suggest_.tenant, false, "the tenant, when the conference is given by its id");
  suggest->add_option("--max", suggest_.max, "how many (default 10, at most 100)");
  suggest->add_option("--language", suggest_.language, "language of the explanations, BCP 47");
  suggest->callback([this] { exit_code_ = RunSuggestSlots(connect_(), suggest_, json_); });
}

void SlotCommandLine::AddAvailability(CLI::App& app) {
  CLI::App* availability = app.add_subcommand("availability", "who can make which proposed time");
  availability->require_subcommand(1);
  CLI::App* record = availability->add_subcommand(
      "record", "record a member's answers for proposed times (replacing earlier ones)");
  InConferenceArguments(record, "members", record_.member.member, record_.member.conference,
                        record_.member.tenant);
  AnswerFlag(record, record_.answers);
  RequestIdFlag(record, record_.request_id);
  record->callback([this] { exit_code_ = RunRecordAvailability(connect_(), record_, json_); });
}

}  // namespace fgc::ctl
