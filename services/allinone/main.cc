// fgc: the all-in-one host. `fgc serve` runs all four services on one port with an
// embedded PostgreSQL (or FGC_DATABASE_URL), development keys and metrics, and the family web
// on --web-listen; see --help.
#include <iostream>
#include <string>
#include <vector>

#include "clients/family-web/family_web_component.h"
#include "services/invitations/invitations_component.h"
#include "services/ledger/ledger_component.h"
#include "services/plans/plans_component.h"
#include "services/scheduling/scheduling_component.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] != "serve") {
    std::cerr << "usage: fgc serve [flags]   (fgc serve --help lists the flags)\n";
    return !args.empty() && args[0] == "--help" ? 0 : 2;
  }
  args.erase(args.begin());
  return fgc::server::RunServiceHost(
      "fgc serve", args,
      {fgc::scheduling::SchedulingComponent(), fgc::invitations::InvitationsComponent(),
       fgc::plans::PlansComponent(), fgc::ledger::LedgerComponent()},
      {fgc::family_web::FamilyWebComponent()});
}
