// `fgcctl conference create | update | transition`: the writes, each under a request id that
// a retry can reuse. `update` sends the etag it read, so that a change someone made in between
// is reported rather than overwritten.
#include <iostream>

#include "absl/strings/str_cat.h"
#include "clients/fgcctl/call_output.h"
#include "clients/fgcctl/conference_client.h"
#include "clients/fgcctl/conference_commands.h"
#include "clients/fgcctl/conference_settings.h"
#include "clients/fgcctl/conference_text.h"
#include "clients/fgcctl/journey_arguments.h"
#include "clients/fgcctl/ledger_text.h"
#include "clients/fgcctl/status_output.h"
#include "google/protobuf/util/time_util.h"

namespace fgc::ctl {
namespace {

using google::protobuf::util::TimeUtil;

absl::StatusOr<v1::Conference> ReadConferenceFile(const std::string& path) {
  v1::Conference conference;
  if (absl::Status s = ReadMessageFile(path, &conference); !s.ok()) return s;
  return conference;
}

// `what` is the past tense a person reads: "created", "updated", "moved".
int ReportWritten(const char* what, const v1::Conference& conference, const std::string& request_id,
                  bool json) {
  if (json) {
    nlohmann::ordered_json out{{"request_id", request_id}, {"conference", ProtoJson(conference)}};
    std::cout << out.dump() << "\n";
  } else {
    std::cout << what << " " << DescribeConference(conference) << "request id: " << request_id
              << " (reuse it with --request-id to retry: a retry never writes twice)\n";
  }
  return 0;
}

// The change `update` asks for: the file's masked fields first, then each --set.
absl::StatusOr<ConferenceChange> ChangeFrom(const ChangeOptions& options) {
  ConferenceChange change;
  if (!options.file.empty()) {
    auto from = ReadConferenceFile(options.file);
    if (!from.ok()) return from.status();
    if (absl::Status s = ApplyMaskedFile(*from, options.mask, &change); !s.ok()) return s;
  }
  for (const std::string& setting : options.settings) {
    if (absl::Status s = ApplySetting(setting, absl::Now(), &change); !s.ok()) return s;
  }
  if (change.paths.empty()) {
    return absl::InvalidArgumentError("nothing to change: give --set path=value or --from --mask");
  }
  return change;
}

// The etag to send: the one given, else the one the conference has now.
int CurrentEtag(const ConferenceClient& client, const std::string& name, std::string* etag,
                bool json) {
  if (!etag->empty()) return 0;
  v1::GetConferenceResponse read;
  grpc::Status status = client.Get(name, &read);
  if (!status.ok()) return ReportFailure(status, json);
  *etag = read.conference().etag();
  return 0;
}

// The same request again: the etag that was read, and `now` as the time it was then.
std::string UpdateRetryFlags(const v1::UpdateConferenceRequest& request) {
  std::string flags =
      absl::StrCat("--request-id ", request.request_id(), " --etag ", request.conference().etag());
  for (const std::string& path : request.update_mask().paths()) {
    if (path == "acknowledge_time") {
      absl::StrAppend(&flags, " --set acknowledge_time=",
                      TimeUtil::ToString(request.conference().acknowledge_time()));
    }
  }
  return flags;
}

absl::StatusOr<v1::TransitionConferenceRequest> TransitionRequest(
    const TransitionConferenceOptions& options) {
  v1::TransitionConferenceRequest request;
  auto name = ConferenceNameArgument(options.tenant, options.conference);
  if (!name.ok()) return name.status();
  request.set_name(*name);
  auto stage = ParseStage(options.to);
  if (!stage.ok())
    return absl::InvalidArgumentError("--to: " + std::string(stage.status().message()));
  request.set_stage(*stage);
  if (!options.coordinator.empty() || !options.coordinator_name.empty() ||
      !options.coordinator_agency.empty()) {
    v1::StaffMember* coordinator = request.mutable_coordinator();
    coordinator->set_subject(options.coordinator);
    coordinator->set_display_name(options.coordinator_name);
    coordinator->set_agency(options.coordinator_agency);
  }
  if (!options.at.empty() && !TimeUtil::FromString(options.at, request.mutable_occur_time())) {
    return absl::InvalidArgumentError("--at must be an RFC 3339 time, like 2025-03-01T10:00:00Z");
  }
  if (!options.outcome.empty()) {
    auto outcome = ParseOutcome(options.outcome);
    if (!outcome.ok()) {
      return absl::InvalidArgumentError("--outcome: " + std::string(outcome.status().message()));
    }
    request.set_outcome(*outcome);
  }
  request.set_reason(options.reason);
  request.set_etag(options.etag);
  return request;
}

}  // namespace

int RunCreateConference(const Connection& connection, const CreateConferenceOptions& options,
                        bool json) {
  auto conference = ReadConferenceFile(options.file);
  if (!conference.ok()) {
    return ReportLocalFailure(std::string(conference.status().message()), 2, json);
  }
  auto request_id = RequestIdOrNew(options.request_id);
  if (!request_id.ok()) {
    return ReportLocalFailure(std::string(request_id.status().message()), 1, json);
  }
  v1::CreateConferenceRequest request;
  request.set_parent(absl::StrCat("tenants/", options.tenant));
  *request.mutable_conference() = *std::move(conference);
  request.set_conference_id(options.id);
  request.set_request_id(*request_id);
  v1::CreateConferenceResponse response;
  grpc::Status status = ConferenceClient(connection).Create(request, &response);
  if (!status.ok()) return ReportWriteFailure(status, "--request-id " + *request_id, json);
  return ReportWritten("created", response.conference(), *request_id, json);
}

int RunUpdateConference(const Connection& connection, const UpdateConferenceOptions& options,
                        bool json) {
  auto name = ConferenceNameArgument(options.tenant, options.conference);
  if (!name.ok()) return ReportLocalFailure(std::string(name.status().message()), 2, json);
  auto change = ChangeFrom(options.change);
  if (!change.ok()) return ReportLocalFailure(std::string(change.status().message()), 2, json);
  auto request_id = RequestIdOrNew(options.request_id);
  if (!request_id.ok()) {
    return ReportLocalFailure(std::string(request_id.status().message()), 1, json);
  }
  ConferenceClient client(connection);
  std::string etag = options.change.etag;
  if (int code = CurrentEtag(client, *name, &etag, json); code != 0) return code;
  v1::UpdateConferenceRequest request;
  *request.mutable_conference() = std::move(change->conference);
  request.mutable_conference()->set_name(*name);
  request.mutable_conference()->set_etag(etag);
  for (const std::string& path : change->paths) request.mutable_update_mask()->add_paths(path);
  request.set_request_id(*request_id);
  v1::UpdateConferenceResponse response;
  grpc::Status status = client.Update(request, &response);
  if (!status.ok()) return ReportWriteFailure(status, UpdateRetryFlags(request), json);
  return ReportWritten("updated", response.conference(), *request_id, json);
}

int RunTransitionConference(const Connection& connection,
                            const TransitionConferenceOptions& options, bool json) {
  auto request = TransitionRequest(options);
  if (!request.ok()) return ReportLocalFailure(std::string(request.status().message()), 2, json);
  auto request_id = RequestIdOrNew(options.request_id);
  if (!request_id.ok()) {
    return ReportLocalFailure(std::string(request_id.status().message()), 1, json);
  }
  request->set_request_id(*request_id);
  v1::TransitionConferenceResponse response;
  grpc::Status status = ConferenceClient(connection).Transition(*request, &response);
  if (!status.ok()) return ReportWriteFailure(status, "--request-id " + *request_id, json);
  return ReportWritten("moved", response.conference(), *request_id, json);
}

}  // namespace fgc::ctl
