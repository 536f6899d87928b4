// fgc-ledger: the ledger service alone, for the split deployment (same flags as fgc serve).
#include <string>
#include <vector>

#include "services/ledger/ledger_component.h"

int main(int argc, char** argv) {
  return fgc::server::RunServiceHost("fgc-ledger", std::vector<std::string>(argv + 1, argv + argc),
                                     {fgc::ledger::LedgerComponent()});
}
