// The invitations service (the family network, invitations and their tokens, answers, needs,
// restrictions, notifications) as a host runs it: its schema's migrations and its gRPC adapter.
// Used by `fgc serve` and by fgc-invitations.
#pragma once

#include "common/server/service_host.h"

namespace fgc::invitations {

server::ServiceComponent InvitationsComponent();

}  // namespace fgc::invitations
