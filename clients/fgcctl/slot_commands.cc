#include "clients/fgcctl/slot_commands.h"

#include "clients/fgcctl/call_runner.h"
#include "clients/fgcctl/conference_text.h"
#include "clients/fgcctl/journey_arguments.h"
#include "clients/fgcctl/scheduling_requests.h"
#include "clients/fgcctl/scheduling_text.h"
#include "fgc/v1/scheduling_service.grpc.pb.h"

namespace fgc::ctl {

using Scheduling = v1::SchedulingService::Stub;

int RunProposeSlots(const Connection& connection, const ProposeSlotsOptions& options, bool json) {
  auto conference = ConferenceNameArgument(options.tenant, options.conference);
  if (!conference.ok()) return ReportUnusableInput(conference.status(), json);
  auto slots =
      SlotsFromFlags(options.intervals, TenantOf(*conference), options.venue, options.remote);
  if (!slots.ok()) return ReportUnusableInput(slots.status(), json);
  v1::ProposeSlotsRequest request;
  request.set_parent(*conference);
  for (v1::Slot& slot : *slots) *request.add_slots() = std::move(slot);
  if (!options.deadline.empty()) {
    auto deadline = ParseTime(options.deadline, absl::Now());
    if (!deadline.ok()) return ReportUnusableInput(deadline.status(), json);
    *request.mutable_availability_deadline() = *deadline;
  }
  return RunWrite(connection, &Scheduling::ProposeSlots, request, options.request_id, json,
                  DescribeProposedSlots);
}

int RunListSlots(const Connection& connection, const ListSlotsOptions& options, bool json) {
  auto conference = ConferenceNameArgument(options.tenant, options.conference);
  if (!conference.ok()) return ReportUnusableInput(conference.status(), json);
  v1::ListSlotsRequest request;
  request.set_parent(*conference);
  request.set_filter(options.page.filter);
  return RunList(connection, &Scheduling::ListSlots, request, options.page, json,
                 &v1::ListSlotsResponse::mutable_slots, SlotSummaryHeading(), SlotSummaryLine,
                 {"slot", "slots"}, SlotListFooter);
}

int RunSuggestSlots(const Connection& connection, const SuggestSlotsOptions& options, bool json) {
  auto conference = ConferenceNameArgument(options.tenant, options.conference);
  if (!conference.ok()) return ReportUnusableInput(conference.status(), json);
  v1::SuggestSlotsRequest request;
  request.set_parent(*conference);
  request.set_max_suggestions(options.max);
  request.set_language_code(options.language);
  return RunRead(connection, &Scheduling::SuggestSlots, request, json, DescribeSuggestions);
}

int RunRecordAvailability(const Connection& connection, const RecordAvailabilityOptions& options,
                          bool json) {
  const MemberArgument& m = options.member;
  auto member = InConferenceArgument(m.tenant, m.conference, "members", m.member);
  if (!member.ok()) return ReportUnusableInput(member.status(), json);
  auto answers = AvailabilityFromFlags(options.answers, ConferenceOf(*member));
  if (!answers.ok()) return ReportUnusableInput(answers.status(), json);
  v1::RecordAvailabilityRequest request;
  request.set_name(*member);
  for (v1::Availability& a : *answers) *request.add_availability() = std::move(a);
  return RunWrite(connection, &Scheduling::RecordAvailability, request, options.request_id, json,
                  DescribeRecordedAvailability);
}

}  // namespace fgc::ctl
