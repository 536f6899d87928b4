#include "services/scheduling/ledger_consent.h"

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/base/log.h"
#include "fgc/v1/ledger_service.grpc.pb.h"
#include "google/protobuf/util/time_util.h"

namespace fgc::scheduling {
namespace {

absl::Status LedgerUnavailable(std::string_view why) {
  return WithDetails(absl::UnavailableError(absl::StrCat(
                         "the ledger could not say whether consent stands (", std::string(why),
                         "); nothing changed: retry with the same request_id")),
                     {.reason = "LEDGER_UNAVAILABLE"});
}

}  // namespace

absl::StatusOr<std::vector<ConsentVerdict>> AskLedgerForConsent(server::PeerChannels& peers,
                                                                const server::Caller& caller,
                                                                const v1::Conference& conference,
                                                                absl::Time at) {
  auto channel = peers.Channel("fgc.v1.LedgerService");
  if (!channel.ok()) return LedgerUnavailable("not reachable from this host");
  auto stub = v1::LedgerService::NewStub(*channel);
  const std::string tenant_prefix =
      conference.name().substr(0, conference.name().find("/conferences/"));
  std::vector<ConsentVerdict> verdicts;
  for (const v1::Child& child : conference.children()) {
    v1::CheckConsentRequest request;
    request.set_parent(absl::StrCat(tenant_prefix, "/ledger"));
    request.set_conference(conference.name());
    request.set_subject(child.name());
    request.set_purpose(kAllocationConsentPurpose);
    *request.mutable_check_time() =
        google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(at));
    v1::CheckConsentResponse response;
    auto context = server::OnBehalfOf(caller);
    const grpc::Status status = stub->CheckConsent(context.get(), request, &response);
    if (status.error_code() == grpc::StatusCode::PERMISSION_DENIED) {
      // The caller may not read consent: the move is theirs to ask for, but not on this basis.
      return PermissionDenied("ROLE_NOT_ALLOWED",
                              "your role may not check consent, which this move needs");
    }
    if (!status.ok()) {
      log::Warn("CheckConsent failed",
                {{"code", absl::StrCat(status.error_code())}, {"message", status.error_message()}});
      return LedgerUnavailable(status.error_message());
    }
    verdicts.push_back({child.name(), response.result(), response.entry()});
  }
  return verdicts;
}

}  // namespace fgc::scheduling
