// The plans service (plan drafts, immutable versions, agreement, resources, progress and
// distribution) as a host runs it: its schema's migrations and its gRPC adapter. Used by `fgc
// serve` and by fgc-plans.
#pragma once

#include "common/server/service_host.h"

namespace fgc::plans {

server::ServiceComponent PlansComponent();

}  // namespace fgc::plans
