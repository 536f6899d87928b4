#include "clients/fgcctl/booking_command_line.h"

#include <utility>

#include "clients/fgcctl/command_flags.h"

namespace fgc::ctl {
namespace {

void ConferenceFlags(CLI::App* command, BookingOptions& o) {
  ConferenceArgument(command, o.conference);
  TenantFlag(command, o.tenant, false, "the tenant, when the conference is given by its id");
  EtagFlag(command, o.etag, "the conference");
  RequestIdFlag(command, o.request_id);
}

void MeetingFlagsOf(CLI::App* command, MeetingFlags& m) {
  command->add_option("--at", m.when, "START/END or START/DURATION, e.g. 2025-05-06T10:00:00Z/4h");
  command->add_option("--venue", m.venue, "the venue (name or id); none: everyone joins remotely");
  command->add_option("--join-url", m.join_url, "https URL of the video meeting");
  command->add_option("--dial-in", m.dial_in, "telephone number to dial in, E.164");
  command->add_option("--join-instructions", m.join_instructions, "how to join, plain words");
}

void SlotAndMeeting(CLI::App* command, BookingOptions& o) {
  command->add_option("--slot", o.slot, "a proposed slot (name or id): its times and venue");
  MeetingFlagsOf(command, o.meeting);
}

}  // namespace

BookingCommandLine::BookingCommandLine(CLI::App& app, std::function<Connection()> connect,
                                       const bool& json, int& exit_code)
    : connect_(std::move(connect)), json_(json), exit_code_(exit_code) {
  AddBooking(app);
  AddReview(app);
  AddCalendar(app);
}

void BookingCommandLine::AddBooking(CLI::App& app) {
  CLI::App* booking = app.add_subcommand(
      "booking", "book the conference (never a venue or coordinator twice), move or cancel it");
  booking->require_subcommand(1);

  CLI::App* book = booking->add_subcommand(
      "book", "book a proposed slot (--slot) or a time (--at); every invitee is told");
  ConferenceFlags(book, book_);
  SlotAndMeeting(book, book_);
  book->callback([this] { exit_code_ = RunBook(connect_(), book_, json_); });

  CLI::App* reschedule =
      booking->add_subcommand("reschedule", "move the booked meeting; every invitee is told why");
  ConferenceFlags(reschedule, reschedule_);
  SlotAndMeeting(reschedule, reschedule_);
  reschedule->add_option("--reason", reschedule_.reason, "why it moves, as invitees are told")
      ->required();
  reschedule->callback([this] { exit_code_ = RunReschedule(connect_(), reschedule_, json_); });

  CLI::App* cancel = booking->add_subcommand(
      "cancel", "cancel the booked meeting (back to preparation); every invitee is told why");
  ConferenceFlags(cancel, cancel_);
  cancel->add_option("--reason", cancel_.reason, "why, as invitees are told")->required();
  cancel->callback([this] { exit_code_ = RunCancel(connect_(), cancel_, json_); });
}

void BookingCommandLine::AddReview(CLI::App& app) {
  CLI::App* review = app.add_subcommand("review", "the review of an agreed plan");
  review->require_subcommand(1);
  CLI::App* schedule = review->add_subcommand(
      "schedule", "set the date the plan is reviewed by, and optionally book the review meeting");
  ConferenceArgument(schedule, review_.conference);
  TenantFlag(schedule, review_.tenant, false, "the tenant, when the conference is given by its id");
  schedule->add_option("--by", review_.by, "the review date, YYYY-MM-DD")->required();
  schedule->add_option("--plan-version", review_.plan_version, "the agreed plan version");
  MeetingFlagsOf(schedule, review_.meeting);
  EtagFlag(schedule, review_.etag, "the conference");
  RequestIdFlag(schedule, review_.request_id);
  schedule->callback([this] { exit_code_ = RunScheduleReview(connect_(), review_, json_); });
}

void BookingCommandLine::AddCalendar(CLI::App& app) {
  CLI::App* calendar = app.add_subcommand("calendar", "the booked conference for calendars");
  calendar->require_subcommand(1);
  CLI::App* out = calendar->add_subcommand(
      "export", "the RFC 5545 calendar (.ics): a request while booked, a cancellation after");
  ConferenceArgument(out, calendar_.conference);
  TenantFlag(out, calendar_.tenant, false, "the tenant, when the conference is given by its id");
  out->add_option("--member", calendar_.member, "as this invitee receives it (name or id)");
  out->add_flag("--reviews", calendar_.reviews, "include booked review meetings");
  OutFlag(out, calendar_.out, ".ics");
  out->callback([this] { exit_code_ = RunExportCalendar(connect_(), calendar_, json_); });
}

}  // namespace fgc::ctl
