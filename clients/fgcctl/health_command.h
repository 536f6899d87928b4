// `fgcctl health`: asks grpc.health.v1.Health for each fgc service and the server overall.
#pragma once

#include <string>
#include <vector>

#include "clients/fgcctl/connection.h"

namespace fgc::ctl {

// The services fgc serves, in the order fgcctl prints them.
const std::vector<std::string>& FgcServiceNames();

// Prints each service's status; returns 0 only when every one asked is SERVING.
int RunHealth(const Connection& connection, const std::vector<std::string>& services, bool json);

}  // namespace fgc::ctl
