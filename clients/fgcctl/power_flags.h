// The part of a decision that is a use of power, as the flags of `restrict`, `plan
// referrer-decision` and `plan resource decide` give it: the law it rests on, and whether and
// how the family (or the person concerned) was told. Pure: no calls.
#pragma once

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "fgc/v1/common.pb.h"

namespace fgc::ctl {

struct PowerFlags {
  std::string statute;  // the legal basis, when statute or section is given
  std::string section;
  std::string jurisdiction;
  std::string legal_description;
  std::string told;  // how they were told: METHOD[@RFC 3339 time], e.g. letter@now; no time: now
  std::string told_by;
  std::string not_told;  // why they have not been told yet, and when they will be
};

// What the flags say; each part unset when none of its flags was given, so that the flags fill
// in on top of a file.
struct PowerRecord {
  std::optional<v1::LegalBasis> legal_basis;
  std::optional<v1::FamilyTold> family_told;
};

// INVALID_ARGUMENT naming the flag: an unknown way of telling, an unreadable time, or --told
// with --not-told.
absl::StatusOr<PowerRecord> PowerRecordFromFlags(const PowerFlags& flags, absl::Time now);

// Sets the legal_basis and family_told of `decision` (a restriction, a referrer's or a
// resource decision) to what the flags give, leaving the parts they do not give alone.
template <typename Decision>
absl::Status SetPowerRecord(const PowerFlags& flags, absl::Time now, Decision* decision) {
  auto power = PowerRecordFromFlags(flags, now);
  if (!power.ok()) return power.status();
  if (power->legal_basis) *decision->mutable_legal_basis() = *power->legal_basis;
  if (power->family_told) *decision->mutable_family_told() = *power->family_told;
  return absl::OkStatus();
}

// " --told METHOD@TIME" when --told left the time to `now` (which `told` holds), so that a
// retry says the same time as the first try; "" otherwise.
std::string ToldRetryFlag(const PowerFlags& flags, const v1::FamilyTold& told);

}  // namespace fgc::ctl
