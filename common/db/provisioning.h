// Creates what a service needs in a shared database, once, with the admin's rights: the role
// fgc_<service> (NOLOGIN), the schema <service> owned by it, and nothing else for it, so a
// service reaches its own tables only (DESIGN.md section 4).
//
// NOLOGIN because sessions reach the role through SET ROLE (common/db/pool.h): the same code then
// works on the embedded server (admin over the trust socket) and on a managed server, where
// each service's login user is made a member of fgc_<service> and needs no password of the
// role's own. The role is never a superuser and never bypasses row-level security.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace fgc::db {

// Idempotent and safe to run from several hosts at once (a transaction-scoped advisory lock
// serialises them; a role created meanwhile in another database of the cluster is tolerated).
// Also: revokes CREATE on schema public from PUBLIC (so services create only in their own
// schema), makes the admin a member of the role when it is not a superuser (so it may SET ROLE),
// and installs btree_gist in schema public, which exclusion constraints on ranges need and
// which a service role may not install itself.
absl::Status ProvisionService(const std::string& admin_conninfo, std::string_view service);

}  // namespace fgc::db
