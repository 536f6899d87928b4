// Waits for SIGINT or SIGTERM without a signal handler: the signals are blocked in every
// thread (call BlockShutdownSignals first thing in main, before any thread starts) and one
// thread takes them with sigwait, so shutdown runs as ordinary code, not in a handler.
#pragma once

namespace fgc::server {

void BlockShutdownSignals();

// Returns the signal number that arrived.
int WaitForShutdownSignal();

}  // namespace fgc::server
