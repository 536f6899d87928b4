// fgc-family-web: the family web alone, for the split deployment (same flags as fgc serve; it
// reaches the services at --invitations-addr, --scheduling-addr, --plans-addr and
// --ledger-addr, and needs no database).
#include <string>
#include <vector>

#include "clients/family-web/family_web_component.h"

int main(int argc, char** argv) {
  return fgc::server::RunServiceHost("fgc-family-web",
                                     std::vector<std::string>(argv + 1, argv + argc), {},
                                     {fgc::family_web::FamilyWebComponent()});
}
