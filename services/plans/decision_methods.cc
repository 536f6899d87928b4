// PlanService's decisions on a submitted version: each family member's (RecordDecision) and the
// referrer's (RecordReferrerDecision). A decline is a use of power: its ledger record is written
// first (fail closed); the conference's stage and review follow the decision, each step on the
// caller's behalf under a request id derived from theirs, so a retry finishes what a failed try
// began without doing anything twice.
#include "absl/strings/str_cat.h"
#include "common/base/errors.h"
#include "common/base/proto_time.h"
#include "common/server/actor.h"
#include "common/server/peer_calls.h"
#include "services/plans/domain/plan_rules.h"
#include "services/plans/plan_peers.h"
#include "services/plans/plan_service.h"

namespace fgc::plans {
namespace {

using server::Caller;

absl::Status BadVersionName() {
  return FieldError("name",
                    "must be tenants/{tenant}/conferences/{conference}/plans/{plan}/versions/{n}");
}

// The review date must still be ahead in the conference's time zone, or scheduling refuses the
// review after the stage has moved.
absl::Status CheckReviewAhead(const v1::PlanVersion& version, const v1::Conference& conference,
                              absl::Time now) {
  absl::TimeZone zone;
  if (!absl::LoadTimeZone(conference.time_zone(), &zone)) zone = absl::UTCTimeZone();
  const google::type::Date& date = version.content().review_date();
  const absl::CivilDay review(date.year(), date.month(), date.day());
  if (review <= absl::ToCivilDay(now, zone)) {
    return FailedPrecondition("REVIEW_DATE_REQUIRED",
                              "the plan's review date has passed: the family revises it and "
                              "submits again",
                              {{"REVIEW_DATE_REQUIRED", version.name(), "review date not ahead"}});
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status PlanService::RecordDecision(const Caller& caller, const v1::RecordDecisionRequest& req,
                                         v1::RecordDecisionResponse& resp) {
  const auto parsed = ParseVersionName(req.name(), caller.tenant);
  if (!parsed) return BadVersionName();
  if (absl::Status s = ValidateMemberDecision(req.decision(), parsed->conference); !s.ok()) {
    return s;
  }
  return ChangePlan(
      caller, parsed->plan, "name", "RecordDecision", req, req.request_id(),
      [&](Loaded& loaded, const db::RequestKey&, std::set<int>& changed) -> absl::Status {
        v1::PlanVersion* version = loaded.aggregate.Version(req.name());
        if (version == nullptr) return NotFound("fgc.v1.PlanVersion", req.name());
        if (absl::Status s = CheckOpenForDecision(loaded.aggregate.plan, *version); !s.ok()) {
          return s;
        }
        auto member = MemberForCaller(*peers_, caller, req.decision().member());
        if (!member.ok()) return member.status();
        ApplyMemberDecision(*version, req.decision(), server::ActorOf(caller), loaded.now);
        changed.insert(version->version_number());
        return absl::OkStatus();
      },
      [&](const PlanAggregate& stored, google::protobuf::Message& out) {
        *static_cast<v1::RecordDecisionResponse&>(out).mutable_plan_version() =
            *stored.Version(req.name());
      },
      resp);
}

absl::Status PlanService::RecordReferrerDecision(const Caller& caller,
                                                 const v1::RecordReferrerDecisionRequest& req,
                                                 v1::RecordReferrerDecisionResponse& resp) {
  const auto parsed = ParseVersionName(req.name(), caller.tenant);
  if (!parsed) return BadVersionName();
  if (absl::Status s = ValidateReferrerDecision(req.decision(), absl::Now()); !s.ok()) return s;
  const v1::ReferrerOutcome outcome = req.decision().outcome();
  return ChangePlan(
      caller, parsed->plan, "name", "RecordReferrerDecision", req, req.request_id(),
      [&](Loaded& loaded, const db::RequestKey& key, std::set<int>& changed) -> absl::Status {
        v1::PlanVersion* version = loaded.aggregate.Version(req.name());
        if (version == nullptr) return NotFound("fgc.v1.PlanVersion", req.name());
        if (absl::Status s = CheckOpenForDecision(loaded.aggregate.plan, *version); !s.ok()) {
          return s;
        }
        if (absl::Status s = CheckReviewDate(*version, req.decision()); !s.ok()) return s;
        if (outcome == v1::REFERRER_OUTCOME_ACCEPTED) {
          if (absl::Status s = CheckReviewAhead(*version, loaded.conference, loaded.now); !s.ok()) {
            return s;
          }
        }
        // The plan is presented and decided in PLAN_AGREEMENT; a retry of a try that moved the
        // conference already finds it where the decision takes it.
        const v1::Stage next = StageAfter(outcome);
        const v1::Stage stage = loaded.conference.stage();
        if (stage != v1::STAGE_PLAN_AGREEMENT &&
            !(next != v1::STAGE_UNSPECIFIED && stage == next)) {
          return FailedPrecondition(
              "STAGE_TRANSITION_NOT_ALLOWED",
              absl::StrCat("the referrer decides on the plan while the conference is in "
                           "STAGE_PLAN_AGREEMENT; it is in ",
                           v1::Stage_Name(stage)),
              {{"STAGE", loaded.conference.name(), v1::Stage_Name(stage)}});
        }
        auto base = StepBase(key.request_id);
        if (!base.ok()) return base.status();
        std::string ledger_entry;
        if (outcome == v1::REFERRER_OUTCOME_DECLINED) {
          auto entry = server::RecordPowerOnBehalf(
              *peers_, caller,
              PlanDeclineEntry(loaded.conference, *version, req.decision(), loaded.now),
              StepRequestId(*base, "ledger"));
          if (!entry.ok()) return entry.status();
          ledger_entry = entry->name();
        }
        if (next != v1::STAGE_UNSPECIFIED && stage != next) {
          auto moved = MoveConference(*peers_, caller, loaded.conference.name(), next,
                                      absl::StrCat("referrer's decision on ", version->name()),
                                      StepRequestId(*base, "stage"));
          if (!moved.ok()) return moved.status();
        }
        if (outcome == v1::REFERRER_OUTCOME_ACCEPTED) {
          if (absl::Status s = ScheduleReview(*peers_, caller, loaded.conference.name(),
                                              version->content().review_date(), version->name(),
                                              StepRequestId(*base, "review"));
              !s.ok()) {
            return s;
          }
        }
        ApplyReferrerDecision(loaded.aggregate.plan, *version, req.decision(),
                              server::ActorOf(caller), loaded.now, ledger_entry);
        changed.insert(version->version_number());
        return absl::OkStatus();
      },
      [&](const PlanAggregate& stored, google::protobuf::Message& out) {
        auto& response = static_cast<v1::RecordReferrerDecisionResponse&>(out);
        *response.mutable_plan_version() = *stored.Version(req.name());
        *response.mutable_plan() = stored.plan;
      },
      resp);
}

}  // namespace fgc::plans
