#include "clients/fgcctl/text_lines.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/util/time_util.h"

namespace fgc::ctl {

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

std::string StaffText(const v1::StaffMember& staff) {
  std::vector<std::string> ids;
  if (!staff.subject().empty()) ids.push_back(staff.subject());
  if (!staff.agency().empty()) ids.push_back(staff.agency());
  std::string text = staff.display_name();
  if (!ids.empty()) {
    absl::StrAppend(&text, text.empty() ? "" : " ", "(", absl::StrJoin(ids, ", "), ")");
  }
  return text;
}

}  // namespace fgc::ctl
