#include "clients/fgcctl/text_lines.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "clients/fgcctl/enum_words.h"
#include "google/protobuf/util/time_util.h"

namespace fgc::ctl {
namespace {

// "name (id, id)", leaving out what is empty.
std::string NameWithIds(const std::string& name, const std::vector<std::string>& ids) {
  std::vector<std::string> given;
  for (const std::string& id : ids) {
    if (!id.empty()) given.push_back(id);
  }
  std::string text = name;
  if (!given.empty()) {
    absl::StrAppend(&text, text.empty() ? "" : " ", "(", absl::StrJoin(given, ", "), ")");
  }
  return text;
}

}  // namespace

std::string Time(const google::protobuf::Timestamp& t) {
  if (t.seconds() == 0 && t.nanos() == 0) return "-";
  google::protobuf::Timestamp seconds;
  seconds.set_seconds(t.seconds());
  return google::protobuf::util::TimeUtil::ToString(seconds);
}

std::string DateText(const google::type::Date& date) {
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
}

void Line(std::string& out, const std::string& label, const std::string& value, size_t width) {
  if (value.empty()) return;
  absl::StrAppend(&out, "  ", label, std::string(width - std::min(width - 1, label.size()), ' '),
                  value, "\n");
}

void Paragraph(std::string& out, const std::string& heading, const std::string& text) {
  if (text.empty()) return;
  absl::StrAppend(&out, "  ", heading, ":\n");
  for (absl::string_view line : absl::StrSplit(absl::StripTrailingAsciiWhitespace(text), '\n')) {
    absl::StrAppend(&out, line.empty() ? "" : "    ", line, "\n");
  }
}

std::string StaffText(const v1::StaffMember& staff) {
  return NameWithIds(staff.display_name(), {staff.subject(), staff.agency()});
}

std::string ActorText(const v1::Actor& actor) {
  const std::string role = actor.role() == v1::ACTOR_ROLE_UNSPECIFIED ? "" : EnumWord(actor.role());
  const bool named = !actor.display_name().empty();
  std::string text = NameWithIds(named ? actor.display_name() : actor.subject(),
                                 {named ? actor.subject() : "", role, actor.agency()});
  if (!actor.on_behalf_of().empty()) absl::StrAppend(&text, " for ", actor.on_behalf_of());
  return text;
}

std::string LegalBasisText(const v1::LegalBasis& basis) {
  std::string text = absl::StrCat(basis.statute(), " ", basis.section());
  if (!basis.jurisdiction().empty()) absl::StrAppend(&text, " (", basis.jurisdiction(), ")");
  return text;
}

std::string FamilyToldText(const v1::FamilyTold& told) {
  if (!told.told()) return absl::StrCat("not yet: ", told.not_told_reason());
  std::string text = absl::StrCat("yes, ", EnumWord(told.method()), " ", Time(told.tell_time()));
  if (!told.told_by().empty()) absl::StrAppend(&text, ", by ", told.told_by());
  return text;
}

}  // namespace fgc::ctl
