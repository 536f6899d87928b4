// fgc-plans: the plans service alone, for the split deployment (same flags as fgc serve).
#include <string>
#include <vector>

#include "services/plans/plans_component.h"

int main(int argc, char** argv) {
  return fgc::server::RunServiceHost("fgc-plans", std::vector<std::string>(argv + 1, argv + argc),
                                     {fgc::plans::PlansComponent()});
}
