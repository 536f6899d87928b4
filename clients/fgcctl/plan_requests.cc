#include "clients/fgcctl/plan_requests.h"

#include <initializer_list>
#include <optional>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "clients/fgcctl/enum_words.h"
#include "clients/fgcctl/journey_arguments.h"
#include "clients/fgcctl/masked_change.h"
#include "clients/fgcctl/money_text.h"

namespace fgc::ctl {
namespace {

// A decision's outcome as a person says it ("accept"), or the enum's own word ("accepted") or
// full name; INVALID_ARGUMENT naming `flag` and listing the words in `words`.
template <typename Enum>
absl::StatusOr<Enum> ParseOutcome(const std::string& flag, const std::string& word,
                                  std::initializer_list<std::pair<const char*, Enum>> words) {
  const std::string lower = absl::AsciiStrToLower(word);
  std::vector<std::string> accepted;
  for (const auto& [said, value] : words) {
    if (lower == said) return value;
    accepted.push_back(said);
  }
  auto parsed = ParseEnumWord<Enum>(word);
  if (parsed.ok()) return *parsed;
  return absl::InvalidArgumentError(
      absl::StrCat(flag, ": \"", word, "\" is not one of: ", absl::StrJoin(accepted, ", ")));
}

// An id below the plan: `{plan}/{collection}/{id}`.
absl::StatusOr<std::string> InPlan(const PlanArgument& plan, const std::string& collection,
                                   const std::string& id, const std::string& what) {
  if (plan.plan.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "give the full name tenants/{tenant}/conferences/{conference}/plans/{plan}/", collection,
        "/", id, ", or --plan (with --conference and --tenant) with ", what));
  }
  auto name = PlanNameArgument(plan);
  if (!name.ok()) return name.status();
  return absl::StrCat(*name, "/", collection, "/", id);
}

// review_date=YYYY-MM-DD, or review_date= to clear it.
absl::Status SetReviewDate(const std::string& value, PlanDraftChange* change) {
  if (!value.empty()) {
    auto date = ParseDate(value);
    if (!date.ok()) return FlagError("--set review_date", date.status());
    *change->draft.mutable_review_date() = *date;
  }
  return AddMaskPath("review_date", &change->paths);
}

absl::Status ApplyDraftFile(const std::string& file, const std::string& mask,
                            PlanDraftChange* change) {
  v1::PlanContent from;
  if (absl::Status s = ReadMessageFile(file, &from); !s.ok()) return s;
  if (absl::StripAsciiWhitespace(mask) == "*") {
    change->draft = std::move(from);
    change->paths = {"*"};
    return absl::OkStatus();
  }
  return ApplyMaskedMessage(from, mask, &change->draft, &change->paths);
}

// `amount` in `currency`, both given or neither; `flag` names the amount.
absl::StatusOr<std::optional<v1::Money>> MoneyFromFlags(const std::string& flag,
                                                        const std::string& amount,
                                                        const std::string& currency) {
  if (amount.empty() && currency.empty()) return std::nullopt;
  if (amount.empty() || currency.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(flag, " and --currency go together: the amount, and its ISO 4217 code"));
  }
  auto money = ParseMoney(amount, currency);
  if (!money.ok()) return FlagError(flag, money.status());
  return *std::move(money);
}

}  // namespace

absl::StatusOr<std::string> PlanNameArgument(const PlanArgument& plan) {
  return InConferenceArgument(plan.tenant, plan.conference, "plans", plan.plan);
}

absl::StatusOr<std::string> PlanVersionNameArgument(const PlanArgument& plan,
                                                    const std::string& version) {
  if (version.find('/') != std::string::npos) return version;
  int number = 0;
  if (!absl::SimpleAtoi(version, &number) || number < 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "\"", version, "\" is not a plan version: give its full name or its number (1, 2, ...)"));
  }
  return InPlan(plan, "versions", absl::StrCat(number), "the number");
}

absl::StatusOr<std::string> ResourceRequestNameArgument(const PlanArgument& plan,
                                                        const std::string& request) {
  if (request.find('/') != std::string::npos) return request;
  return InPlan(plan, "resourceRequests", request, "the id");
}

std::string PlanOf(const std::string& name) {
  std::vector<std::string> parts = absl::StrSplit(name, '/');
  if (parts.size() < 6 || parts[0] != "tenants" || parts[2] != "conferences" ||
      parts[4] != "plans") {
    return "";
  }
  parts.resize(6);
  return absl::StrJoin(parts, "/");
}

const std::vector<std::string>& PlanDraftSettablePaths() {
  static const auto* paths = new std::vector<std::string>{
      "family_words", "contingency", "monitoring", "review_date", "language_code"};
  return *paths;
}

absl::StatusOr<PlanDraftChange> PlanDraftChangeFrom(const std::vector<std::string>& settings,
                                                    const std::string& file,
                                                    const std::string& mask) {
  PlanDraftChange change;
  if (!file.empty()) {
    if (absl::Status s = ApplyDraftFile(file, mask, &change); !s.ok()) return s;
  }
  if (change.paths == std::vector<std::string>{"*"} && !settings.empty()) {
    return absl::InvalidArgumentError(
        "--mask '*' replaces the whole draft from the file: give no --set with it");
  }
  for (const std::string& setting : settings) {
    const std::string path = setting.substr(0, setting.find('='));
    absl::Status s =
        path == "review_date" && path.size() < setting.size()
            ? SetReviewDate(setting.substr(path.size() + 1), &change)
            : ApplyScalarSetting(setting, PlanDraftSettablePaths(), &change.draft, &change.paths);
    if (!s.ok()) return s;
  }
  if (change.paths.empty()) {
    return absl::InvalidArgumentError("nothing to change: give --set path=value or --from --mask");
  }
  return change;
}

