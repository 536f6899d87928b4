// InvitationService.RestrictParticipation: a use of power, so the ledger's power record is
// written first (fail closed) and the restriction only after it.
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/base/field_violations.h"
#include "common/crypto/encoding.h"
#include "common/crypto/random.h"
#include "common/server/actor.h"
#include "common/server/peer_calls.h"
#include "common/server/request_hash.h"
#include "google/protobuf/util/time_util.h"
#include "services/invitations/invitation_service.h"
#include "services/invitations/scheduling_client.h"

namespace fgc::invitations {
namespace {

using google::protobuf::util::TimeUtil;
using server::Caller;

absl::Status ValidateRestriction(const v1::ParticipationRestriction& r) {
  FieldViolations v;
  const std::string at = "restriction";
  if (r.kind() == v1::RESTRICTION_KIND_UNSPECIFIED || !v1::RestrictionKind_IsValid(r.kind())) {
    v.Add(at + ".kind", "say how they are restricted, or RESTRICTION_KIND_LIFTED");
  }
  v.Text(at + ".reasons", r.reasons(), 5000, true, TextShape::kMultiLine);
  v.Text(at + ".member_notice", r.member_notice(), 2000, false, TextShape::kMultiLine);
  const bool lifting = r.kind() == v1::RESTRICTION_KIND_LIFTED;
  if (!lifting) {
    if (r.legal_basis().statute().empty() || r.legal_basis().section().empty()) {
      v.Add(at + ".legal_basis", "name the statute and section the restriction rests on");
    }
    if (!r.has_review_date() || r.review_date().year() == 0) {
      v.Add(at + ".review_date", "say when the restriction will be reviewed");
    }
    v.Text(at + ".alternative_contribution", r.alternative_contribution(), 2000, true,
           TextShape::kMultiLine);
    if (!r.has_family_told()) {
      v.Add(at + ".family_told", "say whether and how the person was told");
    } else if (!r.family_told().told() && r.family_told().not_told_reason().empty()) {
      v.Add(at + ".family_told.not_told_reason", "say why the person was not told");
    } else if (r.family_told().told() && !r.family_told().has_tell_time()) {
      v.Add(at + ".family_told.tell_time", "say when the person was told");
    }
  }
  if (r.kind() == v1::RESTRICTION_KIND_PART_ATTENDANCE && r.allowed_parts_size() == 0) {
    v.Add(at + ".allowed_parts", "name at least one part they may attend");
  }
  for (int i = 0; i < r.allowed_parts_size(); ++i) {
    if (r.allowed_parts(i) == v1::CONFERENCE_PART_UNSPECIFIED ||
        !v1::ConferencePart_IsValid(r.allowed_parts(i))) {
      v.Add(absl::StrCat(at, ".allowed_parts[", i, "]"), "unknown part");
    }
  }
  return v.ToStatus("the restriction has invalid fields");
}

// The power record the ledger keeps for this restriction (or its lifting).
v1::LedgerEntry PowerEntry(const v1::NetworkMember& member, const v1::Conference& conference,
                           const v1::ParticipationRestriction& r) {
  v1::LedgerEntry entry;
  const bool lifting = r.kind() == v1::RESTRICTION_KIND_LIFTED;
  entry.set_kind(lifting ? v1::LEDGER_ENTRY_KIND_POWER_ENDED : v1::LEDGER_ENTRY_KIND_POWER_USED);
  entry.set_conference(conference.name());
  // The child the entry is about: the one the member relates to, else the conference's first.
  entry.set_subject(!member.child().empty()          ? member.child()
                    : conference.children_size() > 0 ? conference.children(0).name()
                                                     : "");
  entry.set_decision(
      lifting ? "Participation restriction lifted"
              : absl::StrCat("Participation restricted: ", v1::RestrictionKind_Name(r.kind())));
  if (lifting) entry.set_supersedes(member.restriction().ledger_entry());
  entry.set_related_resource(member.name());
  *entry.mutable_occur_time() = TimeUtil::GetCurrentTime();
  v1::PowerDetails& power = *entry.mutable_power();
  power.set_power(v1::POWER_KIND_RESTRICT_PARTICIPATION);
  power.set_reasons(r.reasons());
  if (!lifting) {
    *power.mutable_legal_basis() = r.legal_basis();
    *power.mutable_family_told() = r.family_told();
    *power.mutable_review_date() = r.review_date();
    if (r.has_authorising_officer()) *power.mutable_authorising_officer() = r.authorising_officer();
  }
  v1::Party& affected = *power.add_affected();
  affected.set_member(member.name());
  affected.set_display_name(member.display_name());
  return entry;
}

}  // namespace

absl::Status InvitationService::RestrictParticipation(const Caller& caller,
                                                      const v1::RestrictParticipationRequest& req,
                                                      v1::RestrictParticipationResponse& resp) {
  auto key = server::RequestKeyOf(req.request_id(), "RestrictParticipation", req);
  if (!key.ok()) return key.status();
  if (absl::Status s = ValidateRestriction(req.restriction()); !s.ok()) return s;
  const auto parsed = ParseMemberName(req.name(), caller.tenant);
  if (!parsed) {
    return FieldError("name", "must be tenants/{tenant}/conferences/{conference}/members/{member}");
  }
  auto conference = ConferenceForCaller(*peers_, caller, parsed->conference);
  if (!conference.ok()) return conference.status();
  auto replayed = members_.Replayed(caller.tenant, *key);
  if (!replayed.ok()) return replayed.status();
  auto loaded = members_.Get(caller.tenant, req.name());
  if (!loaded.ok()) return loaded.status();
  if (!replayed->has_value()) {
    if (!req.etag().empty() && req.etag() != loaded->member.etag()) {
      return WithDetails(absl::AbortedError("the member changed since you read them"),
                         {.reason = "ETAG_MISMATCH"});
    }
    const bool lifting = req.restriction().kind() == v1::RESTRICTION_KIND_LIFTED;
    if (lifting && (!loaded->member.has_restriction() ||
                    loaded->member.restriction().kind() == v1::RESTRICTION_KIND_LIFTED)) {
      return FailedPrecondition("POWER_NOT_IN_FORCE", "the member has no restriction to lift",
                                {{"fgc.v1.NetworkMember", req.name(), "not restricted"}});
    }
    // Without a request_id this call still needs one for the ledger: a random one, so that
    // the ledger never takes two restrictions for one.
    std::string ledger_request = req.request_id();
    if (ledger_request.empty()) {
      auto bytes = crypto::RandomBytes(16);
      if (!bytes.ok()) return bytes.status();
      ledger_request = absl::StrCat("restrict-", crypto::HexEncode(*bytes));
    }
    auto entry = server::RecordPowerOnBehalf(
        *peers_, caller, PowerEntry(loaded->member, *conference, req.restriction()),
        ledger_request);
    if (!entry.ok()) return entry.status();
    v1::NetworkMember restricted = loaded->member;
    if (lifting) {
      restricted.clear_restriction();
    } else {
      *restricted.mutable_restriction() = req.restriction();
      restricted.mutable_restriction()->set_ledger_entry(entry->name());
      *restricted.mutable_restriction()->mutable_decided_by() = server::ActorOf(caller);
      *restricted.mutable_restriction()->mutable_create_time() = TimeUtil::GetCurrentTime();
    }
    *restricted.mutable_update_time() = TimeUtil::GetCurrentTime();
    loaded = members_.Replace(caller.tenant, loaded->version, restricted, *key);
    if (!loaded.ok()) return loaded.status();
  }
  *resp.mutable_member() = loaded->member;
  return absl::OkStatus();
}

}  // namespace fgc::invitations
