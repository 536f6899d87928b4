#include "services/ledger/ledger_requests.h"

#include "common/base/errors.h"
#include "common/server/actor.h"

namespace fgc::ledger {

absl::Status RequireRequestId(const std::string& request_id) {
  if (request_id.empty() || request_id.size() > 128) {
    return FieldError("request_id", "is required (1-128 characters; reuse it to retry)");
  }
  return absl::OkStatus();
}

void SetActor(const server::Caller& caller, v1::LedgerEntry* entry) {
  v1::Actor* actor = entry->mutable_actor();
  const v1::Actor credited = server::ActorOf(caller);
  actor->set_subject(credited.subject());
  actor->set_role(credited.role());
  actor->set_agency(credited.agency());
}

}  // namespace fgc::ledger
