// fgc-invitations: the invitations service alone, for the split deployment (same flags as fgc
// serve).
#include <string>
#include <vector>

#include "services/invitations/invitations_component.h"

int main(int argc, char** argv) {
  return fgc::server::RunServiceHost("fgc-invitations",
                                     std::vector<std::string>(argv + 1, argv + argc),
                                     {fgc::invitations::InvitationsComponent()});
}
