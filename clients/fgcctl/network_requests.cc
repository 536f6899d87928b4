#include "clients/fgcctl/network_requests.h"

#include "absl/strings/str_cat.h"
#include "clients/fgcctl/enum_words.h"
#include "clients/fgcctl/journey_arguments.h"
#include "clients/fgcctl/masked_change.h"

namespace fgc::ctl {
namespace {

void AddContacts(const MemberFlags& flags, v1::NetworkMember* m) {
  bool preferred = false;
  for (const v1::ContactChannel& c : m->contacts()) preferred = preferred || c.preferred();
  const std::pair<v1::ContactKind, const std::string*> given[] = {
      {v1::CONTACT_KIND_EMAIL, &flags.email},
      {v1::CONTACT_KIND_MOBILE, &flags.mobile},
      {v1::CONTACT_KIND_PHONE, &flags.phone}};
  for (const auto& [kind, value] : given) {
    if (value->empty()) continue;
    v1::ContactChannel* c = m->add_contacts();
    c->set_kind(kind);
    c->set_value(*value);
    c->set_preferred(!preferred);
    preferred = true;
  }
}

absl::Status AddRolesAndNeeds(const MemberFlags& flags, v1::NetworkMember* m) {
  for (const std::string& word : flags.roles) {
    auto role = ParseEnumWord<v1::MemberRole>(word);
    if (!role.ok()) return FlagError("--role", role.status());
    m->add_roles(*role);
  }
  for (const std::string& text : flags.needs) {
    auto need = ParseNeed(text);
    if (!need.ok()) return FlagError("--need", need.status());
    *m->add_needs() = *std::move(need);
  }
  if (!flags.connection.empty()) {
    auto strength = ParseEnumWord<v1::ConnectionStrength>(flags.connection);
    if (!strength.ok()) return FlagError("--connection", strength.status());
    m->set_connection(*strength);
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::NetworkMember> MemberFromFlags(const MemberFlags& flags,
                                                  const std::string& conference) {
  v1::NetworkMember m;
  if (!flags.file.empty()) {
    if (absl::Status s = ReadMessageFile(flags.file, &m); !s.ok()) return s;
  }
  SetIfGiven(flags.display_name, m.mutable_display_name());
  SetIfGiven(flags.relationship, m.mutable_relationship());
  SetIfGiven(flags.language, m.mutable_language_code());
  SetIfGiven(flags.time_zone, m.mutable_time_zone());
  SetIfGiven(flags.notes, m.mutable_notes());
  SetIfGiven(flags.agency, m.mutable_agency());
  if (!flags.child.empty()) {
    auto child = InConferenceArgument("", conference, "children", flags.child);
    if (!child.ok()) return FlagError("--child", child.status());
    m.set_child(*child);
  }
  if (absl::Status s = AddRolesAndNeeds(flags, &m); !s.ok()) return s;
  AddContacts(flags, &m);
  return m;
}

const std::vector<std::string>& MemberSettablePaths() {
  static const auto* paths =
      new std::vector<std::string>{"display_name", "relationship", "child",  "language_code",
                                   "time_zone",    "notes",        "agency", "connection"};
  return *paths;
}

absl::StatusOr<MemberChange> MemberChangeFrom(const std::vector<std::string>& settings,
                                              const std::string& file, const std::string& mask) {
  MemberChange change;
  if (!file.empty()) {
    v1::NetworkMember from;
    if (absl::Status s = ReadMessageFile(file, &from); !s.ok()) return s;
    if (absl::Status s = ApplyMaskedMessage(from, mask, &change.member, &change.paths); !s.ok()) {
      return s;
    }
  }
  for (const std::string& setting : settings) {
    absl::Status s =
        ApplyScalarSetting(setting, MemberSettablePaths(), &change.member, &change.paths);
    if (!s.ok()) return s;
  }
  if (change.paths.empty()) {
    return absl::InvalidArgumentError("nothing to change: give --set path=value or --from --mask");
  }
  return change;
}

absl::StatusOr<v1::ParticipationRestriction> RestrictionFromFlags(const RestrictionFlags& flags,
                                                                  absl::Time now) {
  v1::ParticipationRestriction r;
  if (!flags.file.empty()) {
    if (absl::Status s = ReadMessageFile(flags.file, &r); !s.ok()) return s;
  }
  if (!flags.kind.empty()) {
    auto kind = ParseEnumWord<v1::RestrictionKind>(flags.kind);
    if (!kind.ok()) return FlagError("--kind", kind.status());
    r.set_kind(*kind);
  }
  for (const std::string& word : flags.allowed_parts) {
    auto part = ParseEnumWord<v1::ConferencePart>(word);
    if (!part.ok()) return FlagError("--may-attend", part.status());
    r.add_allowed_parts(*part);
  }
  SetIfGiven(flags.reasons, r.mutable_reasons());
  SetIfGiven(flags.alternative, r.mutable_alternative_contribution());
  SetIfGiven(flags.member_notice, r.mutable_member_notice());
  if (!flags.review_date.empty()) {
    auto date = ParseDate(flags.review_date);
    if (!date.ok()) return FlagError("--review-by", date.status());
    *r.mutable_review_date() = *date;
  }
  if (!flags.authorised_by.empty()) {
    auto officer = ParseStaff(flags.authorised_by);
    if (!officer.ok()) return FlagError("--authorised-by", officer.status());
    *r.mutable_authorising_officer() = *officer;
  }
  if (absl::Status s = SetPowerRecord(flags.power, now, &r); !s.ok()) return s;
  if (r.kind() == v1::RESTRICTION_KIND_UNSPECIFIED) {
    return absl::InvalidArgumentError(
        "--kind: part-attendance, views-only, excluded or lifted (or kind in --from)");
  }
  return r;
}

absl::StatusOr<v1::Rsvp> RsvpFromFlags(const std::string& answer, const std::string& views,
                                       const std::vector<std::string>& needs) {
  v1::Rsvp rsvp;
  auto word = ParseEnumWord<v1::RsvpAnswer>(answer);
  if (!word.ok()) return FlagError("--answer", word.status());
  rsvp.set_answer(*word);
  rsvp.set_views(views);
  for (const std::string& text : needs) {
    auto need = ParseNeed(text);
    if (!need.ok()) return FlagError("--need", need.status());
    *rsvp.add_needs() = *std::move(need);
  }
  return rsvp;
}

}  // namespace fgc::ctl
