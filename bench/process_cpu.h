// CPU time that processes have used so far, read from /proc: lets a benchmark say which
// process (the host, PostgreSQL, the load generator) spent the time of a measured interval.
#pragma once

#include <sys/types.h>

#include <vector>

namespace fgc::bench {

// User plus system CPU seconds of `pid` (all its threads); 0 when it is gone.
double CpuSeconds(pid_t pid);

// `root` and its live child processes (e.g. the postmaster and its backends), summed.
double CpuSecondsWithChildren(pid_t root);

// CPU seconds every core of the machine has spent busy (not idle or waiting for I/O) since
// boot: the difference over an interval, less the processes measured, is what others used.
double MachineBusySeconds();

}  // namespace fgc::bench
