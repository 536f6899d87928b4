// What the SMTP and webhook senders share about libcurl: one-time global set-up, an owning
// easy handle, the loopback test behind "plaintext only to this machine", and how a failed
// transfer with no deciding reply is described.
#pragma once

#include <curl/curl.h>

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "services/invitations/delivery/delivery_outcome.h"

namespace fgc::invitations::delivery {

struct CurlEasyCleanup {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using CurlEasy = std::unique_ptr<CURL, CurlEasyCleanup>;

struct CurlSlistFree {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using CurlSlist = std::unique_ptr<curl_slist, CurlSlistFree>;

// A fresh easy handle, after curl_global_init has run once for the process (thread-safe).
// Signals are off (NOSIGNAL) so that timeouts are safe in a multi-threaded worker.
CurlEasy NewCurlEasy();

// True for "localhost", 127.0.0.0/8 and ::1 (with or without brackets).
bool IsLoopbackHost(std::string_view host);

// Milliseconds for a CURLOPT_*_MS option, at least 1 (0 would mean "no timeout").
long CurlMillis(absl::Duration duration);

// A failed transfer that no reply decided: retry later, with libcurl's description.
// `error_buffer` is CURLOPT_ERRORBUFFER's text (may be empty).
DeliveryOutcome CurlFailure(CURLcode code, std::string_view error_buffer);

// Appends `value` to `list`; false when libcurl could not allocate.
bool AppendToList(CurlSlist& list, const std::string& value);

}  // namespace fgc::invitations::delivery
