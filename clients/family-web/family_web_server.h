// The family web: a small HTTP server in front of the fgc services, serving the family's pages
// (family_pages.h) to a phone with JavaScript off. The link's token is exchanged on the first
// visit for a sealed session cookie and the browser sent on to a URL without it; every form
// carries a CSRF token; token lookups are rate limited per client; bodies, headers and slow
// clients are bounded so that no visitor can disturb another. Runs in `fgc serve` and as
// fgc-family-web.
#pragma once

#include <memory>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "clients/family-web/family_calls.h"

namespace fgc::family_web {

struct FamilyWebOptions {
  std::string listen = "127.0.0.1:8080";  // host:port; port 0 picks a free one
  std::string session_key;                // 32 bytes, from the host's state directory
  absl::Duration session_max_age = absl::Hours(12);
  ChannelFor channels;  // the fgc services
  absl::Duration call_deadline = absl::Seconds(10);
  int threads = 8;
  size_t max_body_bytes = 16 * 1024;                // a larger body is refused with 413
  absl::Duration read_timeout = absl::Seconds(10);  // a client slower than this is dropped
  int lookup_burst = 10;                            // token lookups a client may make at once,
  double lookups_per_minute = 10;                   // and then per minute
};

class FamilyWebServer {
 public:
  // Binds and starts serving; INVALID_ARGUMENT for a bad address or key, UNAVAILABLE when the
  // address cannot be bound.
  static absl::StatusOr<std::unique_ptr<FamilyWebServer>> Start(FamilyWebOptions options);
  // Stops accepting, finishes the requests in flight, and returns.
  ~FamilyWebServer();

  FamilyWebServer(const FamilyWebServer&) = delete;
  FamilyWebServer& operator=(const FamilyWebServer&) = delete;

  // host:port it listens on.
  std::string address() const { return address_; }

 private:
  struct Impl;
  explicit FamilyWebServer(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
  std::string address_;
  std::thread thread_;
};

// The session key in `state_dir` (family-web-session.key, 32 random bytes, 0600), made on first
// use unless `create` is false.
absl::StatusOr<std::string> LoadSessionKey(const std::string& state_dir, bool create);

}  // namespace fgc::family_web
