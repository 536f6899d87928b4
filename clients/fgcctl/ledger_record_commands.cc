// `fgcctl ledger record-consent | record-power | withdraw-consent | check-consent`: the writes
// (each under a request id a retry can reuse) and the question other steps ask before acting.
#include <iostream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "clients/fgcctl/journey_arguments.h"
#include "clients/fgcctl/ledger_commands.h"
#include "clients/fgcctl/ledger_text.h"
#include "clients/fgcctl/status_output.h"
#include "fgc/v1/ledger_service.grpc.pb.h"
#include "google/protobuf/util/time_util.h"
#include "services/ledger/entry/ledger_names.h"

namespace fgc::ctl {
namespace {

using google::protobuf::util::TimeUtil;

absl::StatusOr<v1::LedgerEntry> ReadEntryFile(const std::string& path) {
  v1::LedgerEntry entry;
  if (absl::Status s = ReadMessageFile(path, &entry); !s.ok()) return s;
  return entry;
}

int ReportWritten(const v1::LedgerEntry& entry, const std::string& request_id, bool json) {
  if (json) {
    nlohmann::ordered_json out{{"request_id", request_id}, {"entry", ProtoJson(entry)}};
    std::cout << out.dump() << "\n";
  } else {
    std::cout << "recorded " << DescribeEntry(entry) << "request id: " << request_id
              << " (reuse it with --request-id to retry: a retry never writes twice)\n";
  }
  return 0;
}

int ReportWriteFailure(const grpc::Status& status, const std::string& request_id, bool json) {
  const int code = ReportFailure(status, json);
  if (!json && MayHaveBeenTransient(status.error_code())) {
    std::cerr << "request id: " << request_id << " (retry with --request-id " << request_id
              << ": a retry never writes twice)\n";
  }
  return code;
}

template <typename Request, typename Response, typename Call>
int RecordEntry(const Connection& connection, const RecordOptions& options, bool json, Call call) {
  auto entry = ReadEntryFile(options.file);
  if (!entry.ok()) return ReportLocalFailure(std::string(entry.status().message()), 2, json);
  auto request_id = RequestIdOrNew(options.request_id);
  if (!request_id.ok())
    return ReportLocalFailure(std::string(request_id.status().message()), 1, json);
  Request request;
  request.set_parent(ledger::LedgerParentName(options.tenant));
  *request.mutable_entry() = *std::move(entry);
  request.set_request_id(*request_id);
  auto stub = v1::LedgerService::NewStub(connection.channel());
  auto context = connection.NewContext();
  Response response;
  grpc::Status status = call(*stub, context.get(), request, &response);
  if (!status.ok()) return ReportWriteFailure(status, *request_id, json);
  return ReportWritten(response.entry(), *request_id, json);
}

// A conference, child or member given by its id alone is taken to be in the tenant (and the
// conference); a full name is used as it is.
std::string ConferenceName(const CheckConsentOptions& o) {
  if (o.conference.find('/') != std::string::npos) return o.conference;
  return absl::StrCat("tenants/", o.tenant, "/conferences/", o.conference);
}

std::string InConference(const std::string& conference, const char* collection,
                         const std::string& id_or_name) {
  if (id_or_name.empty() || id_or_name.find('/') != std::string::npos) return id_or_name;
  return absl::StrCat(conference, "/", collection, "/", id_or_name);
}

std::string ResultWords(v1::ConsentCheckResult result) {
  const std::string name(
      absl::StripPrefix(v1::ConsentCheckResult_Name(result), "CONSENT_CHECK_RESULT_"));
  return absl::StrReplaceAll(absl::AsciiStrToLower(name), {{"_", " "}});
}

int PrintConsentAnswer(const v1::CheckConsentResponse& r, bool json) {
  if (json) {
    nlohmann::ordered_json out{{"allowed", r.allowed()},
                               {"result", v1::ConsentCheckResult_Name(r.result())},
                               {"entry", r.entry()},
                               {"tree_size", r.tree_size()}};
    if (r.has_expire_time()) out["expire_time"] = TimeUtil::ToString(r.expire_time());
    std::cout << out.dump() << "\n";
  } else {
    std::cout << (r.allowed() ? "allowed: " : "not allowed: ") << ResultWords(r.result());
    if (!r.entry().empty()) std::cout << " (" << r.entry() << ")";
    std::cout << "\n";
    if (r.has_expire_time()) std::cout << "until " << TimeUtil::ToString(r.expire_time()) << "\n";
  }
  return r.allowed() ? 0 : 1;
}

}  // namespace

int RunRecordConsent(const Connection& connection, const RecordOptions& options, bool json) {
  return RecordEntry<v1::RecordConsentRequest, v1::RecordConsentResponse>(
      connection, options, json, [](auto& stub, auto* context, const auto& req, auto* resp) {
        return stub.RecordConsent(context, req, resp);
      });
}

int RunRecordPower(const Connection& connection, const RecordOptions& options, bool json) {
  return RecordEntry<v1::RecordPowerUseRequest, v1::RecordPowerUseResponse>(
      connection, options, json, [](auto& stub, auto* context, const auto& req, auto* resp) {
        return stub.RecordPowerUse(context, req, resp);
      });
}

int RunWithdrawConsent(const Connection& connection, const WithdrawOptions& options, bool json) {
  v1::WithdrawConsentRequest request;
  request.set_name(EntryNameArgument(options.tenant, options.entry));
  if (!options.method.empty()) {
    auto method = ParseCollectionMethod(options.method);
    if (!method.ok()) {
      return ReportLocalFailure("--method: " + std::string(method.status().message()), 2, json);
    }
    request.set_collection_method(*method);
  }
  request.set_language_code(options.language);
  request.set_reason(options.reason);
  request.set_notice_version(options.notice_version);
  auto request_id = RequestIdOrNew(options.request_id);
  if (!request_id.ok())
    return ReportLocalFailure(std::string(request_id.status().message()), 1, json);
  request.set_request_id(*request_id);
  auto stub = v1::LedgerService::NewStub(connection.channel());
  auto context = connection.NewContext();
  v1::WithdrawConsentResponse response;
  grpc::Status status = stub->WithdrawConsent(context.get(), request, &response);
  if (!status.ok()) return ReportWriteFailure(status, *request_id, json);
  return ReportWritten(response.entry(), *request_id, json);
}

int RunCheckConsent(const Connection& connection, const CheckConsentOptions& options, bool json) {
  auto purpose = ParsePurpose(options.purpose);
  if (!purpose.ok()) {
    return ReportLocalFailure("--purpose: " + std::string(purpose.status().message()), 2, json);
  }
  v1::CheckConsentRequest request;
  request.set_parent(ledger::LedgerParentName(options.tenant));
  request.set_conference(ConferenceName(options));
  request.set_subject(InConference(request.conference(), "children", options.subject));
  request.set_grantor(InConference(request.conference(), "members", options.grantor));
  request.set_purpose(*purpose);
  if (!options.at.empty() && !TimeUtil::FromString(options.at, request.mutable_check_time())) {
    return ReportLocalFailure("--at must be an RFC 3339 time, like 2025-03-01T10:00:00Z", 2, json);
  }
  auto stub = v1::LedgerService::NewStub(connection.channel());
  auto context = connection.NewContext();
  v1::CheckConsentResponse response;
  grpc::Status status = stub->CheckConsent(context.get(), request, &response);
  if (!status.ok()) return ReportFailure(status, json);
  return PrintConsentAnswer(response, json);
}

}  // namespace fgc::ctl
