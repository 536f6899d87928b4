// The family web as a host serves it beside gRPC: in `fgc serve` (calling the services in
// process) and in fgc-family-web (calling them at --invitations-addr and the like). Listens on
// --web-listen; its session key lives in the state directory.
#pragma once

#include "common/server/service_host.h"

namespace fgc::family_web {

server::SideServerComponent FamilyWebComponent();

}  // namespace fgc::family_web
