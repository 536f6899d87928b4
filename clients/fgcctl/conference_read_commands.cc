// `fgcctl conference get | list | overdue`: a conference in full, or one line per conference.
#include <iostream>

#include "absl/strings/str_cat.h"
#include "clients/fgcctl/call_runner.h"
#include "clients/fgcctl/conference_client.h"
#include "clients/fgcctl/conference_commands.h"
#include "clients/fgcctl/conference_text.h"
#include "clients/fgcctl/journey_arguments.h"
#include "clients/fgcctl/ledger_text.h"
#include "clients/fgcctl/scheduling_text.h"
#include "clients/fgcctl/status_output.h"

namespace fgc::ctl {

int RunGetConference(const Connection& connection, const GetConferenceOptions& options, bool json) {
  auto name = ConferenceNameArgument(options.tenant, options.conference);
  if (!name.ok()) return ReportLocalFailure(std::string(name.status().message()), 2, json);
  v1::GetConferenceResponse response;
  grpc::Status status = ConferenceClient(connection).Get(*name, &response);
  if (!status.ok()) return ReportFailure(status, json);
  if (json) {
    std::cout << ProtoJson(response).dump() << "\n";
  } else {
    std::cout << DescribeConference(response.conference());
  }
  return 0;
}

int RunListConferences(const Connection& connection, const ListConferencesOptions& options,
                       bool json) {
  ConferenceClient client(connection);
  v1::ListConferencesRequest request;
  request.set_parent(absl::StrCat("tenants/", options.tenant));
  request.set_page_size(options.page_size);
  request.set_filter(options.filter);
  request.set_page_token(options.page_token);
  // With --all, every page in one response message, as if the service had sent one page.
  v1::ListConferencesResponse all;
  if (!json) std::cout << ConferenceSummaryHeading() << "\n";
  do {
    v1::ListConferencesResponse page;
    grpc::Status status = client.List(request, &page);
    if (!status.ok()) return ReportFailure(status, json);
    for (const v1::Conference& conference : page.conferences()) {
      if (!json) std::cout << ConferenceSummaryLine(conference) << "\n";
    }
    all.mutable_conferences()->MergeFrom(page.conferences());
    all.set_next_page_token(page.next_page_token());
    request.set_page_token(page.next_page_token());
  } while (options.all && !request.page_token().empty());
  if (json) {
    std::cout << ProtoJson(all).dump() << "\n";
  } else {
    std::cout << "(" << all.conferences_size()
              << (all.conferences_size() == 1 ? " conference)\n" : " conferences)\n");
    if (!all.next_page_token().empty()) {
      std::cout << "more: --page-token " << all.next_page_token() << " (or --all)\n";
    }
  }
  return 0;
}

int RunListOverdue(const Connection& connection, const ListOverdueOptions& options, bool json) {
  v1::ListOverdueRequest request;
  request.set_parent(TenantName(options.tenant));
  request.set_filter(options.page.filter);
  if (!options.as_of.empty()) {
    auto as_of = ParseTime(options.as_of, absl::Now());
    if (!as_of.ok()) return ReportUnusableInput(as_of.status(), json);
    *request.mutable_as_of_time() = *as_of;
  }
  return RunList(connection, &v1::SchedulingService::Stub::ListOverdue, request, options.page, json,
                 &v1::ListOverdueResponse::mutable_overdue_conferences, OverdueSummaryHeading(),
                 OverdueSummaryLine, {"overdue conference", "overdue conferences"});
}

}  // namespace fgc::ctl
