// fgc-scheduling: the scheduling service alone, for the split deployment (same flags as fgc serve).
#include <string>
#include <vector>

#include "services/scheduling/scheduling_component.h"

int main(int argc, char** argv) {
  return fgc::server::RunServiceHost("fgc-scheduling",
                                     std::vector<std::string>(argv + 1, argv + argc),
                                     {fgc::scheduling::SchedulingComponent()});
}
