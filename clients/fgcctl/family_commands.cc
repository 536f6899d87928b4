#include "clients/fgcctl/family_commands.h"

#include "absl/strings/str_cat.h"
#include "clients/fgcctl/booking_commands.h"
#include "clients/fgcctl/call_runner.h"
#include "clients/fgcctl/family_text.h"
#include "clients/fgcctl/journey_arguments.h"
#include "clients/fgcctl/network_requests.h"
#include "clients/fgcctl/network_text.h"
#include "clients/fgcctl/scheduling_requests.h"
#include "clients/fgcctl/scheduling_text.h"
#include "fgc/v1/invitation_service.grpc.pb.h"
#include "fgc/v1/ledger_service.grpc.pb.h"
#include "fgc/v1/plan_service.grpc.pb.h"
#include "fgc/v1/scheduling_service.grpc.pb.h"

namespace fgc::ctl {
namespace {

using Invitations = v1::InvitationService::Stub;
using Ledger = v1::LedgerService::Stub;
using Plans = v1::PlanService::Stub;
using Scheduling = v1::SchedulingService::Stub;

// The conference the token opens, for slots given by id: a family member sees full names only
// in `family slots`.
grpc::Status MyConference(const Connection& connection, std::string* conference) {
  v1::GetMyInvitationResponse mine;
  grpc::Status status =
      Invoke(connection, &Invitations::GetMyInvitation, v1::GetMyInvitationRequest(), &mine);
  *conference = ConferenceOf(mine.invitation().name());
  return status;
}

bool AnyBareSlot(const std::vector<std::string>& answers) {
  for (const std::string& answer : answers) {
    if (answer.substr(0, answer.find('=')).find('/') == std::string::npos) return true;
  }
  return false;
}

std::string RecordFooter(const v1::GetMyRecordResponse& r) {
  std::string out;
  for (const std::string& entry : r.withdrawable_entries()) {
    absl::StrAppend(&out, "you may withdraw ", entry, ": fgcctl family withdraw-consent ", entry,
                    "\n");
  }
  return out;
}

}  // namespace

int RunMyInvitation(const Connection& connection, const std::string& language, bool json) {
  v1::GetMyInvitationRequest request;
  request.set_language_code(language);
  return RunRead(connection, &Invitations::GetMyInvitation, request, json, DescribeMyInvitation);
}

int RunRespond(const Connection& connection, const RespondOptions& options, bool json) {
  std::string views = options.views;
  if (!options.views_file.empty()) {
    auto text = ReadWholeFile(options.views_file);
    if (!text.ok()) return ReportUnusableInput(text.status(), json);
    views = *text;
  }
  auto rsvp = RsvpFromFlags(options.answer, views, options.needs);
  if (!rsvp.ok()) return ReportUnusableInput(rsvp.status(), json);
  v1::RespondToInvitationRequest request;
  *request.mutable_rsvp() = *std::move(rsvp);
  return RunWrite(connection, &Invitations::RespondToInvitation, request, options.request_id, json,
                  [](const v1::RespondToInvitationResponse& r) {
                    return "answered " + DescribeInvitation(r.invitation());
                  });
}

int RunMySlots(const Connection& connection, const PageOptions& page, bool json) {
  v1::ListSlotsRequest request;  // no parent: the token's own conference
  request.set_filter(page.filter);
  return RunList(connection, &Scheduling::ListSlots, request, page, json,
                 &v1::ListSlotsResponse::mutable_slots, SlotSummaryHeading(), SlotSummaryLine,
                 {"slot", "slots"}, SlotListFooter);
}

int RunMyAvailability(const Connection& connection, const FamilyAvailabilityOptions& options,
                      bool json) {
  std::string conference;
  if (AnyBareSlot(options.answers)) {
    grpc::Status status = MyConference(connection, &conference);
    if (!status.ok()) return ReportFailure(status, json);
  }
  auto answers = AvailabilityFromFlags(options.answers, conference);
  if (!answers.ok()) return ReportUnusableInput(answers.status(), json);
  v1::RecordAvailabilityRequest request;  // no name: the token's own member
  for (v1::Availability& a : *answers) *request.add_availability() = std::move(a);
  return RunWrite(connection, &Scheduling::RecordAvailability, request, options.request_id, json,
                  DescribeRecordedAvailability);
}

int RunMyCalendar(const Connection& connection, const std::string& out, bool json) {
  CalendarOptions options;  // no conference: the token's own, as the member receives it
  options.out = out;
  return RunExportCalendar(connection, options, json);
}

int RunMyRecord(const Connection& connection, const PageOptions& page, bool json) {
  return RunList(connection, &Ledger::GetMyRecord, v1::GetMyRecordRequest(), page, json,
                 &v1::GetMyRecordResponse::mutable_entries,
                 "index\tkind\toccurred\tsubject\tdecision", EntrySummaryLine, {"entry", "entries"},
                 RecordFooter);
}

int RunMyWithdrawal(const Connection& connection, const FamilyWithdrawOptions& options, bool json) {
  v1::WithdrawConsentRequest request;
  std::string tenant;
  if (options.entry.find('/') == std::string::npos) {
    // An index: the tenant is the one of the member the token belongs to.
    v1::GetMyRecordRequest record;
    record.set_page_size(1);
    v1::GetMyRecordResponse mine;
    grpc::Status status = Invoke(connection, &Ledger::GetMyRecord, record, &mine);
    if (!status.ok()) return ReportFailure(status, json);
    tenant = TenantOf(mine.member());
  }
  request.set_name(EntryNameArgument(tenant, options.entry));
  request.set_reason(options.reason);
  return RunWrite(connection, &Ledger::WithdrawConsent, request, options.request_id, json,
                  [](const v1::WithdrawConsentResponse& r) {
                    return "withdrawn: " + DescribeEntry(r.entry());
                  });
}

int RunMyPlan(const Connection& connection, const std::string& language, bool json) {
  v1::GetMyPlanRequest request;
  request.set_language_code(language);
  return RunRead(connection, &Plans::GetMyPlan, request, json, DescribeMyPlan);
}

}  // namespace fgc::ctl
