#include "services/invitations/network/network_member_validation.h"

#include <algorithm>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "common/base/errors.h"
#include "services/invitations/network/contact_validation.h"
#include "services/invitations/network/violation_list.h"

namespace fgc::invitations {
namespace {

constexpr int kMaxNeeds = 20;
constexpr int kMaxRelationships = 50;

bool IsResourceId(const std::string& id) {
  if (id.empty() || id.size() > 63 || !absl::ascii_islower(static_cast<unsigned char>(id[0]))) {
    return false;
  }
  return std::all_of(id.begin(), id.end(), [](char c) {
    return absl::ascii_islower(static_cast<unsigned char>(c)) ||
           absl::ascii_isdigit(static_cast<unsigned char>(c)) || c == '-';
  });
}

// True when `name` is `{conference}/{collection}/{id}`.
bool IsNameIn(const std::string& name, const std::string& conference,
              const std::string& collection) {
  const std::string prefix = absl::StrCat(conference, "/", collection, "/");
  return absl::StartsWith(name, prefix) && IsResourceId(name.substr(prefix.size()));
}

void CheckRoles(const v1::NetworkMember& m, const std::string& field, ViolationList& v) {
  std::set<int> seen;
  for (int i = 0; i < m.roles_size(); ++i) {
    const int role = m.roles(i);
    const std::string path = absl::StrCat(field, ".roles[", i, "]");
    if (!v1::MemberRole_IsValid(role) || role == v1::MEMBER_ROLE_UNSPECIFIED) {
      v.Add(path, "must be a known role");
    } else if (!seen.insert(role).second) {
      v.Add(path, "each role may be given only once");
    }
  }
}

void CheckNeeds(const v1::NetworkMember& m, const std::string& field, ViolationList& v) {
  if (m.needs_size() > kMaxNeeds) v.Add(field + ".needs", "must have at most 20 needs");
  for (int i = 0; i < m.needs_size() && i < kMaxNeeds; ++i) {
    const v1::Need& need = m.needs(i);
    const std::string path = absl::StrCat(field, ".needs[", i, "]");
    if (!v1::NeedKind_IsValid(need.kind()) || need.kind() == v1::NEED_KIND_UNSPECIFIED) {
      v.Add(path + ".kind", "is required");
    }
    v.Text(path + ".details", need.details(), 0, 1000, /*multiline=*/true);
    if (need.kind() == v1::NEED_KIND_INTERPRETER && need.language_code().empty()) {
      v.Add(path + ".language_code", "an interpreter needs the language, such as pl or bfi");
    } else if (!need.language_code().empty() && !IsLanguageTag(need.language_code())) {
      v.Add(path + ".language_code", "must be a BCP 47 language tag, such as pl or bfi");
    }
  }
}

void CheckRelationships(const v1::NetworkMember& m, const std::string& conference,
                        const std::string& field, ViolationList& v) {
  if (m.relationships_size() > kMaxRelationships) {
    v.Add(field + ".relationships", "must have at most 50 relationships");
  }
  std::set<std::string> seen;
  for (int i = 0; i < m.relationships_size() && i < kMaxRelationships; ++i) {
    const v1::MemberRelationship& r = m.relationships(i);
    const std::string path = absl::StrCat(field, ".relationships[", i, "]");
    if (!IsNameIn(r.member(), conference, "members")) {
      v.Add(path + ".member", "must be a member of this conference");
    } else if (!m.name().empty() && r.member() == m.name()) {
      v.Add(path + ".member", "must be someone else");
    } else if (!seen.insert(r.member()).second) {
      v.Add(path + ".member", "each member may be related only once");
    }
    v.Text(path + ".description", r.description(), 0, 200);
    if (!v1::ConnectionStrength_IsValid(r.strength())) {
      v.Add(path + ".strength", "must be a known strength");
    }
  }
}

void CheckChild(const v1::NetworkMember& m, const std::string& conference, const std::string& field,
                ViolationList& v) {
  if (m.child().empty()) return;
  const bool is_child =
      std::find(m.roles().begin(), m.roles().end(), v1::MEMBER_ROLE_CHILD) != m.roles().end();
  if (!is_child) {
    v.Add(field + ".child", "is only for a member with the child role");
  } else if (!IsNameIn(m.child(), conference, "children")) {
    v.Add(field + ".child", "must be a child of this conference");
  }
}

}  // namespace

bool IsLanguageTag(const std::string& tag) {
  if (tag.empty() || tag.size() > 64) return false;
  size_t start = 0;
  bool first = true;
  while (true) {
    const size_t dash = tag.find('-', start);
    const std::string subtag = tag.substr(start, dash - start);
    if (subtag.empty() || subtag.size() > 8) return false;
    for (char c : subtag) {
      const unsigned char u = static_cast<unsigned char>(c);
      if (first ? !absl::ascii_isalpha(u) : !absl::ascii_isalnum(u)) return false;
    }
    // A language subtag is 2-3 letters, or 5-8 for a registered one (4 is reserved).
    if (first && (subtag.size() < 2 || subtag.size() == 4)) return false;
    if (dash == std::string::npos) return true;
    start = dash + 1;
    first = false;
  }
}

bool IsIanaTimeZone(const std::string& name) {
  // Only names as the tz database spells them: no paths out of it, no "Fixed/UTC+1" forms.
  const bool characters_ok = std::all_of(name.begin(), name.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' ||
           c == '+';
  });
  if (name.empty() || !characters_ok || name.front() == '/' || name.back() == '/' ||
      absl::StrContains(name, "//") || absl::StartsWith(name, "Fixed/")) {
    return false;
  }
  absl::TimeZone zone;
  return absl::LoadTimeZone(name, &zone);
}

