// What the family web's forms post, read into the contract's requests: the answer to an
// invitation (answer, views, needs) and availability for the proposed times. Pure: the server
// passes the posted fields, these say what is wrong (as message catalogue keys) or build the
// request.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "clients/family-web/family_pages.h"
#include "fgc/v1/invitation_service.pb.h"
#include "fgc/v1/scheduling_service.pb.h"

namespace fgc::family_web {

// The posted fields, a name to each value (a repeated name keeps its first value).
using PostedFields = std::multimap<std::string, std::string>;

// The respond form as posted.
RespondForm RespondFormFrom(const PostedFields& fields);
// Its problems, field name -> catalogue key: no answer chosen (`error.answer.missing`), an
// unknown answer, views-only without views (`error.views.missing`), text too long
// (`error.views.too-long`, `error.need.too-long`), an interpreter language that is not a
// language tag or none with the interpreter need (`error.interpreter-language.invalid`,
// `error.interpreter-language.missing`).
FormErrors CheckRespondForm(const RespondForm& form);
// The answer the form gives (only once CheckRespondForm found nothing).
v1::RespondToInvitationRequest RespondRequestFrom(const RespondForm& form);

// The answers posted for `slots` (`slot-<slot id>` = yes, if-need-be or no); a slot left
// unanswered is left out, an unknown value is an error (`error.slot.invalid`) on its field.
// `request` gets one Availability per answered slot; the member is the token's own.
FormErrors AvailabilityFrom(const PostedFields& fields, const v1::ListSlotsResponse& slots,
                            v1::RecordAvailabilityRequest* request);

// The id in a slot's name (the part after `/slots/`).
std::string SlotId(const std::string& slot_name);

}  // namespace fgc::family_web
