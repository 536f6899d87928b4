// PlanService's distribution: the agreed plan sent to everyone entitled (DistributePlan, through
// the invitations outbox, once consent to distribute it stands) and read by a family member with
// their own invitation token (GetMyPlan).
#include <map>
#include <set>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/base/field_violations.h"
#include "common/base/proto_time.h"
#include "common/server/family_invitation.h"
#include "services/plans/plan_peers.h"
#include "services/plans/plan_service.h"

namespace fgc::plans {
namespace {

using server::Caller;

constexpr int kMaxProfessionals = 50;

absl::Status ValidateProfessionals(const v1::DistributePlanRequest& req) {
  FieldViolations v;
  if (req.professionals_size() > kMaxProfessionals) v.Add("professionals", "at most 50");
  for (int i = 0; i < req.professionals_size() && i < kMaxProfessionals; ++i) {
    const v1::StaffMember& p = req.professionals(i);
    const std::string at = absl::StrCat("professionals[", i, "]");
    v.Text(at + ".display_name", p.display_name(), 200, true);
    const size_t sign = p.email().find('@');
    if (sign == std::string::npos || sign == 0 || sign + 1 == p.email().size() ||
        !v.Text(at + ".email", p.email(), 254, true)) {
      v.Add(at + ".email", "an email address to send the plan to");
    }
  }
  return v.ToStatus("the professionals have invalid fields");
}

bool Reached(const v1::Distribution& d) { return !d.notification().empty(); }

}  // namespace

absl::Status PlanService::DistributePlan(const Caller& caller, const v1::DistributePlanRequest& req,
                                         v1::DistributePlanResponse& resp) {
  const auto parsed = ParseVersionName(req.name(), caller.tenant);
  if (!parsed) {
    return FieldError(
        "name", "must be tenants/{tenant}/conferences/{conference}/plans/{plan}/versions/{n}");
  }
  if (absl::Status s = ValidateProfessionals(req); !s.ok()) return s;
  std::vector<std::string> unreachable;
  return ChangePlan(
      caller, parsed->plan, "name", "DistributePlan", req, req.request_id(),
      [&](Loaded& loaded, const db::RequestKey& key, std::set<int>& changed) -> absl::Status {
        v1::PlanVersion* version = loaded.aggregate.Version(req.name());
        if (version == nullptr) return NotFound("fgc.v1.PlanVersion", req.name());
        if (loaded.aggregate.plan.agreed_version() != req.name()) {
          return FailedPrecondition(
              "PLAN_NOT_AGREED", "only the agreed version in force is distributed",
              {{"PLAN_NOT_AGREED", req.name(), v1::PlanVersionState_Name(version->state())}});
        }
        if (absl::Status s = CheckDistributionConsent(*peers_, caller, loaded.conference);
            !s.ok()) {
          return s;
        }
        // Who is entitled: invitees not excluded; the referrer and the professionals named. Those
        // reached before are not sent it again.
        std::set<std::string> reached_members, reached_staff;
        for (const v1::Distribution& d : version->distributions()) {
          if (!Reached(d)) continue;
          if (!d.member().empty()) reached_members.insert(d.member());
          if (d.has_staff_recipient()) reached_staff.insert(d.staff_recipient().email());
        }
        auto network = NetworkForCaller(*peers_, caller, loaded.conference.name());
        if (!network.ok()) return network.status();
        std::vector<std::string> members;
        for (const v1::NetworkMember& m : *network) {
          if (m.invitation().empty() || m.restriction().kind() == v1::RESTRICTION_KIND_EXCLUDED ||
              reached_members.contains(m.name())) {
            continue;
          }
          members.push_back(m.name());
        }
        std::vector<v1::StaffMember> staff;
        auto add_staff = [&](const v1::StaffMember& s) {
          if (s.email().empty() || reached_staff.contains(s.email())) return;
          reached_staff.insert(s.email());
          staff.push_back(s);
        };
        add_staff(loaded.conference.referral().referrer());
        for (const v1::StaffMember& p : req.professionals()) add_staff(p);
        if (members.empty() && staff.empty()) return absl::OkStatus();

        auto base = StepBase(key.request_id);
        if (!base.ok()) return base.status();
        auto sent = NotifyPlanDistributed(*peers_, caller, loaded.conference.name(), members, staff,
                                          req.name(), StepRequestId(*base, "notify"));
        if (!sent.ok()) return sent.status();
        const auto now = ToTimestamp(loaded.now);
        for (const v1::Notification& n : sent->notifications()) {
          v1::Distribution& d = *version->add_distributions();
          d.set_member(n.member());
          if (n.has_staff_recipient()) *d.mutable_staff_recipient() = n.staff_recipient();
          d.set_notification(n.name());
          *d.mutable_distribute_time() = now;
        }
        // An unreachable member is recorded once, and found again on the next distribution.
        for (const std::string& member : sent->unreachable_members()) {
          unreachable.push_back(member);
          bool listed = false;
          for (v1::Distribution& d : *version->mutable_distributions()) {
            if (d.member() == member && !Reached(d)) {
              *d.mutable_distribute_time() = now;
              listed = true;
            }
          }
          if (!listed) {
            v1::Distribution& d = *version->add_distributions();
            d.set_member(member);
            *d.mutable_distribute_time() = now;
          }
        }
        changed.insert(version->version_number());
        return absl::OkStatus();
      },
      [&](const PlanAggregate& stored, google::protobuf::Message& out) {
        auto& response = static_cast<v1::DistributePlanResponse&>(out);
        *response.mutable_plan_version() = *stored.Version(req.name());
        for (const std::string& member : unreachable) response.add_unreachable_members(member);
      },
      resp);
}

absl::Status PlanService::GetMyPlan(const Caller& caller, const v1::GetMyPlanRequest& req,
                                    v1::GetMyPlanResponse& resp) {
  (void)req;  // the plan is in the family's words; no label here depends on the language
  auto family = server::ResolveFamilyInvitation(*peers_, caller);
  if (!family.ok()) return family.status();
  auto not_distributed = [] {
    return WithDetails(absl::NotFoundError("no plan has been distributed to you yet"),
                       {.reason = "PLAN_NOT_DISTRIBUTED"});
  };
  auto aggregate = store_.OfConference(family->tenant, family->conference);
  if (!aggregate.ok()) return aggregate.status();
  if (!aggregate->has_value()) return not_distributed();
  const PlanAggregate& plan = **aggregate;
  // The newest version distributed to them.
  for (auto v = plan.versions.rbegin(); v != plan.versions.rend(); ++v) {
    const v1::Distribution* theirs = nullptr;
    for (const v1::Distribution& d : v->distributions()) {
      if (d.member() == family->member) theirs = &d;
    }
    if (theirs == nullptr) continue;
    v1::PlanVersion shown = *v;
    shown.clear_decisions();      // other members' decisions are theirs
    shown.clear_distributions();  // and so is who else received it
    *resp.mutable_plan_version() = std::move(shown);
    *resp.mutable_distribute_time() = theirs->distribute_time();
    std::map<std::string, const v1::ProgressReport*> latest;
    for (const v1::ProgressReport& r : plan.plan.progress()) {
      if (r.plan_version() == v->name()) latest[r.item_id()] = &r;
    }
    for (const v1::PlanItem& item : v->content().items()) {
      if (auto it = latest.find(item.item_id()); it != latest.end()) {
        *resp.add_progress() = *it->second;
      }
    }
    return absl::OkStatus();
  }
  return not_distributed();
}

}  // namespace fgc::plans
