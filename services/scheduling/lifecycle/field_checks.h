// The lifecycle's own field checks on top of common/base/field_violations.h: a StaffMember.
// Internal to the scheduling service.
#pragma once

#include <string>

#include "common/base/field_violations.h"
#include "fgc/v1/common.pb.h"

namespace fgc::scheduling {

using fgc::FieldViolations;
using fgc::IsValidUtf8;
using fgc::TextShape;

// A StaffMember: display_name 1-200, subject (required with `subject_required`) and job title
// at most 200, agency at most 100, email an addr-spec of at most 254, phone E.164.
void CheckStaff(FieldViolations& v, const std::string& field, const v1::StaffMember& staff,
                bool subject_required);

}  // namespace fgc::scheduling
