#include "common/server/request_guard.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/reflection.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/auth/claims.h"
#include "common/base/errors.h"
#include "common/crypto/sha256.h"

namespace fgc::server {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

std::string_view MetadataValue(const grpc::ServerContext& context, std::string_view key) {
  const auto& md = context.client_metadata();
  auto it = md.find(grpc::string_ref(key.data(), key.size()));
  if (it == md.end()) return {};
  return std::string_view(it->second.data(), it->second.size());
}

const FieldDescriptor* StringField(const Message& m, const char* name) {
  const FieldDescriptor* f = m.GetDescriptor()->FindFieldByName(name);
  if (f == nullptr || f->is_repeated() || f->type() != FieldDescriptor::TYPE_STRING) {
    return nullptr;
  }
  return f;
}

// Parses "tenants/{tenant}/..." (or exactly "tenants/{tenant}").
absl::StatusOr<std::string> TenantOfName(std::string_view field, std::string_view name) {
  constexpr std::string_view kPrefix = "tenants/";
  if (!name.rfind(kPrefix, 0) == 0) {
    return FieldError(field, "must be a resource name starting with tenants/{tenant}");
  }
  std::string_view rest = name.substr(kPrefix.size());
  std::string_view tenant = rest.substr(0, rest.find('/'));
  if (!auth::IsValidTenantId(tenant)) {
    return FieldError(field, "tenant must be 1-63 of a-z, 0-9 and '-', starting alphanumeric");
  }
  return std::string(tenant);
}

absl::Time DeadlineOf(const grpc::ServerContext& context) {
  const auto deadline = context.deadline();
  if (deadline == std::chrono::system_clock::time_point::max()) return absl::InfiniteFuture();
  return absl::FromChrono(deadline);
}

}  // namespace

absl::StatusOr<std::string> RequestTenant(const Message& request) {
  const auto* reflection = request.GetReflection();
  for (const char* name : {"parent", "name"}) {
    if (const FieldDescriptor* f = StringField(request, name)) {
      const std::string value = reflection->GetString(request, f);
      if (value.empty()) return FieldError(name, "is required");
      return TenantOfName(name, value);
    }
  }
  // Update requests (AIP-134) carry the resource itself, whose `name` says where it lives.
  const auto* descriptor = request.GetDescriptor();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* f = descriptor->field(i);
    if (f->type() != FieldDescriptor::TYPE_MESSAGE || f->is_repeated()) continue;
    if (f->message_type()->full_name().rfind("google.protobuf.", 0) == 0) continue;
    const Message& inner = reflection->GetMessage(request, f);
    if (const FieldDescriptor* n = StringField(inner, "name")) {
      const std::string value = inner.GetReflection()->GetString(inner, n);
      const std::string path = absl::StrCat(f->name(), ".name");
      if (value.empty()) return FieldError(path, "is required");
      return TenantOfName(path, value);
    }
  }
  return std::string();
}

absl::StatusOr<auth::Claims> RequestGuard::VerifiedClaims(std::string_view token,
                                                          absl::Time now) const {
  const std::string key = crypto::Sha256(token);
  {
    absl::MutexLock lock(&cache_mu_);
    auto it = cache_.find(key);
    if (it != cache_.end()) {
      if (now < it->second.exp) return it->second;
      cache_.erase(it);
    }
  }
  absl::StatusOr<auth::Claims> claims = verifier_->Verify(token, now);
  if (!claims.ok()) return claims;
  absl::MutexLock lock(&cache_mu_);
  if (cache_.size() >= kMaxCachedTokens) cache_.clear();
  cache_.emplace(key, *claims);
  return claims;
}

RequestGuard::RequestGuard(std::shared_ptr<const auth::JwtVerifier> verifier,
                           std::shared_ptr<const auth::RoleTable> roles)
    : verifier_(std::move(verifier)), roles_(std::move(roles)) {}

absl::StatusOr<Caller> RequestGuard::Authorize(const grpc::ServerContext& context,
                                               std::string_view full_method,
                                               const Message& request) const {
  const std::string_view authorization = MetadataValue(context, kAuthorizationHeader);
  const std::string_view invitation = MetadataValue(context, kInvitationTokenHeader);

  Caller caller;
  if (!authorization.empty()) {
    constexpr std::string_view kBearer = "Bearer ";
    if (!authorization.rfind(kBearer, 0) == 0) {
      return Unauthenticated("MALFORMED_CREDENTIALS", "authorization must be 'Bearer <token>'");
    }
    const std::string_view token = authorization.substr(kBearer.size());
    absl::StatusOr<std::string> tenant = RequestTenant(request);
    // The credential is judged before the request: a stranger learns nothing from our checks.
    absl::StatusOr<auth::Claims> claims = VerifiedClaims(token, absl::Now());
    if (!claims.ok())
      return Unauthenticated("INVALID_TOKEN", std::string(claims.status().message()));
    if (!tenant.ok()) return tenant.status();
    if (!tenant->empty() && *tenant != claims->tenant) {
      return Unauthenticated("WRONG_TENANT", "the token is not valid for this tenant");
    }
    caller.kind = Caller::Kind::kStaff;
    caller.tenant = claims->tenant;
    caller.role = std::string(auth::RoleName(claims->role));
    caller.subject = claims->sub;
    caller.agency = claims->agency;
    caller.bearer_token = std::string(token);
    caller.deadline = DeadlineOf(context);
    if (!roles_->Allows(full_method, claims->role)) {
      return PermissionDenied(
          "ROLE_NOT_ALLOWED",
          absl::StrCat("role ", caller.role, " may not call ", std::string(full_method)));
    }
    return caller;
  }
  if (!invitation.empty()) {
    if (!roles_->Allows(full_method, auth::Role::kFamily)) {
      return PermissionDenied("ROLE_NOT_ALLOWED",
                              "an invitation link does not open this; ask your coordinator");
    }
    caller.kind = Caller::Kind::kFamily;
    caller.role = "family";
    caller.invitation_token = std::string(invitation);
    caller.deadline = DeadlineOf(context);
    return caller;
  }
  return Unauthenticated("MISSING_CREDENTIALS",
                         "no credentials: send 'authorization: Bearer <token>'");
}

}  // namespace fgc::server
