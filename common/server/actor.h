// The fgc.v1.Actor a record names for the person who acted: always from their credentials
// (subject, role, agency), never from what the request claims.
#pragma once

#include "common/server/caller.h"
#include "fgc/v1/common.pb.h"

namespace fgc::server {

v1::ActorRole ActorRoleOf(const Caller& caller);

// subject, role and agency from `caller`; display_name and on_behalf_of left for the request.
v1::Actor ActorOf(const Caller& caller);

}  // namespace fgc::server