absl::StatusOr<v1::MemberDecision> MemberDecisionFromFlags(const std::string& version,
                                                           const std::string& member,
                                                           const std::string& agreement,
                                                           const std::string& reservations) {
  v1::MemberDecision decision;
  auto name = InConferenceArgument("", ConferenceOf(version), "members", member);
  if (!name.ok()) return FlagError("--member", name.status());
  decision.set_member(*name);
  auto word = ParseEnumWord<v1::MemberAgreement>(agreement);
  if (!word.ok()) return FlagError("--agreement", word.status());
  decision.set_agreement(*word);
  decision.set_reservations(reservations);
  return decision;
}

absl::StatusOr<v1::ReferrerDecision> ReferrerDecisionFromFlags(const ReferrerDecisionFlags& flags,
                                                               absl::Time now) {
  v1::ReferrerDecision decision;
  auto outcome = ParseOutcome<v1::ReferrerOutcome>("--outcome", flags.outcome,
                                                   {{"accept", v1::REFERRER_OUTCOME_ACCEPTED},
                                                    {"decline", v1::REFERRER_OUTCOME_DECLINED},
                                                    {"more-time", v1::REFERRER_OUTCOME_MORE_TIME}});
  if (!outcome.ok()) return outcome.status();
  decision.set_outcome(*outcome);
  decision.set_reasons(flags.reasons);
  decision.set_remaining_risk(flags.risk);
  decision.set_comments(flags.comments);
  if (!flags.deadline.empty()) {
    auto deadline = ParseTime(flags.deadline, now);
    if (!deadline.ok()) return FlagError("--deadline", deadline.status());
    *decision.mutable_revision_deadline() = *deadline;
  }
  if (!flags.authorised_by.empty()) {
    auto officer = ParseStaff(flags.authorised_by);
    if (!officer.ok()) return FlagError("--authorised-by", officer.status());
    *decision.mutable_authorising_officer() = *officer;
  }
  if (absl::Status s = SetPowerRecord(flags.power, now, &decision); !s.ok()) return s;
  return decision;
}

absl::StatusOr<v1::ResourceRequest> ResourceRequestFromFlags(const ResourceRequestFlags& flags) {
  v1::ResourceRequest request;
  request.set_description(flags.description);
  request.set_item_id(flags.item_id);
  request.set_provider(flags.provider);
  auto cost = MoneyFromFlags("--cost", flags.cost, flags.currency);
  if (!cost.ok()) return cost.status();
  if (*cost) *request.mutable_estimated_cost() = **cost;
  return request;
}

absl::StatusOr<v1::ResourceDecision> ResourceDecisionFromFlags(const ResourceDecisionFlags& flags,
                                                               absl::Time now) {
  v1::ResourceDecision decision;
  auto outcome =
      ParseOutcome<v1::ResourceOutcome>("--outcome", flags.outcome,
                                        {{"agree", v1::RESOURCE_OUTCOME_AGREED},
                                         {"agree-in-part", v1::RESOURCE_OUTCOME_AGREED_IN_PART},
                                         {"decline", v1::RESOURCE_OUTCOME_DECLINED}});
  if (!outcome.ok()) return outcome.status();
  decision.set_outcome(*outcome);
  decision.set_agreed_details(flags.details);
  auto cost = MoneyFromFlags("--agreed-cost", flags.agreed_cost, flags.currency);
  if (!cost.ok()) return cost.status();
  if (*cost) *decision.mutable_agreed_cost() = **cost;
  decision.set_reasons(flags.reasons);
  v1::StaffMember* decider = decision.mutable_decider();
  decider->set_subject(flags.decider);
  decider->set_display_name(flags.decider_name);
  decider->set_agency(flags.decider_agency);
  decision.set_authority_level(flags.authority_level);
  if (absl::Status s = SetPowerRecord(flags.power, now, &decision); !s.ok()) return s;
  return decision;
}

absl::StatusOr<v1::ProgressReport> ProgressReportFromFlags(const ProgressFlags& flags,
                                                           absl::Time now) {
  v1::ProgressReport report;
  report.set_item_id(flags.item_id);
  auto status = ParseEnumWord<v1::ProgressStatus>(flags.status);
  if (!status.ok()) return FlagError("--status", status.status());
  report.set_status(*status);
  report.set_reported_by(flags.reported_by);
  report.set_note(flags.note);
  if (!flags.observed.empty()) {
    auto observed = ParseTime(flags.observed, now);
    if (!observed.ok()) return FlagError("--observed", observed.status());
    *report.mutable_observe_time() = *observed;
  }
  return report;
}

absl::StatusOr<v1::StaffMember> ParseProfessional(const std::string& text) {
  const std::string trimmed(absl::StripAsciiWhitespace(text));
  const size_t open = trimmed.rfind('<');
  const size_t close = trimmed.rfind('>');
  const std::string name(
      absl::StripAsciiWhitespace(trimmed.substr(0, open == std::string::npos ? 0 : open)));
  const std::string email = open < close ? trimmed.substr(open + 1, close - open - 1) : "";
  if (name.empty() || email.find('@') == std::string::npos || close + 1 != trimmed.size()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "\"", text, "\": expected Name <email>, like \"Dr Asha Rao <a.rao@example.org>\""));
  }
  v1::StaffMember professional;
  professional.set_display_name(name);
  professional.set_email(email);
  return professional;
}

}  // namespace fgc::ctl
