// The family web's pages as pure functions: each takes what the services answered (the
// contract's messages) and the page's context, and returns a whole HTML document in the reader's
// language: server-rendered, no script, one same-origin stylesheet, plain words (reading age
// about 9), GOV.UK-style labels, error summaries and focus order; names isolated in <bdi>.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "fgc/v1/invitation_service.pb.h"
#include "fgc/v1/ledger_service.pb.h"
#include "fgc/v1/plan_service.pb.h"
#include "fgc/v1/scheduling_service.pb.h"

namespace fgc::family_web {

// What every page needs besides its content.
struct PageContext {
  std::string language = "en";   // one of SupportedLanguages(): en, cy, pl, ar
  std::string time_zone;         // the reader's IANA zone, for every date and time shown
  std::string csrf_token;        // put in every form as the hidden field `csrf`
  std::string path;              // this page's path, for the language links (`?lang=xx`)
  absl::Time now = absl::Now();  // for what has closed (availability after its deadline)
};

// A form's problems, by field name (as in the form), in the order the fields appear; shown as
// an error summary at the top (linking to each field) and next to each field.
using FormErrors = std::vector<std::pair<std::string, std::string>>;

// What a respond form held when it is shown again with errors.
struct RespondForm {
  std::string answer;                        // in-person, remote, not-able, views-only
  std::string views;                         // their views, in their words
  std::map<std::string, std::string> needs;  // need kind (interpreter, access, travel,
                                             // childcare, dietary, other) -> details; present
                                             // when ticked
  std::string interpreter_language;          // BCP 47, with the interpreter need
};

// The languages offered, in the order the switcher shows them: en, cy, pl, ar.
const std::vector<std::string>& SupportedLanguages();
// The best supported language for an Accept-Language header (RFC 9110 quality values), else en.
std::string LanguageFromAcceptLanguage(const std::string& header);

// GET /invitation: who invites them (the coordinator), for which child, when and where (in their
// own time zone, and the venue's address), what an FGC is and what will happen, their answer
// so far, and links to answer (/respond), availability (/availability, while slots are open),
// the calendar file (/calendar.ics, once booked), the plan (/plan, when plan_available), and
// their record (/record).
std::string InvitationPage(const PageContext& page, const v1::GetMyInvitationResponse& mine);

// GET /respond (and again on POST with errors): a form posting to /respond with the radios
// `answer` (in-person, remote, not-able, views-only), the textarea `views`, a checkbox per
// need (`need-interpreter`, `need-access`, `need-travel`, `need-childcare`, `need-dietary`,
// `need-other`) each with its details field (`need-interpreter-details`, ...) and
// `interpreter-language`, and the hidden `csrf`.
std::string RespondPage(const PageContext& page, const v1::GetMyInvitationResponse& mine,
                        const RespondForm& form, const FormErrors& errors);

// GET /availability: each proposed time in the reader's own time zone (and the conference's
// when they differ) with the radios `slot-<slot id>` = yes, if-need-be or no (their answer
// checked), posting to /availability; closed (read-only, saying so) after the deadline.
std::string AvailabilityPage(const PageContext& page, const v1::GetMyInvitationResponse& mine,
                             const v1::ListSlotsResponse& slots, const FormErrors& errors);

// GET /plan: the agreed plan distributed to them: the family's words, each item (what, who, by
// when, how they will know) with its latest progress, what happens if it does not work, who
// keeps an eye on it, the review date.
std::string PlanPage(const PageContext& page, const v1::GetMyPlanResponse& plan);

// GET /record: the consents and uses of power that concern them, newest first, in plain words
// with dates and reasons; each consent they may withdraw has a button (a form posting to
// /withdraw with the hidden `entry` and `csrf`) that leads to WithdrawPage.
std::string RecordPage(const PageContext& page, const v1::GetMyRecordResponse& record);

// GET /withdraw?entry=...: what withdrawing this consent means, one button to confirm (posting
// `entry`, `confirm=yes` and `csrf` to /withdraw) and a link back; as few steps as giving it.
std::string WithdrawPage(const PageContext& page, const v1::LedgerEntry& consent);

// After a successful POST: what was saved, in one sentence (`message_key` from the catalogue),
// with a link back to /invitation.
std::string DonePage(const PageContext& page, const std::string& message_key);

// An unknown, expired or revoked link, or a session that ended: a kind page that says to ask
// the person who sent the link (the coordinator) for a new one. It reveals nothing else.
std::string LinkProblemPage(const PageContext& page);

// A request the server will not serve (4xx): `status` (400, 403, 404, 405, 413, 429) in plain
// words, with a link to /invitation.
std::string ProblemPage(const PageContext& page, int status);

// The stylesheet served at /static/family.css: readable on a 360 px wide screen and at 200 %
// zoom, targets at least 24 x 24 CSS px (44 for radios and buttons), visible focus, right-to-left
// aware (logical properties).
const std::string& Stylesheet();

}  // namespace fgc::family_web
