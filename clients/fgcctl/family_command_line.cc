#include "clients/fgcctl/family_command_line.h"

#include <cstdlib>
#include <utility>

#include "clients/fgcctl/command_flags.h"
#include "clients/fgcctl/journey_arguments.h"
#include "clients/fgcctl/ledger_text.h"
#include "clients/fgcctl/slot_command_line.h"

namespace fgc::ctl {

FamilyCommandLine::FamilyCommandLine(CLI::App& app,
                                     std::function<Connection(const std::string&)> connect,
                                     const bool& json, int& exit_code)
    : connect_(std::move(connect)), json_(json), exit_code_(exit_code) {
  CLI::App* family = app.add_subcommand(
      "family", "a family member's side, with the token from their invitation link only");
  family->require_subcommand(1);
  if (const char* token = std::getenv("FGC_INVITATION_TOKEN"); token != nullptr) token_ = token;
  family->add_option("--invitation-token", token_,
                     "the token from the invitation link, or the whole link (env "
                     "FGC_INVITATION_TOKEN)");
  AddInvitation(*family);
  AddScheduling(*family);
  AddRecord(*family);
  AddPlan(*family);
}

void FamilyCommandLine::Run(const std::function<int(const Connection&)>& run) {
  const std::string token = TokenFromLink(token_);
  if (token.empty()) {
    exit_code_ = ReportLocalFailure(
        "give --invitation-token (or FGC_INVITATION_TOKEN): the token or the whole link", 2, json_);
    return;
  }
  exit_code_ = run(connect_(token));
}

void FamilyCommandLine::AddInvitation(CLI::App& family) {
  CLI::App* invitation = family.add_subcommand(
      "invitation", "my invitation: who invites me, for whom, when and where, what an FGC is");
  invitation->add_option("--language", language_, "the language to read it in, BCP 47");
  invitation->callback([this] {
    Run([this](const Connection& c) { return RunMyInvitation(c, language_, json_); });
  });

  CLI::App* respond = family.add_subcommand(
      "respond", "answer: coming in person or remotely, not able, or sending my views");
  respond->add_option("--answer", respond_.answer, "in-person, remote, not-able or views-only")
      ->required();
  auto* views = respond->add_option("--views", respond_.views, "my views, in my own words");
  respond->add_option("--views-file", respond_.views_file, "my views from a text file")
      ->excludes(views);
  respond
      ->add_option("--need", respond_.needs,
                   "repeatable kind[:details]: interpreter:LANG, access, travel, childcare, "
                   "dietary, other (replaces the needs given before)")
      ->allow_extra_args(false);
  RequestIdFlag(respond, respond_.request_id);
  respond->callback(
      [this] { Run([this](const Connection& c) { return RunRespond(c, respond_, json_); }); });
}

void FamilyCommandLine::AddScheduling(CLI::App& family) {
  CLI::App* slots =
      family.add_subcommand("slots", "the times proposed, with my answers, earliest first");
  PageFlags(slots, slots_, "slots", "");
  slots->callback(
      [this] { Run([this](const Connection& c) { return RunMySlots(c, slots_, json_); }); });

  CLI::App* availability = family.add_subcommand(
      "availability", "say which proposed times I can make (replacing my earlier answers)");
  AnswerFlag(availability, availability_.answers);
  RequestIdFlag(availability, availability_.request_id);
  availability->callback([this] {
    Run([this](const Connection& c) { return RunMyAvailability(c, availability_, json_); });
  });

  CLI::App* calendar =
      family.add_subcommand("calendar", "the booked meeting for my calendar (.ics)");
  OutFlag(calendar, calendar_out_, ".ics");
  calendar->callback([this] {
    Run([this](const Connection& c) { return RunMyCalendar(c, calendar_out_, json_); });
  });
}

void FamilyCommandLine::AddRecord(CLI::App& family) {
  CLI::App* record = family.add_subcommand(
      "record", "my record: the consents and uses of power that concern me, newest first");
  PageFlags(record, record_, "entries", "");
  record->callback(
      [this] { Run([this](const Connection& c) { return RunMyRecord(c, record_, json_); }); });

  CLI::App* withdraw =
      family.add_subcommand("withdraw-consent", "withdraw a consent I gave (no reason needed)");
  withdraw->add_option("entry", withdraw_.entry, "the consent: its entry name, or its index")
      ->required();
  withdraw->add_option("--reason", withdraw_.reason, "a reason, if I want to give one");
  RequestIdFlag(withdraw, withdraw_.request_id);
  withdraw->callback([this] {
    Run([this](const Connection& c) { return RunMyWithdrawal(c, withdraw_, json_); });
  });
}

void FamilyCommandLine::AddPlan(CLI::App& family) {
  CLI::App* plan = family.add_subcommand(
      "plan", "my family's agreed plan, as it was sent to me, and how it is going");
  plan->add_option("--language", language_, "the language of the labels, BCP 47");
  plan->callback(
      [this] { Run([this](const Connection& c) { return RunMyPlan(c, language_, json_); }); });
}

}  // namespace fgc::ctl
