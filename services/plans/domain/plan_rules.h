// The rules of a plan's life: when the draft may change, what submitting does, who may decide
// on which version, what the referrer's and resource decisions need and do, and what progress
// may be recorded. Pure: no gRPC, no SQL; the service loads, calls these, and stores.
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "fgc/v1/conference.pb.h"
#include "fgc/v1/ledger_entry.pb.h"
#include "fgc/v1/plan.pb.h"

namespace fgc::plans {

// FAILED_PRECONDITION (PLAN_NOT_EDITABLE) while a submitted version awaits the referrer's
// decision (PLAN_STATE_SUBMITTED); OK in DRAFTING, REVISING, AGREED (a revision is drafted
// while the agreed version stays in force) and DECLINED (the family may try again).
absl::Status CheckDraftEditable(const v1::Plan& plan);

// Whether a plan may be submitted while `conference` is in its stage: the family makes its plan in
// private family time and presents it at plan agreement, may revise it when given more time, and
// revises an agreed plan in follow-up for its review. FAILED_PRECONDITION (PRECONDITION_FAILED)
// before the conference is held (referral, preparation, booked, information sharing) and
// CONFERENCE_CLOSED once it is closed.
absl::Status CheckStageForSubmission(const v1::Conference& conference);

// Submits the plan's draft as version `number` (1 + the highest so far) at `now` by `by`:
// returns the new version (name `{plan}/versions/{number}`, content = the draft with item ids
// assigned, AWAITING_DECISION); sets the plan to SUBMITTED with latest_version, clears
// revision_deadline, and gives its draft the assigned item ids. Callers mark earlier
// AWAITING_DECISION or MORE_TIME versions SUPERSEDED (Supersede). Errors: CheckDraftEditable's.
absl::StatusOr<v1::PlanVersion> Submit(v1::Plan& plan, int number, const v1::Actor& by,
                                       absl::Time now);

// Marks an earlier version superseded by a new submission, if it was still open
// (AWAITING_DECISION or MORE_TIME); returns whether it changed.
bool Supersede(v1::PlanVersion& earlier);

// Whether decisions may be recorded on `version` of `plan`: FAILED_PRECONDITION
// PLAN_VERSION_SUPERSEDED when it is not the plan's latest version (or is SUPERSEDED),
// PLAN_ALREADY_DECIDED when the referrer has decided it (ACCEPTED, DECLINED, MORE_TIME).
absl::Status CheckOpenForDecision(const v1::Plan& plan, const v1::PlanVersion& version);

// Checks a member's decision: member a member name of `conference`, agreement set, reservations
// required with AGREE_WITH_RESERVATIONS, at most 5,000 characters. INVALID_ARGUMENT
// (INVALID_FIELD) with paths under "decision".
absl::Status ValidateMemberDecision(const v1::MemberDecision& decision,
                                    const std::string& conference);

// Records `decision` (by `by` at `now`) on the version, replacing that member's earlier one.
void ApplyMemberDecision(v1::PlanVersion& version, v1::MemberDecision decision, const v1::Actor& by,
                         absl::Time now);

// Checks the referrer's decision: outcome set; DECLINED needs reasons, remaining_risk, a legal
// basis (statute and section) and family_told (told with method and time, or not_told_reason);
// MORE_TIME needs a revision_deadline after `now`; texts within limits; authorising officer,
// when given, with a display name. INVALID_ARGUMENT (INVALID_FIELD), paths under "decision".
absl::Status ValidateReferrerDecision(const v1::ReferrerDecision& decision, absl::Time now);

// FAILED_PRECONDITION (REVIEW_DATE_REQUIRED) when accepting a version whose content has no
// review date; OK otherwise.
absl::Status CheckReviewDate(const v1::PlanVersion& version, const v1::ReferrerDecision& decision);

// Applies the referrer's decision (by `by` at `now`; `ledger_entry` for a decline) to the version
// and the plan: ACCEPTED -> version ACCEPTED, plan AGREED with agreed_version; DECLINED ->
// version and plan DECLINED; MORE_TIME -> version MORE_TIME, plan REVISING with the deadline.
void ApplyReferrerDecision(v1::Plan& plan, v1::PlanVersion& version, v1::ReferrerDecision decision,
                           const v1::Actor& by, absl::Time now, const std::string& ledger_entry);

// The stage the conference moves to after the referrer's decision: FOLLOW_UP for ACCEPTED,
// PLAN_REVISION for MORE_TIME, and UNSPECIFIED (it stays in PLAN_AGREEMENT) for DECLINED.
v1::Stage StageAfter(v1::ReferrerOutcome outcome);

// The ledger's power record of declining the plan (POWER_USED, POWER_KIND_DECLINE_PLAN) about
// `conference`'s first child, related to the version, with the decision's reasons (and the
// remaining risk), legal basis, family_told and authorising officer, occurring at `now`.
v1::LedgerEntry PlanDeclineEntry(const v1::Conference& conference, const v1::PlanVersion& version,
                                 const v1::ReferrerDecision& decision, absl::Time now);

// Checks a resource request: description 1-2,000 characters, provider at most 200, cost with a
// three-letter upper-case currency and not negative, item_id (when set) an item of `content`
// (the latest version's, else the draft's). INVALID_ARGUMENT (INVALID_FIELD), paths under
// "resource_request".
absl::Status ValidateResourceRequest(const v1::ResourceRequest& request,
                                     const v1::PlanContent& content);

// Checks a resource decision: outcome set; decider with a display name; authority_level 1-200;
// AGREED_IN_PART needs agreed_details; AGREED_IN_PART and DECLINED need reasons, legal basis and
// family_told; texts within limits; agreed cost well formed. INVALID_ARGUMENT (INVALID_FIELD),
// paths under "decision".
absl::Status ValidateResourceDecision(const v1::ResourceDecision& decision);

// FAILED_PRECONDITION (RESOURCE_REQUEST_DECIDED) when the request has a decision already.
absl::Status CheckUndecided(const v1::ResourceRequest& request);

// Whether the decision declines anything (in part or in full): a use of power.
bool DeclinesResource(const v1::ResourceDecision& decision);

// Records the decision on the request (by `by` at `now`; `ledger_entry` for a decline) and sets
// its state.
void ApplyResourceDecision(v1::ResourceRequest& request, v1::ResourceDecision decision,
                           const v1::Actor& by, absl::Time now, const std::string& ledger_entry);

// The ledger's power record of declining (in part) a resource (POWER_USED,
// POWER_KIND_DECLINE_RESOURCE) about `conference`'s first child, related to the request.
v1::LedgerEntry ResourceDeclineEntry(const v1::Conference& conference,
                                     const v1::ResourceRequest& request,
                                     const v1::ResourceDecision& decision, absl::Time now);

// Checks a progress report against the agreed version in force: FAILED_PRECONDITION
// (PLAN_NOT_AGREED) when the plan has no agreed version (`agreed` null); INVALID_ARGUMENT
// (INVALID_FIELD) for an item_id not in it, an unset status, reported_by not 1-200 characters,
// a note over 5,000, or an observe_time after `now`. Paths under "report".
absl::Status ValidateProgress(const v1::ProgressReport& report, const v1::PlanVersion* agreed,
                              absl::Time now);

}  // namespace fgc::plans