absl::Status ValidateNetworkMember(const v1::NetworkMember& m, const std::string& conference,
                                   const std::string& field) {
  ViolationList v;
  v.Text(field + ".display_name", m.display_name(), 1, 200);
  v.Text(field + ".relationship", m.relationship(), 1, 200);
  CheckRoles(m, field, v);
  CheckChild(m, conference, field, v);
  if (!m.language_code().empty() && !IsLanguageTag(m.language_code())) {
    v.Add(field + ".language_code", "must be a BCP 47 language tag, such as cy or pt-BR");
  }
  CheckNeeds(m, field, v);
  CheckContacts(m.contacts(), field + ".contacts", v);
  if (!m.time_zone().empty() && !IsIanaTimeZone(m.time_zone())) {
    v.Add(field + ".time_zone", "must be an IANA time zone, such as Europe/Warsaw");
  }
  v.Text(field + ".notes", m.notes(), 0, 10000, /*multiline=*/true);
  v.Text(field + ".agency", m.agency(), 0, 200);
  if (!v1::ConnectionStrength_IsValid(m.connection())) {
    v.Add(field + ".connection", "must be a known strength");
  }
  CheckRelationships(m, conference, field, v);
  return v.ToStatus("the member has fields to correct");
}

absl::Status ValidateMemberId(const std::string& member_id) {
  if (member_id.empty() || IsResourceId(member_id)) return absl::OkStatus();
  return InvalidArgument("INVALID_FIELD", "the member ID is malformed",
                         {{"member_id",
                           "must be 1-63 lower-case letters, digits and hyphens, starting with a "
                           "letter"}});
}

absl::Status ValidateMemberUpdateMask(const std::vector<std::string>& paths) {
  static const std::set<std::string> kUpdatable = {
      "display_name", "relationship", "roles", "child",  "language_code", "needs",
      "contacts",     "time_zone",    "notes", "agency", "connection",    "relationships"};
  std::vector<FieldViolation> violations;
  if (paths.empty()) violations.push_back({"update_mask", "must name at least one field"});
  for (size_t i = 0; i < paths.size(); ++i) {
    if (kUpdatable.count(paths[i]) == 0) {
      violations.push_back({absl::StrCat("update_mask.paths[", i, "]"),
                            absl::StrCat("cannot update \"", paths[i], "\"")});
    }
  }
  if (violations.empty()) return absl::OkStatus();
  return InvalidArgument("INVALID_UPDATE_MASK", "the update mask is malformed", violations);
}

}  // namespace fgc::invitations
