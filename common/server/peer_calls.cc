#include "common/server/peer_calls.h"

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "fgc/v1/ledger_service.grpc.pb.h"
#include "fgc/v1/scheduling_service.grpc.pb.h"

namespace fgc::server {
namespace {

std::string Refused(const grpc::Status& status) {
  return absl::StrCat("the ledger refused the power record: ", status.error_message());
}

absl::Status LedgerUnavailable() {
  return WithDetails(absl::UnavailableError("the ledger could not record the use of power; "
                                            "nothing changed: retry with the same request_id"),
                     {.reason = "LEDGER_UNAVAILABLE"});
}

}  // namespace

absl::Status PeerUnavailable(std::string_view service) {
  return WithDetails(absl::UnavailableError(absl::StrCat(
                         "the ", std::string(service),
                         " service did not answer; nothing changed: retry with the same "
                         "request_id")),
                     {.reason = "SERVICE_UNAVAILABLE"});
}

absl::StatusOr<v1::Conference> ConferenceForCaller(PeerChannels& peers, const Caller& caller,
                                                   const std::string& name,
                                                   std::string_view field) {
  auto channel = peers.Channel("fgc.v1.SchedulingService");
  if (!channel.ok()) return PeerUnavailable("scheduling");
  auto stub = v1::SchedulingService::NewStub(*channel);
  v1::GetConferenceRequest request;
  request.set_name(name);
  v1::GetConferenceResponse response;
  auto context = OnBehalfOf(caller);
  const grpc::Status status = stub->GetConference(context.get(), request, &response);
  if (status.ok()) return response.conference();
  switch (status.error_code()) {
    case grpc::StatusCode::NOT_FOUND:
      return NotFound("fgc.v1.Conference", name);
    case grpc::StatusCode::PERMISSION_DENIED:
      return PermissionDenied("RESOURCE_NOT_PERMITTED", status.error_message());
    case grpc::StatusCode::INVALID_ARGUMENT:
      return FieldError(field, "must be the name of a fgc.v1.Conference");
    default:
      return PeerUnavailable("scheduling");
  }
}

absl::StatusOr<v1::LedgerEntry> RecordPowerOnBehalf(PeerChannels& peers, const Caller& caller,
                                                    const v1::LedgerEntry& entry,
                                                    const std::string& request_id) {
  auto channel = peers.Channel("fgc.v1.LedgerService");
  if (!channel.ok()) return LedgerUnavailable();
  auto stub = v1::LedgerService::NewStub(*channel);
  v1::RecordPowerUseRequest request;
  request.set_parent(absl::StrCat("tenants/", caller.tenant, "/ledger"));
  *request.mutable_entry() = entry;
  request.set_request_id(request_id);
  v1::RecordPowerUseResponse response;
  auto context = OnBehalfOf(caller);
  const grpc::Status status = stub->RecordPowerUse(context.get(), request, &response);
  if (status.ok()) return response.entry();
  switch (status.error_code()) {
    // The ledger's own verdict on the record (bad fields, not permitted): the caller's to fix.
    case grpc::StatusCode::INVALID_ARGUMENT:
      return WithDetails(absl::InvalidArgumentError(Refused(status)), {.reason = "INVALID_FIELD"});
    case grpc::StatusCode::FAILED_PRECONDITION:
      return WithDetails(absl::FailedPreconditionError(Refused(status)),
                         {.reason = "PRECONDITION_FAILED"});
    case grpc::StatusCode::PERMISSION_DENIED:
      return PermissionDenied("RESOURCE_NOT_PERMITTED", Refused(status));
    default:
      return LedgerUnavailable();
  }
}

}  // namespace fgc::server
