#include "clients/fgcctl/status_output.h"

#include <iostream>

#include "absl/status/status.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "nlohmann/json.hpp"

namespace fgc::ctl {
namespace {

// gRPC's canonical codes are abseil's, names included ("INVALID_ARGUMENT", ...).
std::string CodeName(int code) {
  return absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
}

nlohmann::ordered_json DetailsJson(const google::rpc::Status& rich) {
  nlohmann::ordered_json details = nlohmann::ordered_json::array();
  for (const auto& any : rich.details()) {
    google::rpc::ErrorInfo info;
    google::rpc::BadRequest bad;
    google::rpc::PreconditionFailure pf;
    google::rpc::ResourceInfo ri;
    if (any.UnpackTo(&info)) {
      nlohmann::ordered_json j{
          {"type", "ErrorInfo"}, {"reason", info.reason()}, {"domain", info.domain()}};
      for (const auto& [k, v] : info.metadata()) j["metadata"][k] = v;
      details.push_back(j);
    } else if (any.UnpackTo(&bad)) {
      nlohmann::ordered_json j{{"type", "BadRequest"}};
      for (const auto& v : bad.field_violations()) {
        j["field_violations"].push_back({{"field", v.field()}, {"description", v.description()}});
      }
      details.push_back(j);
    } else if (any.UnpackTo(&pf)) {
      nlohmann::ordered_json j{{"type", "PreconditionFailure"}};
      for (const auto& v : pf.violations()) {
        j["violations"].push_back(
            {{"type", v.type()}, {"subject", v.subject()}, {"description", v.description()}});
      }
      details.push_back(j);
    } else if (any.UnpackTo(&ri)) {
      details.push_back({{"type", "ResourceInfo"},
                         {"resource_type", ri.resource_type()},
                         {"resource_name", ri.resource_name()}});
    } else {
      details.push_back({{"type", any.type_url()}});
    }
  }
  return details;
}

}  // namespace

std::string DescribeStatus(const grpc::Status& status, bool json) {
  // The server puts a google.rpc.Status in grpc-status-details-bin (AIP-193).
  google::rpc::Status rich;
  if (status.error_details().empty() || !rich.ParseFromString(status.error_details())) {
    rich.Clear();
    rich.set_code(static_cast<int>(status.error_code()));
    rich.set_message(status.error_message());
  }
  nlohmann::ordered_json details = DetailsJson(rich);
  if (json) {
    nlohmann::ordered_json j{
        {"code", CodeName(rich.code())}, {"message", rich.message()}, {"details", details}};
    return j.dump();
  }
  std::string out = std::string("error: ") + CodeName(rich.code()) + ": " + rich.message();
  for (const auto& d : details) {
    const std::string type = d.value("type", "");
    if (type == "ErrorInfo") {
      out += "\n  reason: " + d.value("reason", "") + " (" + d.value("domain", "") + ")";
    } else if (type == "BadRequest") {
      for (const auto& v : d["field_violations"]) {
        out += "\n  field " + v.value("field", "") + ": " + v.value("description", "");
      }
    } else if (type == "PreconditionFailure") {
      for (const auto& v : d["violations"]) {
        out += "\n  precondition " + v.value("type", "") + " on " + v.value("subject", "") + ": " +
               v.value("description", "");
      }
    } else if (type == "ResourceInfo") {
      out += "\n  resource " + d.value("resource_type", "") + " " + d.value("resource_name", "");
    }
  }
  return out;
}

int ReportFailure(const grpc::Status& status, bool json) {
  std::cerr << DescribeStatus(status, json) << std::endl;
  // Distinct exit codes per gRPC code let scripts branch without parsing: 64 + code.
  return 64 + static_cast<int>(status.error_code());
}

bool MayHaveBeenTransient(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
    case grpc::StatusCode::ABORTED:
    case grpc::StatusCode::UNKNOWN:
    case grpc::StatusCode::INTERNAL:
    case grpc::StatusCode::CANCELLED:
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return true;
    default:
      return false;
  }
}

}  // namespace fgc::ctl
