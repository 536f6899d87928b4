#include "clients/fgcctl/conference_command_line.h"

#include <utility>

#include "absl/strings/str_join.h"
#include "clients/fgcctl/command_flags.h"
#include "clients/fgcctl/conference_settings.h"

namespace fgc::ctl {
namespace {

void ConferenceTenantFlag(CLI::App* command, std::string& tenant, bool required) {
  fgc::ctl::TenantFlag(
      command, tenant, required,
      required ? "the tenant" : "the tenant, when the conference is given by its id alone");
}

}  // namespace

ConferenceCommandLine::ConferenceCommandLine(CLI::App& app, std::function<Connection()> connect,
                                             const bool& json, int& exit_code)
    : connect_(std::move(connect)), json_(json), exit_code_(exit_code) {
  CLI::App* conference = app.add_subcommand(
      "conference", "conferences: create from a referral, read, list, change, move between stages");
  conference->require_subcommand(1);
  AddCreate(*conference);
  AddReads(*conference);
  AddUpdate(*conference);
  AddTransition(*conference);
}

void ConferenceCommandLine::AddCreate(CLI::App& conference) {
  CLI::App* create = conference.add_subcommand(
      "create", "create a conference from a referral (a Conference as protobuf JSON)");
  ConferenceTenantFlag(create, create_.tenant, true);
  create
      ->add_option("--from", create_.file,
                   "the referral: urgency, time_zone, referral, children, parental_responsibility "
                   "(see docs/examples/referral.json)")
      ->required();
  create->add_option("--id", create_.id,
                     "the conference id to ask for (default: the service picks one)");
  RequestIdFlag(create, create_.request_id);
  create->callback([this] { exit_code_ = RunCreateConference(connect_(), create_, json_); });
}

void ConferenceCommandLine::AddReads(CLI::App& conference) {
  CLI::App* get = conference.add_subcommand("get", "one conference: stage, people, deadlines");
  ConferenceArgument(get, get_.conference);
  ConferenceTenantFlag(get, get_.tenant, false);
  get->callback([this] { exit_code_ = RunGetConference(connect_(), get_, json_); });

  CLI::App* list = conference.add_subcommand(
      "list", "conferences, newest referral first: name, stage, urgency, coordinator, overdue");
  ConferenceTenantFlag(list, list_.tenant, true);
  list->add_option("--filter", list_.filter,
                   "on stage, urgency, coordinator.subject, referral.referring_agency, overdue; "
                   "e.g. 'stage = STAGE_PREPARATION AND overdue = true'");
  list->add_option("--page-size", list_.page_size,
                   "conferences per page (0: the server's default)");
  list->add_option("--page-token", list_.page_token, "continue from a previous page");
  list->add_flag("--all", list_.all, "follow every page to the end");
  list->callback([this] { exit_code_ = RunListConferences(connect_(), list_, json_); });

  CLI::App* overdue = conference.add_subcommand(
      "overdue", "conferences past a timescale, most overdue first, with what they missed");
  ConferenceTenantFlag(overdue, overdue_.tenant, true);
  overdue->add_option("--as-of", overdue_.as_of,
                      "judge at this RFC 3339 time (default: now; a later one forecasts)");
  PageFlags(overdue, overdue_.page, "conferences",
            "on timescale, coordinator.subject, referral.referring_agency; e.g. "
            "'timescale = TIMESCALE_ACKNOWLEDGE_REFERRAL'");
  overdue->callback([this] { exit_code_ = RunListOverdue(connect_(), overdue_, json_); });
}

void ConferenceCommandLine::AddUpdate(CLI::App& conference) {
  CLI::App* update = conference.add_subcommand(
      "update",
      "change fields; refused, not overwritten, if someone changed the conference meanwhile");
  ConferenceArgument(update, update_.conference);
  ConferenceTenantFlag(update, update_.tenant, false);
  ChangeFlags(update, update_.change,
              {.paths = absl::StrJoin(SettablePaths(), ", ") +
                        " (acknowledge_time: RFC 3339 or now; coordinator: "
                        "subject[,display name[,agency]])",
               .file = "a Conference as protobuf JSON holding the new values",
               .mask_example = "referral.bottom_lines,children",
               .what = "the conference"});
  RequestIdFlag(update, update_.request_id);
  update->callback([this] { exit_code_ = RunUpdateConference(connect_(), update_, json_); });
}

void ConferenceCommandLine::AddTransition(CLI::App& conference) {
  CLI::App* move = conference.add_subcommand(
      "transition", "move to another stage (leaving referral needs consent and a coordinator)");
  ConferenceArgument(move, transition_.conference);
  ConferenceTenantFlag(move, transition_.tenant, false);
  move->add_option("--to", transition_.to,
                   "preparation, information-sharing, private-family-time, plan-agreement or "
                   "closed")
      ->required();
  move->add_option("--coordinator", transition_.coordinator,
                   "allocate this coordinator (their sign-in subject); needed to leave referral");
  move->add_option("--coordinator-name", transition_.coordinator_name,
                   "the coordinator's name as families see it");
  move->add_option("--coordinator-agency", transition_.coordinator_agency,
                   "the coordinator's agency");
  move->add_option(
      "--at", transition_.at,
      "when it happened, RFC 3339 (default: now), e.g. the end of private family time");
  move->add_option("--outcome", transition_.outcome,
                   "when closing: plan-agreed, plan-declined, no-plan, not-proceeded, withdrawn");
  move->add_option("--reason", transition_.reason,
                   "why, in plain words (needed to close without "
                   "an outcome)");
  move->add_option("--etag", transition_.etag,
                   "refuse the move if the conference changed since you read this etag");
  RequestIdFlag(move, transition_.request_id);
  move->callback([this] { exit_code_ = RunTransitionConference(connect_(), transition_, json_); });
}

}  // namespace fgc::ctl
