#include "services/invitations/delivery/curl_transfer.h"

#include <arpa/inet.h>

#include <algorithm>
#include <mutex>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace fgc::invitations::delivery {

CurlEasy NewCurlEasy() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CurlEasy handle(curl_easy_init());
  if (handle != nullptr) curl_easy_setopt(handle.get(), CURLOPT_NOSIGNAL, 1L);
  return handle;
}

bool IsLoopbackHost(std::string_view host) {
  if (absl::EqualsIgnoreCase(std::string(host), "localhost")) return true;
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  const std::string text(host);
  in_addr v4{};
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) {
    return (ntohl(v4.s_addr) >> 24) == 127;
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, text.c_str(), &v6) == 1) {
    static constexpr in6_addr kLoopback = IN6ADDR_LOOPBACK_INIT;
    return std::equal(std::begin(v6.s6_addr), std::end(v6.s6_addr), std::begin(kLoopback.s6_addr));
  }
  return false;
}

long CurlMillis(absl::Duration duration) {
  return std::max<long>(1, static_cast<long>(absl::ToInt64Milliseconds(duration)));
}

DeliveryOutcome CurlFailure(CURLcode code, std::string_view error_buffer) {
  std::string detail = curl_easy_strerror(code);
  if (!error_buffer.empty()) absl::StrAppend(&detail, ": ", std::string(error_buffer));
  return TransportFailure(detail);
}

bool AppendToList(CurlSlist& list, const std::string& value) {
  curl_slist* grown = curl_slist_append(list.get(), value.c_str());
  if (grown == nullptr) return false;
  list.release();
  list.reset(grown);
  return true;
}

}  // namespace fgc::invitations::delivery
