// The pieces every fgcctl text shares: times to the second, indented "label  value" lines, and
// staff as people know them.
#pragma once

#include <cstddef>
#include <string>

#include "fgc/v1/common.pb.h"
#include "google/protobuf/timestamp.pb.h"
#include "google/type/date.pb.h"

namespace fgc::ctl {

// To the second: people read deadlines, not nanoseconds (--json keeps every digit). "-" when
// unset.
std::string Time(const google::protobuf::Timestamp& t);

// "2025-06-30".
std::string DateText(const google::type::Date& date);

// Appends "  label<padding>value\n" with the value starting at column `width` + 2; nothing for
// an empty value.
void Line(std::string& out, const std::string& label, const std::string& value, size_t width = 14);

// "Chris Lee (coord-1, fgc-service)": the name first, as people know each other.
std::string StaffText(const v1::StaffMember& staff);

}  // namespace fgc::ctl
