// The pieces every fgcctl text shares: times to the second, indented "label  value" lines and
// paragraphs, staff and actors as people know them, and the law and telling of a use of power.
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

// "  heading:\n" then each line of `text` indented by four spaces; nothing for empty text. For
// text people wrote at length (a plan in the family's words), which a "label  value" line
// would bury.
void Paragraph(std::string& out, const std::string& heading, const std::string& text);

// "Chris Lee (coord-1, fgc-service)": the name first, as people know each other.
std::string StaffText(const v1::StaffMember& staff);

// "Chris Lee (coord-1, coordinator, fgc-service)", or "coord-1 (coordinator, fgc-service)"
// without a name: who acted, as the service recorded them.
std::string ActorText(const v1::Actor& actor);

// "Children Act 1989 s.47 (GB-ENG)".
std::string LegalBasisText(const v1::LegalBasis& basis);

// "yes, letter 2025-03-01T09:00:00Z, by Chris Lee" or "not yet: <why, and when they will be>".
std::string FamilyToldText(const v1::FamilyTold& told);

}  // namespace fgc::ctl
