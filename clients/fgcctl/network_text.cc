#include "clients/fgcctl/network_text.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/fgcctl/enum_words.h"
#include "clients/fgcctl/text_lines.h"

namespace fgc::ctl {
namespace {

std::string RolesText(const v1::NetworkMember& m) {
  std::vector<std::string> roles;
  for (int role : m.roles()) roles.push_back(EnumWord(static_cast<v1::MemberRole>(role)));
  return absl::StrJoin(roles, ", ");
}

std::string ContactText(const v1::ContactChannel& c) {
  std::string text = absl::StrCat(EnumWord(c.kind()), " ", c.value());
  if (c.has_postal_address()) {
    absl::StrAppend(&text, absl::StrJoin(c.postal_address().address_lines(), ", "), ", ",
                    c.postal_address().locality(), " ", c.postal_address().postal_code());
  }
  if (c.preferred()) absl::StrAppend(&text, " (preferred)");
  if (!c.safety_note().empty()) absl::StrAppend(&text, " SAFETY: ", c.safety_note());
  return text;
}

std::string RsvpText(const v1::Rsvp& rsvp) {
  if (rsvp.answer() == v1::RSVP_ANSWER_UNSPECIFIED) return "";
  std::string text = EnumWord(rsvp.answer());
  if (rsvp.has_answer_time()) absl::StrAppend(&text, " at ", Time(rsvp.answer_time()));
  return text;
}

}  // namespace

std::string NeedText(const v1::Need& need) {
  std::string text = EnumWord(need.kind());
  if (!need.language_code().empty()) absl::StrAppend(&text, " (", need.language_code(), ")");
  if (!need.details().empty()) absl::StrAppend(&text, ": ", need.details());
  return text;
}

std::string DescribeRestriction(const v1::ParticipationRestriction& r) {
  std::string out;
  std::vector<std::string> parts;
  for (int part : r.allowed_parts()) {
    parts.push_back(EnumWord(static_cast<v1::ConferencePart>(part)));
  }
  Line(out, "restriction", EnumWord(r.kind()));
  Line(out, "may attend", absl::StrJoin(parts, ", "));
  Line(out, "reasons", r.reasons());
  if (r.has_legal_basis()) Line(out, "legal basis", LegalBasisText(r.legal_basis()));
  if (r.has_review_date()) Line(out, "review by", DateText(r.review_date()));
  Line(out, "alternative", r.alternative_contribution());
  if (r.has_authorising_officer()) Line(out, "authorised by", StaffText(r.authorising_officer()));
  if (r.has_family_told()) Line(out, "told", FamilyToldText(r.family_told()));
  Line(out, "they see", r.member_notice());
  Line(out, "ledger entry", r.ledger_entry());
  return out;
}

std::string DescribeMember(const v1::NetworkMember& m) {
  std::string out = absl::StrCat(m.name(), "  ", m.display_name(), " (", m.relationship(), ")\n");
  Line(out, "roles", RolesText(m));
  Line(out, "child", m.child());
  Line(out, "language", m.language_code());
  Line(out, "time zone", m.time_zone());
  for (const v1::Need& need : m.needs()) Line(out, "needs", NeedText(need));
  for (const v1::ContactChannel& c : m.contacts()) Line(out, "contact", ContactText(c));
  if (m.connection() != v1::CONNECTION_STRENGTH_UNSPECIFIED) {
    Line(out, "connection", EnumWord(m.connection()));
  }
  for (const v1::MemberRelationship& r : m.relationships()) {
    Line(out, "related to", absl::StrCat(r.member(), " ", r.description()));
  }
  Line(out, "agency", m.agency());
  Line(out, "notes", m.notes());
  if (m.has_restriction()) absl::StrAppend(&out, DescribeRestriction(m.restriction()));
  Line(out, "invitation", m.invitation());
  Line(out, "etag", m.etag());
  return out;
}

std::string MemberSummaryHeading() {
  return "name\tdisplay name\trelationship\troles\trestriction\tinvitation";
}

std::string MemberSummaryLine(const v1::NetworkMember& m) {
  const std::string roles = RolesText(m);
  const bool restricted = m.has_restriction() &&
                          m.restriction().kind() != v1::RESTRICTION_KIND_UNSPECIFIED &&
                          m.restriction().kind() != v1::RESTRICTION_KIND_LIFTED;
  return absl::StrCat(m.name(), "\t", m.display_name(), "\t", m.relationship(), "\t",
                      roles.empty() ? "family" : roles, "\t",
                      restricted ? EnumWord(m.restriction().kind()) : "-", "\t",
                      m.invitation().empty() ? "not invited" : m.invitation());
}

std::string DescribeInvitation(const v1::Invitation& i) {
  std::string out = absl::StrCat(i.name(), "  ", EnumWord(i.state()), "\n");
  Line(out, "member", i.member());
  if (i.channel() != v1::DELIVERY_CHANNEL_UNSPECIFIED) Line(out, "channel", EnumWord(i.channel()));
  Line(out, "language", i.language_code());
  Line(out, "message", i.message());
  if (i.has_expire_time()) Line(out, "link expires", Time(i.expire_time()));
  if (i.has_send_time()) Line(out, "sent", Time(i.send_time()));
  if (i.has_deliver_time()) Line(out, "delivered", Time(i.deliver_time()));
  if (i.has_open_time()) Line(out, "opened", Time(i.open_time()));
  Line(out, "bounced", i.delivery_error());
  if (i.has_rsvp()) {
    Line(out, "answer", RsvpText(i.rsvp()));
    Line(out, "views", i.rsvp().views());
    for (const v1::Need& need : i.rsvp().needs()) Line(out, "needs", NeedText(need));
  }
  if (i.has_revoke_time()) {
    Line(out, "revoked", absl::StrCat(Time(i.revoke_time()), " ", i.revoke_reason()));
  }
  if (i.resend_count() > 0) Line(out, "resent", absl::StrCat(i.resend_count(), " times"));
  Line(out, "etag", i.etag());
  return out;
}

std::string InvitationSummaryHeading() { return "name\tmember\tstate\tchannel\tanswer"; }

std::string InvitationSummaryLine(const v1::Invitation& i) {
  const std::string answer = RsvpText(i.rsvp());
  return absl::StrCat(i.name(), "\t", i.member(), "\t", EnumWord(i.state()), "\t",
                      i.channel() == v1::DELIVERY_CHANNEL_UNSPECIFIED ? "-" : EnumWord(i.channel()),
                      "\t", answer.empty() ? "-" : answer);
}

std::string ByHandLinkText(const std::string& url) {
  if (url.empty()) return "";
  return absl::StrCat(
      "SECRET by-hand link, shown this once: it opens this invitation like a password; hand it "
      "only to the person invited:\n  ",
      url, "\n");
}

}  // namespace fgc::ctl
