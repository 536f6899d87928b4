#include "services/invitations/tokens/invitation_link.h"

#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"

namespace fgc::invitations {
namespace {

constexpr char kEllipsis[] = "\xE2\x80\xA6";  // U+2026
constexpr size_t kShownCharacters = 4;
constexpr std::string_view kLinkPath = "/i/";
constexpr char kLinkPathText[] = "/i/";

// One DNS label: 1-63 letters, digits and hyphens, not starting or ending with a hyphen.
bool IsLabel(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
    return false;
  }
  for (char c : label) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
  }
  return true;
}

bool IsHostName(std::string_view name) {
  if (name.empty() || name.size() > 253) return false;
  size_t start = 0;
  while (true) {
    const size_t dot = name.find('.', start);
    if (!IsLabel(name.substr(start, dot - start))) return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

bool IsPort(std::string_view text) {
  if (text.empty() || text.size() > 5) return false;
  uint32_t port = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    port = port * 10 + static_cast<uint32_t>(c - '0');
  }
  return port >= 1 && port <= 65535;
}

// A development host on loopback serves the family web over plain HTTP; anywhere else the link
// is HTTPS only. `host` may carry a port.
bool IsLoopbackHost(std::string_view host) {
  const std::string_view name = host.substr(0, host.find(':'));
  return name == "localhost" || name.substr(0, 4) == "127.";
}

}  // namespace

absl::StatusOr<InvitationLinks> InvitationLinks::ForHost(std::string_view host) {
  const size_t colon = host.find(':');
  const std::string_view name = host.substr(0, colon);
  const bool port_ok = colon == std::string_view::npos || IsPort(host.substr(colon + 1));
  if (!IsHostName(name) || !port_ok) {
    return absl::InvalidArgumentError(
        "the family web host must be a host name with an optional port, such as "
        "family.example.org or family.example.org:8443 (no scheme or path)");
  }
  return InvitationLinks(absl::AsciiStrToLower(std::string(host)));
}

std::string InvitationLinks::UrlFor(std::string_view token) const {
  return absl::StrCat(IsLoopbackHost(host_) ? "http://" : "https://", host_, kLinkPathText,
                      std::string(token));
}

std::string RedactToken(std::string_view token) {
  if (token.size() < 4 * kShownCharacters) return std::string(kEllipsis);
  return absl::StrCat(std::string(token.substr(0, kShownCharacters)), kEllipsis);
}

std::string RedactLink(std::string_view url) {
  const size_t path = url.find(kLinkPath);
  const size_t scheme = url.substr(0, 8) == "https://" ? 8 : url.substr(0, 7) == "http://" ? 7 : 0;
  const bool ours = scheme != 0 && path != std::string_view::npos &&
                    url.find('/', scheme) == path &&
                    (scheme == 8 || IsLoopbackHost(url.substr(scheme, path - scheme)));
  if (!ours) return std::string(kEllipsis);
  const size_t token_start = path + kLinkPath.size();
  return absl::StrCat(std::string(url.substr(0, token_start)),
                      RedactToken(url.substr(token_start)));
}

}  // namespace fgc::invitations
