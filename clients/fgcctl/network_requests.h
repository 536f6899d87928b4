// What `fgcctl network add | update`, `fgcctl restrict` and `fgcctl family respond` send, built
// from their flags: a network member, a member's change, a participation restriction, and a
// family member's answer. Pure: no calls.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "clients/fgcctl/power_flags.h"
#include "fgc/v1/invitation.pb.h"
#include "fgc/v1/network.pb.h"

namespace fgc::ctl {

// A member from flags, on top of an optional protobuf JSON file.
struct MemberFlags {
  std::string file;  // a NetworkMember as protobuf JSON; the flags below fill in on top
  std::string display_name;
  std::string relationship;        // in the family's words: "Nan", "Mum's partner"
  std::vector<std::string> roles;  // child, parental-responsibility, carer, advocate, ...
  std::string child;               // for the child: its id in the conference, or its full name
  std::string language;
  std::string time_zone;
  std::string email;   // the first of email, mobile, phone given is the preferred channel
  std::string mobile;  // E.164
  std::string phone;
  std::vector<std::string> needs;  // kind[:details], see ParseNeed
  std::string notes;
  std::string agency;
  std::string connection;  // strong, moderate, tenuous, stressful
};

// The member to add to `conference` (its name, for a child given by id). INVALID_ARGUMENT naming
// the flag that cannot be read.
absl::StatusOr<v1::NetworkMember> MemberFromFlags(const MemberFlags& flags,
                                                  const std::string& conference);

// The paths `network update --set` accepts.
const std::vector<std::string>& MemberSettablePaths();

struct MemberChange {
  v1::NetworkMember member;        // the new values
  std::vector<std::string> paths;  // the update_mask
};

// The change from each `--set path=value` and from `file` with `mask` (both optional; at least
// one path in the end).
absl::StatusOr<MemberChange> MemberChangeFrom(const std::vector<std::string>& settings,
                                              const std::string& file, const std::string& mask);

// A restriction from flags, on top of an optional protobuf JSON file.
struct RestrictionFlags {
  std::string file;                        // a ParticipationRestriction as protobuf JSON
  std::string kind;                        // part-attendance, views-only, excluded, lifted
  std::vector<std::string> allowed_parts;  // information-sharing, private-family-time, ...
  std::string reasons;
  PowerFlags power;           // the legal basis, and whether and how the person was told
  std::string review_date;    // YYYY-MM-DD
  std::string alternative;    // how they may still contribute
  std::string authorised_by;  // subject[,display name[,agency]]
  std::string member_notice;  // what they see when they open their invitation
};

absl::StatusOr<v1::ParticipationRestriction> RestrictionFromFlags(const RestrictionFlags& flags,
                                                                  absl::Time now);

// A family member's answer: in-person, remote, not-able or views-only; their views; their needs
// (kind[:details] each, see ParseNeed).
absl::StatusOr<v1::Rsvp> RsvpFromFlags(const std::string& answer, const std::string& views,
                                       const std::vector<std::string>& needs);

}  // namespace fgc::ctl
