// The ledger service (consent and every use of power, in a tamper-evident Merkle log with signed
// checkpoints) as a host runs it: its schema's migrations and its gRPC adapter. Used by `fgc serve`
// and by fgc-ledger.
#pragma once

#include "common/server/service_host.h"

namespace fgc::ledger {

server::ServiceComponent LedgerComponent();

}  // namespace fgc::ledger
