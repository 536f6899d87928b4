// A `fgc serve` in a temporary state directory of its own, on free ports: what a test suite
// starts once (in SetUpTestSuite) and shares between its tests.
#pragma once

#include <memory>
#include <string>

#include "tests/support/host_process.h"

namespace fgc::testing {

class ServingHost {
 public:
  // Starts the host and waits until it serves; serving() says whether it did.
  ServingHost();

  bool serving() const { return !address_.empty(); }
  const std::string& dir() const { return dir_.path(); }  // scratch space for the test's files
  const std::string& state_dir() const { return state_; }
  const std::string& address() const { return address_; }          // the gRPC address
  const std::string& web_address() const { return web_address_; }  // the family web, host:port
  HostProcess& process() { return *host_; }

 private:
  TempDir dir_;  // declared first: removed after the host has stopped
  std::string state_;
  std::unique_ptr<HostProcess> host_;
  std::string address_;
  std::string web_address_;
};

}  // namespace fgc::testing
