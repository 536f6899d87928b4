#include "services/scheduling/lifecycle/test_conferences.h"

#include <cstdlib>
#include <iostream>

#include "common/base/errors.h"
#include "services/scheduling/lifecycle/conference_time.h"
#include "services/scheduling/lifecycle/referral_validation.h"

namespace fgc::scheduling::testing {
namespace {

// Test set-up that cannot go wrong unless the code under test is broken: stop loudly.
v1::Conference Must(absl::StatusOr<v1::Conference> conference, const char* what) {
  if (!conference.ok()) {
    std::cerr << what << ": " << conference.status() << "\n";
    std::abort();
  }
  return *std::move(conference);
}

}  // namespace

absl::Time Utc(int year, int month, int day, int hour, int minute, int second) {
  return absl::FromCivil(absl::CivilSecond(year, month, day, hour, minute, second),
                         absl::UTCTimeZone());
}

absl::Time ReferralTime() { return Utc(2026, 3, 2, 10); }

v1::Conference ValidReferral(v1::Urgency urgency) {
  v1::Conference conference;
  conference.set_urgency(urgency);
  conference.set_time_zone("Europe/London");
  v1::Referral& referral = *conference.mutable_referral();
  referral.set_referring_agency(kReferringAgency);
  referral.mutable_referrer()->set_subject(kReferrerSubject);
  referral.mutable_referrer()->set_display_name("Pat Referrer");
  referral.mutable_referrer()->set_agency(kReferringAgency);
  referral.set_concerns("Sam has missed school and the family needs support.");
  referral.add_bottom_lines()->set_text("Sam goes to school every day.");
  if (urgency == v1::URGENCY_URGENT) referral.set_urgency_reason("Placement ends tomorrow.");
  conference.add_children()->set_display_name("Sam");
  v1::ResponsiblePerson& mother = *conference.add_parental_responsibility();
  mother.set_display_name("Jo");
  mother.set_relationship("mother");
  return conference;
}

v1::Conference Referred(absl::Time created, v1::Urgency urgency) {
  v1::Conference conference =
      NewConference(ValidReferral(urgency), kConference, created, TimescaleConfig{});
  conference.mutable_children(0)->set_name(kChild);
  return conference;
}

v1::StaffMember IndependentCoordinator() {
  v1::StaffMember coordinator;
  coordinator.set_subject(kCoordinatorSubject);
  coordinator.set_display_name("Chris Coordinator");
  coordinator.set_agency("fgc-service");
  return coordinator;
}

v1::Actor CoordinatorActor() {
  v1::Actor actor;
  actor.set_subject(kCoordinatorSubject);
  actor.set_role(v1::ACTOR_ROLE_COORDINATOR);
  actor.set_agency("fgc-service");
  return actor;
}

v1::Actor ReferrerActor() {
  v1::Actor actor;
  actor.set_subject(kReferrerSubject);
  actor.set_role(v1::ACTOR_ROLE_REFERRER);
  actor.set_agency(kReferringAgency);
  return actor;
}

std::vector<ConsentVerdict> ConsentForAll(const v1::Conference& conference) {
  std::vector<ConsentVerdict> verdicts;
  for (const v1::Child& child : conference.children()) {
    verdicts.push_back({child.name(), v1::CONSENT_CHECK_RESULT_CONSENT_GIVEN, kConsentEntry});
  }
  return verdicts;
}

v1::TransitionConferenceRequest MoveTo(v1::Stage stage) {
  v1::TransitionConferenceRequest request;
  request.set_name(kConference);
  request.set_stage(stage);
  return request;
}

v1::TransitionConferenceRequest AcceptableRequest(v1::Stage from, v1::Stage to) {
  v1::TransitionConferenceRequest request = MoveTo(to);
  if (from == v1::STAGE_REFERRAL && to == v1::STAGE_PREPARATION) {
    *request.mutable_coordinator() = IndependentCoordinator();
  }
  if (to == v1::STAGE_CLOSED) request.set_reason("The family moved away.");
  return request;
}

v1::Conference ConferenceIn(v1::Stage stage, absl::Time* now) {
  static constexpr v1::Stage kPath[] = {
      v1::STAGE_PREPARATION,         v1::STAGE_BOOKED,         v1::STAGE_INFORMATION_SHARING,
      v1::STAGE_PRIVATE_FAMILY_TIME, v1::STAGE_PLAN_AGREEMENT, v1::STAGE_FOLLOW_UP};
  const TimescaleConfig config;
  MoveContext context{CoordinatorActor(), ReferralTime()};
  v1::Conference conference = Referred();
  auto step = [&](v1::Stage to) {
    context.now += absl::Hours(1);
    if (to == v1::STAGE_BOOKED) {
      conference = Must(ApplyBooked(conference, context, config), "book");
    } else {
      conference = Must(ApplyTransition(conference, AcceptableRequest(conference.stage(), to),
                                        ConsentForAll(conference), context, config),
                        "move");
    }
  };
  if (stage == v1::STAGE_CLOSED) {
    step(v1::STAGE_CLOSED);
  } else if (stage != v1::STAGE_REFERRAL) {
    const v1::Stage last = stage == v1::STAGE_PLAN_REVISION ? v1::STAGE_PLAN_AGREEMENT : stage;
    for (v1::Stage to : kPath) {
      step(to);
      if (to == last) break;
    }
    if (stage == v1::STAGE_PLAN_REVISION) step(v1::STAGE_PLAN_REVISION);
  }
  if (stage == v1::STAGE_FOLLOW_UP) {
    v1::Review& review = *conference.add_reviews();
    review.set_name(std::string(kConference) + "/reviews/r1");
    *review.mutable_review_date() = ToDate(absl::CivilDay(2026, 6, 2));
    *review.mutable_create_time() = ToTimestamp(context.now);
  }
  if (now != nullptr) *now = context.now;
  return conference;
}

std::string ReasonOf(const absl::Status& status) {
  std::optional<ErrorDetails> details = DetailsOf(status);
  return details ? details->reason : "";
}

std::vector<std::string> PreconditionTypes(const absl::Status& status) {
  std::vector<std::string> types;
  if (std::optional<ErrorDetails> details = DetailsOf(status)) {
    for (const auto& violation : details->precondition_violations) types.push_back(violation.type);
  }
  return types;
}

std::vector<std::string> FieldsOf(const absl::Status& status) {
  std::vector<std::string> fields;
  if (std::optional<ErrorDetails> details = DetailsOf(status)) {
    for (const auto& violation : details->field_violations) fields.push_back(violation.field);
  }
  return fields;
}

}  // namespace fgc::scheduling::testing
