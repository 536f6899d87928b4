// The family's invitation link, `https://<host>/i/<token>`, built from the configured web host,
// and the redacted forms of tokens and links that are all logs may ever hold.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace fgc::invitations {

// Builds links for one family web host. Checked once, at start, so a bad setting fails there
// rather than in a message already queued.
class InvitationLinks final {
 public:
  // `host` is a DNS name (letters, digits, hyphens, dots), optionally with `:port`; no scheme,
  // path or user info. INVALID_ARGUMENT otherwise. Upper case is folded to lower case.
  static absl::StatusOr<InvitationLinks> ForHost(std::string_view host);

  // `https://<host>/i/<token>`. The token is base64url, so it needs no escaping in a path.
  std::string UrlFor(std::string_view token) const;

  const std::string& host() const { return host_; }

 private:
  explicit InvitationLinks(std::string host) : host_(std::move(host)) {}
  std::string host_;
};

// What may be logged of a token: its first 4 characters and an ellipsis, enough to tell two
// apart in a support conversation and far too little to use. Shorter inputs (never a real
// token) log as the ellipsis alone.
std::string RedactToken(std::string_view token);

// A link with its token redacted: `https://host/i/abcd…`. Text that is not one of our links
// is redacted whole, since it might still carry a token.
std::string RedactLink(std::string_view url);

}  // namespace fgc::invitations
