#include "common/server/actor.h"

namespace fgc::server {

v1::ActorRole ActorRoleOf(const Caller& caller) {
  if (caller.kind == Caller::Kind::kFamily) return v1::ACTOR_ROLE_FAMILY_MEMBER;
  if (caller.role == "coordinator") return v1::ACTOR_ROLE_COORDINATOR;
  if (caller.role == "referrer") return v1::ACTOR_ROLE_REFERRER;
  if (caller.role == "agency_system") return v1::ACTOR_ROLE_AGENCY_SYSTEM;
  if (caller.role == "manager") return v1::ACTOR_ROLE_MANAGER;
  if (caller.role == "auditor") return v1::ACTOR_ROLE_AUDITOR;
  return v1::ACTOR_ROLE_UNSPECIFIED;
}

v1::Actor ActorOf(const Caller& caller) {
  v1::Actor actor;
  actor.set_subject(caller.subject);
  actor.set_role(ActorRoleOf(caller));
  actor.set_agency(caller.agency);
  return actor;
}

}  // namespace fgc::server
