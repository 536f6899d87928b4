#include "clients/fgcctl/health_command.h"

#include <iostream>

#include "clients/fgcctl/status_output.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "nlohmann/json.hpp"

namespace fgc::ctl {

const std::vector<std::string>& FgcServiceNames() {
  static const std::vector<std::string> kNames = {"fgc.v1.SchedulingService",
                                                  "fgc.v1.InvitationService", "fgc.v1.PlanService",
                                                  "fgc.v1.LedgerService"};
  return kNames;
}

int RunHealth(const Connection& connection, const std::vector<std::string>& services, bool json) {
  auto stub = grpc::health::v1::Health::NewStub(connection.channel());
  std::vector<std::string> asked = services.empty() ? FgcServiceNames() : services;
  if (services.empty()) asked.emplace_back("");  // the server as a whole
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  bool all_serving = true;
  for (const auto& name : asked) {
    grpc::health::v1::HealthCheckRequest request;
    request.set_service(name);
    grpc::health::v1::HealthCheckResponse response;
    auto context = connection.NewContext();
    grpc::Status status = stub->Check(context.get(), request, &response);
    if (!status.ok() && status.error_code() != grpc::StatusCode::NOT_FOUND) {
      return ReportFailure(status, json);
    }
    std::string state =
        status.ok() ? grpc::health::v1::HealthCheckResponse::ServingStatus_Name(response.status())
                    : "UNKNOWN_SERVICE";
    all_serving = all_serving && state == "SERVING";
    const std::string label = name.empty() ? "overall" : name;
    out[label] = state;
    if (!json)
      std::cout << label << std::string(28 - std::min<size_t>(label.size(), 27), ' ') << state
                << "\n";
  }
  if (json) std::cout << out.dump() << "\n";
  return all_serving ? 0 : 1;
}

}  // namespace fgc::ctl
