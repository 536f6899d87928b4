// Conferences for the lifecycle's tests: a referral as a partner agency makes it, an
// independent coordinator, consent verdicts, and a conference walked to any stage through the
// real moves, plus readers for the error details a test asserts on.
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "fgc/v1/conference.pb.h"
#include "fgc/v1/scheduling_service.pb.h"
#include "services/scheduling/lifecycle/allocation_rules.h"
#include "services/scheduling/lifecycle/booking_moves.h"
#include "services/scheduling/lifecycle/stage_transitions.h"
#include "services/scheduling/lifecycle/timescale_config.h"

namespace fgc::scheduling::testing {

inline constexpr char kConference[] = "tenants/t1/conferences/c1";
inline constexpr char kChild[] = "tenants/t1/conferences/c1/children/sam";
inline constexpr char kSibling[] = "tenants/t1/conferences/c1/children/alex";
inline constexpr char kReferringAgency[] = "northshire-cs";
inline constexpr char kReferrerSubject[] = "referrer-1";
inline constexpr char kCoordinatorSubject[] = "coordinator-1";
inline constexpr char kConsentEntry[] = "tenants/t1/ledger/entries/7";

// An instant given in UTC.
absl::Time Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0);
// Monday 2 March 2026, 10:00 UTC (10:00 in London): when the test referrals arrive.
absl::Time ReferralTime();

// A valid referral as CreateConference receives it (one child, Europe/London).
v1::Conference ValidReferral(v1::Urgency urgency = v1::URGENCY_STANDARD);
// The referral as stored at `created`, in STAGE_REFERRAL, its child named kChild.
v1::Conference Referred(absl::Time created = ReferralTime(),
                        v1::Urgency urgency = v1::URGENCY_STANDARD);

v1::StaffMember IndependentCoordinator();
v1::Actor CoordinatorActor();
v1::Actor ReferrerActor();

// Consent given for every child of `conference`.
std::vector<ConsentVerdict> ConsentForAll(const v1::Conference& conference);

v1::TransitionConferenceRequest MoveTo(v1::Stage stage);

// A conference brought from referral to `stage` by the real moves, one hour apart from
// ReferralTime(); FOLLOW_UP has a review scheduled. `*now` is the last move's time.
v1::Conference ConferenceIn(v1::Stage stage, absl::Time* now = nullptr);

// A request TransitionConference accepts for the move from `from` to `to` when it is allowed.
v1::TransitionConferenceRequest AcceptableRequest(v1::Stage from, v1::Stage to);

// The ErrorInfo reason, the precondition violation types and the field paths of an error.
std::string ReasonOf(const absl::Status& status);
std::vector<std::string> PreconditionTypes(const absl::Status& status);
std::vector<std::string> FieldsOf(const absl::Status& status);

}  // namespace fgc::scheduling::testing
