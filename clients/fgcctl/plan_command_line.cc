#include "clients/fgcctl/plan_command_line.h"

#include <utility>

#include "absl/strings/str_join.h"
#include "clients/fgcctl/command_flags.h"

namespace fgc::ctl {
namespace {

// The positional plan: its name, or its id with --conference (and --tenant).
void PlanArguments(CLI::App* command, PlanArgument& plan) {
  InConferenceArguments(command, "plans", plan.plan, plan.conference, plan.tenant);
}

// --plan, --conference and --tenant, for a version or a request given `when` ("by its id").
void PlanFlags(CLI::App* command, PlanArgument& plan, const std::string& when) {
  command->add_option("--plan", plan.plan,
                      "the plan, when " + when + ": its name, or its id with --conference");
  command->add_option("--conference", plan.conference,
                      "the conference, when the plan is given by its id (its id needs --tenant)");
  command->add_option("--tenant", plan.tenant,
                      "the tenant, when the conference is given by its id");
}

// The positional version: its name, or its number with --plan.
void VersionArguments(CLI::App* command, PlanVersionArgument& version) {
  command
      ->add_option("version", version.version,
                   "tenants/{tenant}/conferences/{conference}/plans/{plan}/versions/{number}, or "
                   "its number with --plan")
      ->required();
  PlanFlags(command, version.plan, "the version is given by its number");
}

}  // namespace

PlanCommandLine::PlanCommandLine(CLI::App& app, std::function<Connection()> connect,
                                 const bool& json, int& exit_code)
    : connect_(std::move(connect)), json_(json), exit_code_(exit_code) {
  CLI::App* plan = app.add_subcommand(
      "plan",
      "the family's plan: its draft, submitted versions, decisions, resources, progress, "
      "distribution");
  plan->require_subcommand(1);
  AddDraft(*plan);
  AddVersions(*plan);
  AddDecisions(*plan);
  AddResources(*plan);
  AddFollowUp(*plan);
}

void PlanCommandLine::AddDraft(CLI::App& plan) {
  CLI::App* create = plan.add_subcommand(
      "create", "start a conference's plan (one per conference), with an optional first draft");
  create
      ->add_option("--conference", create_.conference,
                   "the conference: tenants/{tenant}/conferences/{id}, or its id with --tenant")
      ->required();
  TenantFlag(create, create_.tenant, false, "the tenant, when the conference is given by its id");
  create->add_option("--plan-id", create_.plan_id, "the plan id to ask for (default: plan)");
  create->add_option("--from", create_.file,
                     "the first draft, a PlanContent as protobuf JSON (family_words, items, ...)");
  RequestIdFlag(create, create_.request_id);
  create->callback([this] { exit_code_ = RunCreatePlan(connect_(), create_, json_); });

  CLI::App* get = plan.add_subcommand(
      "get", "a plan: state, draft, latest and agreed versions, resource requests, progress");
  PlanArguments(get, get_);
  get->callback([this] { exit_code_ = RunGetPlan(connect_(), get_, json_); });

  CLI::App* update = plan.add_subcommand(
      "update", "change the draft; refused, not overwritten, if someone changed it meanwhile");
  PlanArguments(update, update_.plan);
  ChangeFlags(update, update_.change,
              {.paths = absl::StrJoin(PlanDraftSettablePaths(), ", ") +
                        " (review_date: YYYY-MM-DD, empty to clear it)",
               .file = "a PlanContent as protobuf JSON holding the new values",
               .mask_example = "items,bottom_line_responses; * takes the whole draft",
               .what = "the plan"});
  RequestIdFlag(update, update_.request_id);
  update->callback([this] { exit_code_ = RunUpdatePlan(connect_(), update_, json_); });

  CLI::App* submit = plan.add_subcommand(
      "submit", "freeze the draft as the next numbered version, for the referrer to decide");
  PlanArguments(submit, submit_.plan);
  EtagFlag(submit, submit_.etag, "the plan");
  RequestIdFlag(submit, submit_.request_id);
  submit->callback([this] { exit_code_ = RunSubmitPlan(connect_(), submit_, json_); });
}

void PlanCommandLine::AddVersions(CLI::App& plan) {
  CLI::App* version =
      plan.add_subcommand("version", "the plan's submitted versions, which never change");
  version->require_subcommand(1);
  CLI::App* get = version->add_subcommand(
      "get", "one version: the plan as submitted, decisions, to whom it went");
  VersionArguments(get, version_get_);
  get->callback([this] { exit_code_ = RunGetPlanVersion(connect_(), version_get_, json_); });

  CLI::App* list = version->add_subcommand(
      "list", "a plan's versions, newest first: state, decisions, the referrer's outcome");
  PlanArguments(list, version_list_.plan);
  PageFlags(list, version_list_.page, "versions",
            "on state; e.g. 'state = PLAN_VERSION_STATE_ACCEPTED'");
  list->callback([this] { exit_code_ = RunListPlanVersions(connect_(), version_list_, json_); });

  CLI::App* diff = plan.add_subcommand(
      "diff", "what changed between two versions of a plan, item by item, one change a line");
  VersionArguments(diff, diff_.version);
  diff->add_option("--base", diff_.base,
                   "the earlier version: its name, or its number in the same plan")
      ->required();
  diff->add_option("--language", diff_.language, "the language of the descriptions, BCP 47");
  diff->callback([this] { exit_code_ = RunDiffPlanVersions(connect_(), diff_, json_); });
}

void PlanCommandLine::AddDecisions(CLI::App& plan) {
  CLI::App* decide = plan.add_subcommand(
      "decide", "record a family member's decision on the latest version (replacing theirs)");
  VersionArguments(decide, decide_.version);
  decide->add_option("--member", decide_.member, "the member: name, or id in the conference")
      ->required();
  decide->add_option("--agreement", decide_.agreement, "agree, agree-with-reservations or disagree")
      ->required();
  decide->add_option("--reservations", decide_.reservations,
                     "their reservations, or why they disagree, in their words");
  RequestIdFlag(decide, decide_.request_id);
  decide->callback([this] { exit_code_ = RunRecordDecision(connect_(), decide_, json_); });

  CLI::App* referrer = plan.add_subcommand(
      "referrer-decision",
      "the referrer's decision on the latest version: accept (moves to follow-up), decline (a "
      "use of power, in the ledger first) or more time");
  VersionArguments(referrer, referrer_.version);
  ReferrerDecisionFlags& d = referrer_.decision;
  referrer->add_option("--outcome", d.outcome, "accept, decline or more-time")->required();
  referrer->add_option("--reasons", d.reasons, "why (needed to decline)");
  referrer->add_option("--risk", d.risk,
                       "the risk of significant harm the plan leaves (needed to decline)");
  PowerFlagOptions(referrer, d.power);
  referrer->add_option(
      "--authorised-by", d.authorised_by,
      "who authorised a decline, if not you alone: subject[,display name[,agency]]");
  referrer->add_option("--deadline", d.deadline,
                       "with more-time: until when the family may revise the plan, RFC 3339");
  referrer->add_option("--comments", d.comments, "anything else, e.g. conditions of agreement");
  RequestIdFlag(referrer, referrer_.request_id);
  referrer->callback(
      [this] { exit_code_ = RunRecordReferrerDecision(connect_(), referrer_, json_); });
}

void PlanCommandLine::AddResources(CLI::App& plan) {
  CLI::App* resource =
      plan.add_subcommand("resource", "what the family asks agencies to provide, and decisions");
  resource->require_subcommand(1);
  CLI::App* request = resource->add_subcommand("request", "record something the family asks for");
  PlanArguments(request, resource_request_.plan);
  ResourceRequestFlags& r = resource_request_.request;
  request->add_option("--description", r.description, "what they ask for, in their words")
      ->required();
  request->add_option("--item", r.item_id, "the plan item it supports (its item id)");
  request->add_option("--cost", r.cost, "the estimated cost, e.g. 120.50 (with --currency)");
  request->add_option("--currency", r.currency, "ISO 4217 currency of --cost, e.g. GBP");
  request->add_option("--provider", r.provider, "the agency or team asked to provide it");
  RequestIdFlag(request, resource_request_.request_id);
  request->callback(
      [this] { exit_code_ = RunRequestResource(connect_(), resource_request_, json_); });

  CLI::App* decide = resource->add_subcommand(
      "decide", "agree, agree in part or decline a request (a decline is in the ledger first)");
  decide
      ->add_option("request", resource_decide_.request,
                   "tenants/{tenant}/conferences/{conference}/plans/{plan}/resourceRequests/"
                   "{id}, or its id with --plan")
      ->required();
  PlanFlags(decide, resource_decide_.plan, "the request is given by its id");
  ResourceDecisionFlags& d = resource_decide_.decision;
  decide->add_option("--outcome", d.outcome, "agree, agree-in-part or decline")->required();
  decide->add_option("--details", d.details, "what is agreed (needed to agree in part)");
  decide->add_option("--agreed-cost", d.agreed_cost, "the amount agreed, e.g. 60.00");
  decide->add_option("--currency", d.currency, "ISO 4217 currency of --agreed-cost, e.g. GBP");
  decide->add_option("--reasons", d.reasons, "why not in full (needed to decline)");
  decide->add_option("--decider-name", d.decider_name, "who decided, as the family sees it")
      ->required();
  decide->add_option("--decider", d.decider, "the decider's sign-in subject, if they have one");
  decide->add_option("--decider-agency", d.decider_agency, "the decider's agency");
  decide
      ->add_option("--authority-level", d.authority_level,
                   "their level of authority: Team manager, Resource panel, ...")
      ->required();
  PowerFlagOptions(decide, d.power);
  EtagFlag(decide, resource_decide_.etag, "the request");
  RequestIdFlag(decide, resource_decide_.request_id);
  decide->callback([this] { exit_code_ = RunDecideResource(connect_(), resource_decide_, json_); });
}

void PlanCommandLine::AddFollowUp(CLI::App& plan) {
  CLI::App* progress =
      plan.add_subcommand("progress", "record progress on an item of the agreed plan");
  PlanArguments(progress, progress_.plan);
  ProgressFlags& p = progress_.report;
  progress->add_option("--item", p.item_id, "the item (its item id in the agreed version)")
      ->required();
  progress->add_option("--status", p.status, "not-started, in-progress, done or not-done")
      ->required();
  progress->add_option("--reported-by", p.reported_by, "who says so: Nan, the school, ...")
      ->required();
  progress->add_option("--note", p.note, "what has happened, in plain words");
  progress->add_option("--observed", p.observed,
                       "when it was so, RFC 3339 or now (default: when recorded)");
  RequestIdFlag(progress, progress_.request_id);
  progress->callback([this] { exit_code_ = RunRecordProgress(connect_(), progress_, json_); });

  CLI::App* distribute = plan.add_subcommand(
      "distribute",
      "send the agreed version to the invitees entitled to it, the referrer and professionals "
      "(again: only to those not yet reached)");
  VersionArguments(distribute, distribute_.version);
  distribute
      ->add_option("--professional", distribute_.professionals,
                   "repeatable \"Name <email>\": a professional to send it to as well")
      ->allow_extra_args(false);
  RequestIdFlag(distribute, distribute_.request_id);
  distribute->callback([this] { exit_code_ = RunDistributePlan(connect_(), distribute_, json_); });
}

}  // namespace fgc::ctl
