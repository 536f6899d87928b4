#include "services/invitations/network/contact_validation.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace fgc::invitations {
namespace {

constexpr int kMaxContacts = 10;
constexpr char kAtextSpecials[] = "!#$%&'*+-/=?^_`{|}~";

// dot-atom: atoms of atext joined by single dots.
bool IsDotAtom(const std::string& text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.') {
      if (text[i + 1] == '.') return false;
      continue;
    }
    const bool atext = absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
                       std::string(kAtextSpecials).find(c) != std::string::npos;
    if (!atext) return false;
  }
  return true;
}

bool IsDomainName(const std::string& domain) {
  if (domain.size() > 253 || domain.find('.') == std::string::npos) return false;
  size_t start = 0;
  while (true) {
    const size_t dot = domain.find('.', start);
    const std::string label = domain.substr(start, dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    for (char c : label) {
      if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
    }
    if (dot == std::string::npos) return true;
    start = dot + 1;
  }
}

// CLDR region codes: two upper-case letters, or three digits (UN M.49).
bool IsRegionCode(const std::string& code) {
  if (code.size() == 2) {
    return absl::ascii_isupper(static_cast<unsigned char>(code[0])) &&
           absl::ascii_isupper(static_cast<unsigned char>(code[1]));
  }
  return code.size() == 3 && absl::ascii_isdigit(static_cast<unsigned char>(code[0])) &&
         absl::ascii_isdigit(static_cast<unsigned char>(code[1])) &&
         absl::ascii_isdigit(static_cast<unsigned char>(code[2]));
}

void CheckAddress(const v1::Address& address, const std::string& field, ViolationList& v) {
  const int lines = address.address_lines_size();
  if (lines < 1 || lines > 5) v.Add(field + ".address_lines", "must have 1-5 lines");
  for (int i = 0; i < lines && i < 5; ++i) {
    v.Text(absl::StrCat(field, ".address_lines[", i, "]"), address.address_lines(i), 1, 200);
  }
  v.Text(field + ".locality", address.locality(), 0, 100);
  v.Text(field + ".administrative_area", address.administrative_area(), 0, 100);
  v.Text(field + ".postal_code", address.postal_code(), 0, 20);
  if (!IsRegionCode(address.region_code())) {
    v.Add(field + ".region_code", "must be a CLDR region code such as GB or NZ");
  }
}

void CheckChannel(const v1::ContactChannel& c, const std::string& field, ViolationList& v) {
  switch (c.kind()) {
    case v1::CONTACT_KIND_EMAIL:
      if (!IsEmailAddress(c.value())) {
        v.Add(field + ".value", "must be an email address such as name@example.org");
      }
      break;
    case v1::CONTACT_KIND_MOBILE:
    case v1::CONTACT_KIND_PHONE:
      if (!IsE164Number(c.value())) {
        v.Add(field + ".value", "must be a number in E.164 form, such as +447700900123");
      }
      break;
    case v1::CONTACT_KIND_POST:
      if (!c.value().empty()) v.Add(field + ".value", "must be empty for post");
      if (!c.has_postal_address()) {
        v.Add(field + ".postal_address", "is required for post");
      } else {
        CheckAddress(c.postal_address(), field + ".postal_address", v);
      }
      break;
    default:
      v.Add(field + ".kind", "must be EMAIL, MOBILE, PHONE or POST");
      return;
  }
  if (c.kind() != v1::CONTACT_KIND_POST && c.has_postal_address()) {
    v.Add(field + ".postal_address", "is only for post");
  }
  v.Text(field + ".safety_note", c.safety_note(), 0, 500, /*multiline=*/true);
}

}  // namespace

bool IsEmailAddress(const std::string& text) {
  const size_t at = text.rfind('@');
  if (text.size() > 254 || at == std::string::npos || at == 0 || at > 64) return false;
  return IsDotAtom(text.substr(0, at)) && IsDomainName(text.substr(at + 1));
}

bool IsE164Number(const std::string& text) {
  if (text.size() < 8 || text.size() > 16 || text[0] != '+' || text[1] == '0') return false;
  for (size_t i = 1; i < text.size(); ++i) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

void CheckContacts(const google::protobuf::RepeatedPtrField<v1::ContactChannel>& contacts,
                   const std::string& field, ViolationList& v) {
  if (contacts.size() > kMaxContacts) v.Add(field, "must have at most 10 channels");
  int preferred = 0;
  for (int i = 0; i < contacts.size() && i < kMaxContacts; ++i) {
    CheckChannel(contacts[i], absl::StrCat(field, "[", i, "]"), v);
    if (contacts[i].preferred() && ++preferred == 2) {
      v.Add(absl::StrCat(field, "[", i, "].preferred"), "only one channel may be preferred");
    }
  }
}

}  // namespace fgc::invitations
