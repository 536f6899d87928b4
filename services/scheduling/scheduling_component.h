// The scheduling service (conferences and their stages, venues, slots, availability, bookings,
// reviews, calendar export) as a host runs it: its schema's migrations and its gRPC adapter. Used
// by `fgc serve` and by fgc-scheduling.
#pragma once

#include "common/server/service_host.h"

namespace fgc::scheduling {

server::ServiceComponent SchedulingComponent();

}  // namespace fgc::scheduling
