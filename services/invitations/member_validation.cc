#include "services/invitations/member_validation.h"

#include <set>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "common/base/errors.h"

namespace fgc::invitations {
namespace {

class Violations {
 public:
  void Add(std::string field, std::string description) {
    list_.push_back({std::move(field), std::move(description)});
  }
  // Text of at most `max` bytes without control characters (line breaks allowed in notes);
  // required when `required`.
  void Text(const std::string& field, const std::string& value, size_t max, bool required,
            bool multiline = false) {
    if (required && value.empty()) return Add(field, "is required");
    if (value.size() > max) return Add(field, absl::StrCat("is at most ", max, " characters"));
    for (unsigned char c : value) {
      if (c < 0x20 && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
        return Add(field, "must not contain control characters");
      }
    }
  }
  absl::Status Status() const {
    if (list_.empty()) return absl::OkStatus();
    return InvalidArgument("INVALID_FIELD", "the member is malformed", list_);
  }

 private:
  std::vector<FieldViolation> list_;
};

bool IsLanguageTag(const std::string& tag) {
  if (tag.size() < 2 || tag.size() > 35) return false;
  for (char c : tag) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
  }
  return std::isalpha(static_cast<unsigned char>(tag[0])) && tag.find("--") == std::string::npos;
}

bool IsE164(const std::string& n) {
  if (n.size() < 4 || n.size() > 16 || n[0] != '+' || n[1] == '0') return false;
  for (size_t i = 1; i < n.size(); ++i) {
    if (n[i] < '0' || n[i] > '9') return false;
  }
  return true;
}

bool IsEmail(const std::string& e) {
  const size_t at = e.find('@');
  return at != std::string::npos && at > 0 && at == e.rfind('@') && e.size() <= 254 &&
         e.find('.', at) != std::string::npos && e.back() != '.' &&
         e.find_first_of(" \t\r\n<>\"") == std::string::npos;
}

void CheckContacts(Violations& v, const v1::NetworkMember& m) {
  if (m.contacts_size() > 10) v.Add("member.contacts", "at most 10");
  int preferred = 0;
  for (int i = 0; i < m.contacts_size() && i < 10; ++i) {
    const v1::ContactChannel& c = m.contacts(i);
    const std::string field = absl::StrCat("member.contacts[", i, "]");
    switch (c.kind()) {
      case v1::CONTACT_KIND_EMAIL:
        if (!IsEmail(c.value())) v.Add(field + ".value", "must be an email address");
        break;
      case v1::CONTACT_KIND_MOBILE:
      case v1::CONTACT_KIND_PHONE:
        if (!IsE164(c.value())) v.Add(field + ".value", "must be an E.164 number (+44...)");
        break;
      case v1::CONTACT_KIND_POST:
        if (c.postal_address().address_lines().empty()) {
          v.Add(field + ".postal_address", "is required for post");
        }
        break;
      default:
        v.Add(field + ".kind", "must be EMAIL, MOBILE, PHONE or POST");
    }
    v.Text(field + ".safety_note", c.safety_note(), 2000, false, true);
    preferred += c.preferred() ? 1 : 0;
  }
  if (preferred > 1) v.Add("member.contacts", "at most one contact is preferred");
}

void CheckNeedsAndRelationships(Violations& v, const v1::NetworkMember& m,
                                const std::string& conference) {
  for (int i = 0; i < m.needs_size(); ++i) {
    const v1::Need& need = m.needs(i);
    const std::string field = absl::StrCat("member.needs[", i, "]");
    if (!v1::NeedKind_IsValid(need.kind()) || need.kind() == v1::NEED_KIND_UNSPECIFIED) {
      v.Add(field + ".kind", "is required");
    }
    v.Text(field + ".details", need.details(), 2000, false, true);
    if (need.kind() == v1::NEED_KIND_INTERPRETER && !IsLanguageTag(need.language_code())) {
      v.Add(field + ".language_code", "an interpreter needs a language (BCP 47, e.g. pl)");
    }
  }
  for (int i = 0; i < m.relationships_size(); ++i) {
    const v1::MemberRelationship& r = m.relationships(i);
    const std::string field = absl::StrCat("member.relationships[", i, "]");
    if (!absl::StartsWith(r.member(), conference + "/members/") || r.member() == m.name()) {
      v.Add(field + ".member", "must be another member of this conference");
    }
    v.Text(field + ".description", r.description(), 200, false);
    if (!v1::ConnectionStrength_IsValid(r.strength())) v.Add(field + ".strength", "is unknown");
  }
}

}  // namespace

absl::Status ValidateMember(const v1::NetworkMember& m, const std::string& conference) {
  Violations v;
  v.Text("member.display_name", m.display_name(), 200, true);
  v.Text("member.relationship", m.relationship(), 200, true);
  std::set<int> roles;
  for (int role : m.roles()) {
    if (!v1::MemberRole_IsValid(role) || role == v1::MEMBER_ROLE_UNSPECIFIED ||
        !roles.insert(role).second) {
      v.Add("member.roles", "each a known role, at most once");
      break;
    }
  }
  if (!m.child().empty() && !absl::StartsWith(m.child(), conference + "/children/")) {
    v.Add("member.child", "must be a child of this conference");
  }
  if (!m.language_code().empty() && !IsLanguageTag(m.language_code())) {
    v.Add("member.language_code", "must be a BCP 47 tag such as cy or pl");
  }
  absl::TimeZone zone;
  if (!m.time_zone().empty() &&
      (m.time_zone().find("..") != std::string::npos || m.time_zone()[0] == '/' ||
       !absl::LoadTimeZone(m.time_zone(), &zone))) {
    v.Add("member.time_zone", "must be an IANA time zone such as Europe/Warsaw");
  }
  v.Text("member.notes", m.notes(), 20000, false, true);
  v.Text("member.agency", m.agency(), 100, false);
  if (!v1::ConnectionStrength_IsValid(m.connection())) v.Add("member.connection", "is unknown");
  CheckContacts(v, m);
  CheckNeedsAndRelationships(v, m, conference);
  return v.Status();
}

}  // namespace fgc::invitations
