#include "services/invitations/member_record.h"

namespace fgc::invitations {
namespace {

constexpr char kPersonalField[] = "personal";

}  // namespace

MemberParts SplitMember(const v1::NetworkMember& member) {
  MemberParts parts;
  parts.record = member;
  v1::NetworkMember& r = parts.record;
  v1::NetworkMember& p = parts.personal;
  p.set_name(member.name());
  p.set_display_name(member.display_name());
  p.set_relationship(member.relationship());
  *p.mutable_contacts() = member.contacts();
  p.set_notes(member.notes());
  r.clear_display_name();
  r.clear_relationship();
  r.clear_contacts();
  r.clear_notes();
  // Needs and relationships keep their kinds and strengths in clear; their words are sealed,
  // matched back by position.
  for (v1::Need& need : *r.mutable_needs()) {
    p.add_needs()->set_details(need.details());
    need.clear_details();
  }
  for (v1::MemberRelationship& relationship : *r.mutable_relationships()) {
    p.add_relationships()->set_description(relationship.description());
    relationship.clear_description();
  }
  // A restriction keeps its kind, parts, legal basis and dates in clear; why, and what the
  // person is told, are about them.
  if (member.has_restriction()) {
    v1::ParticipationRestriction& clear = *r.mutable_restriction();
    v1::ParticipationRestriction& words = *p.mutable_restriction();
    words.set_reasons(clear.reasons());
    words.set_alternative_contribution(clear.alternative_contribution());
    words.set_member_notice(clear.member_notice());
    words.mutable_family_told()->set_not_told_reason(clear.family_told().not_told_reason());
    clear.clear_reasons();
    clear.clear_alternative_contribution();
    clear.clear_member_notice();
    clear.mutable_family_told()->clear_not_told_reason();
  }
  return parts;
}

v1::NetworkMember JoinMember(v1::NetworkMember record, const v1::NetworkMember& personal) {
  record.set_display_name(personal.display_name());
  record.set_relationship(personal.relationship());
  *record.mutable_contacts() = personal.contacts();
  record.set_notes(personal.notes());
  for (int i = 0; i < record.needs_size() && i < personal.needs_size(); ++i) {
    record.mutable_needs(i)->set_details(personal.needs(i).details());
  }
  for (int i = 0; i < record.relationships_size() && i < personal.relationships_size(); ++i) {
    record.mutable_relationships(i)->set_description(personal.relationships(i).description());
  }
  if (record.has_restriction()) {
    v1::ParticipationRestriction& r = *record.mutable_restriction();
    const v1::ParticipationRestriction& words = personal.restriction();
    r.set_reasons(words.reasons());
    r.set_alternative_contribution(words.alternative_contribution());
    r.set_member_notice(words.member_notice());
    if (r.has_family_told()) {
      r.mutable_family_told()->set_not_told_reason(words.family_told().not_told_reason());
    }
  }
  return record;
}

absl::StatusOr<std::string> SealMember(const v1::NetworkMember& personal,
                                       const crypto::DataKey& key) {
  std::string bytes;
  if (!personal.SerializeToString(&bytes)) {
    return absl::InternalError("cannot serialise a member's personal details");
  }
  return crypto::SealField(key, bytes, personal.name(), kPersonalField);
}

absl::StatusOr<v1::NetworkMember> OpenMember(const std::string& sealed, const std::string& name,
                                             const crypto::DataKey& key) {
  auto bytes = crypto::OpenField(key, sealed, name, kPersonalField);
  if (!bytes.ok()) return bytes.status();
  v1::NetworkMember personal;
  if (!personal.ParseFromString(*bytes) || personal.name() != name) {
    return absl::DataLossError("a member's personal details do not parse");
  }
  return personal;
}

}  // namespace fgc::invitations
