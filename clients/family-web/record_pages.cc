// The agreed plan, the family member's record of consents and uses of power, and taking a
// consent back (family_pages.h).
#include <set>

#include "absl/strings/str_cat.h"
#include "clients/family-web/family_pages.h"
#include "clients/family-web/form_html.h"
#include "clients/family-web/html_text.h"
#include "clients/family-web/message_catalogue.h"
#include "clients/family-web/page_layout.h"
#include "clients/family-web/time_text.h"
#include "common/base/field_violations.h"
#include "common/base/proto_time.h"

namespace fgc::family_web {
namespace {

// The family's words, marked with their own language when it is not the page's.
std::string FamilyWords(const PageContext& page, const std::string& text,
                        const std::string& language) {
  if (language.empty() || language == page.language || !LooksLikeLanguageTag(language))
    return Paragraphs(text, true);
  return absl::StrCat("<div lang=\"", EscapeHtml(language), "\">", Paragraphs(text, true),
                      "</div>");
}

std::string Section(const PageContext& page, std::string_view heading_key,
                    std::string_view body_html) {
  if (body_html.empty()) return "";
  return absl::StrCat(Heading2(page, heading_key), std::string(body_html));
}

const char* ProgressKey(v1::ProgressStatus status) {
  switch (status) {
    case v1::PROGRESS_STATUS_NOT_STARTED:
      return "progress.not-started";
    case v1::PROGRESS_STATUS_IN_PROGRESS:
      return "progress.in-progress";
    case v1::PROGRESS_STATUS_DONE:
      return "progress.done";
    case v1::PROGRESS_STATUS_NOT_DONE:
      return "progress.not-done";
    default:
      return "";
  }
}

std::string Progress(const PageContext& page, const TimeText& when,
                     const v1::GetMyPlanResponse& plan, const std::string& item_id) {
  const v1::ProgressReport* latest = nullptr;
  for (const v1::ProgressReport& report : plan.progress()) {
    if (report.item_id() == item_id) latest = &report;
  }
  if (latest == nullptr || *ProgressKey(latest->status()) == '\0') return "";
  std::string html =
      absl::StrCat("<strong>", Say(page, ProgressKey(latest->status())), "</strong>");
  if (!latest->note().empty()) absl::StrAppend(&html, "<br>", Bdi(latest->note()));
  const google::protobuf::Timestamp& at =
      latest->has_observe_time() ? latest->observe_time() : latest->record_time();
  if (!latest->reported_by().empty()) {
    absl::StrAppend(&html, "<br>",
                    MessageHtml(page.language, "progress.reported",
                                {{"who", Bdi(latest->reported_by())},
                                 {"date", EscapeHtml(when.Date(ToAbslTime(at)))}}));
  }
  return html;
}

std::string PlanItems(const PageContext& page, const TimeText& when,
                      const v1::GetMyPlanResponse& plan) {
  const v1::PlanContent& content = plan.plan_version().content();
  if (content.items().empty()) return "";
  std::string html = Heading2(page, "plan.items.heading");
  for (const v1::PlanItem& item : content.items()) {
    absl::StrAppend(&html, "<div class=\"card\"><h3>", Bdi(item.what()),
                    "</h3><dl class=\"facts\">",
                    Fact(page, "plan.item.who", item.who().empty() ? "" : Bdi(item.who())),
                    Fact(page, "plan.item.due", EscapeHtml(when.CalendarDate(item.due_date()))),
                    Fact(page, "plan.item.timing", item.timing().empty() ? "" : Bdi(item.timing())),
                    Fact(page, "plan.item.know",
                         item.how_we_will_know().empty() ? "" : Bdi(item.how_we_will_know())),
                    Fact(page, "plan.item.progress", Progress(page, when, plan, item.item_id())),
                    "</dl></div>");
  }
  return html;
}

}  // namespace

std::string PlanPage(const PageContext& page, const v1::GetMyPlanResponse& plan) {
  std::string html = absl::StrCat("<h1>", Say(page, "plan.title"), "</h1>");
  const PageFrame frame{.title = Plain(page, "plan.title")};
  if (!plan.has_plan_version()) {
    absl::StrAppend(&html, "<p>", Say(page, "plan.none"), "</p>",
                    BackLink(page, "/invitation", "back.invitation"));
    return Document(page, frame, html);
  }
  const TimeText when(page.language, ChooseTimeZone(page.time_zone, ""));
  const v1::PlanVersion& version = plan.plan_version();
  const v1::PlanContent& content = version.content();
  const v1::ReferrerDecision& decision = version.referrer_decision();
  std::string dates;
  if (decision.has_decide_time()) {
    absl::StrAppend(
        &dates,
        MessageHtml(page.language, "plan.agreed",
                    {{"date", EscapeHtml(when.Date(ToAbslTime(decision.decide_time())))}}),
        " ");
  }
  if (plan.has_distribute_time()) {
    dates += MessageHtml(page.language, "plan.sent",
                         {{"date", EscapeHtml(when.Date(ToAbslTime(plan.distribute_time())))}});
  }
  if (!dates.empty()) absl::StrAppend(&html, "<p>", dates, "</p>");
  const std::string review = when.CalendarDate(content.review_date());
  absl::StrAppend(&html,
                  Section(page, "plan.words.heading",
                          content.family_words().empty()
                              ? ""
                              : FamilyWords(page, content.family_words(), content.language_code())),
                  PlanItems(page, when, plan),
                  Section(page, "plan.contingency.heading",
                          content.contingency().empty()
                              ? ""
                              : FamilyWords(page, content.contingency(), content.language_code())),
                  Section(page, "plan.monitoring.heading",
                          content.monitoring().empty()
                              ? ""
                              : FamilyWords(page, content.monitoring(), content.language_code())),
                  Section(page, "plan.review.heading",
                          review.empty() ? ""
                                         : absl::StrCat("<p>",
                                                        MessageHtml(page.language, "plan.review",
                                                                    {{"date", EscapeHtml(review)}}),
                                                        "</p>")),
                  Section(page, "plan.comments.heading",
                          decision.comments().empty() ? "" : Paragraphs(decision.comments(), true)),
                  BackLink(page, "/invitation", "back.invitation"));
  return Document(page, frame, html);
}

namespace {

const char* KindKey(v1::LedgerEntryKind kind) {
  switch (kind) {
    case v1::LEDGER_ENTRY_KIND_CONSENT_GIVEN:
      return "kind.consent-given";
    case v1::LEDGER_ENTRY_KIND_CONSENT_REFUSED:
      return "kind.consent-refused";
    case v1::LEDGER_ENTRY_KIND_CONSENT_WITHDRAWN:
      return "kind.consent-withdrawn";
    case v1::LEDGER_ENTRY_KIND_POWER_USED:
      return "kind.power-used";
    case v1::LEDGER_ENTRY_KIND_POWER_ENDED:
      return "kind.power-ended";
    default:
      return "kind.other";
  }
}

const char* PurposeKey(v1::ConsentPurpose purpose) {
  switch (purpose) {
    case v1::CONSENT_PURPOSE_REFERRAL:
      return "purpose.referral";
    case v1::CONSENT_PURPOSE_CONTACT_NETWORK:
      return "purpose.contact-network";
    case v1::CONSENT_PURPOSE_SHARE_INFORMATION:
      return "purpose.share-information";
    case v1::CONSENT_PURPOSE_DISTRIBUTE_PLAN:
      return "purpose.distribute-plan";
    default:
      return "";
  }
}

const char* PowerKey(v1::PowerKind power) {
  switch (power) {
    case v1::POWER_KIND_PROCEED_WITHOUT_CONSENT:
      return "power.proceed";
    case v1::POWER_KIND_RESTRICT_PARTICIPATION:
      return "power.restrict";
    case v1::POWER_KIND_DECLINE_PLAN:
      return "power.decline-plan";
    case v1::POWER_KIND_DECLINE_RESOURCE:
      return "power.decline-resource";
    default:
      return "power.other";
  }
}

const char* RoleKey(v1::ActorRole role) {
  switch (role) {
    case v1::ACTOR_ROLE_COORDINATOR:
      return "role.coordinator";
    case v1::ACTOR_ROLE_REFERRER:
      return "role.referrer";
    case v1::ACTOR_ROLE_AGENCY_SYSTEM:
      return "role.agency";
    case v1::ACTOR_ROLE_MANAGER:
      return "role.manager";
    case v1::ACTOR_ROLE_AUDITOR:
      return "role.auditor";
    case v1::ACTOR_ROLE_FAMILY_MEMBER:
      return "role.family";
    default:
      return "role.unknown";
  }
}

// What a consent is for: the purpose in the catalogue's words, and as the person was told it.
std::string Purpose(const PageContext& page, v1::ConsentPurpose purpose,
                    const std::string& description) {
  std::string html = *PurposeKey(purpose) ? Say(page, PurposeKey(purpose)) : "";
  if (!description.empty()) absl::StrAppend(&html, html.empty() ? "" : "<br>", Bdi(description));
  return html;
}

std::string Person(const std::string& name, const std::string& detail) {
  if (name.empty()) return detail.empty() ? "" : Bdi(detail);
  return detail.empty() ? Bdi(name) : absl::StrCat(Bdi(name), " (", Bdi(detail), ")");
}

std::string Law(const v1::LegalBasis& law) {
  if (law.statute().empty() && law.section().empty()) return "";
  std::string html =
      Bdi(absl::StrCat(law.statute(), law.statute().empty() ? "" : " ", law.section()));
  if (!law.description().empty()) absl::StrAppend(&html, "<br>", Bdi(law.description()));
  return html;
}

std::string When(const TimeText& when, bool has, const google::protobuf::Timestamp& time) {
  return has ? EscapeHtml(when.DateTime(ToAbslTime(time))) : "";
}

std::string EntryFacts(const PageContext& page, const TimeText& when,
                       const v1::LedgerEntry& entry) {
  std::string html = "<dl class=\"facts\">";
  if (entry.has_consent()) {
    const v1::ConsentDetails& consent = entry.consent();
    absl::StrAppend(
        &html,
        Fact(page, "record.what-for",
             Purpose(page, consent.purpose(), consent.purpose_description())),
        Fact(page, "record.given-by",
             Person(consent.grantor().display_name(), consent.grantor().relationship())),
        Fact(page, "record.reasons", consent.reason().empty() ? "" : Bdi(consent.reason())),
        Fact(page, "record.until", When(when, consent.has_expire_time(), consent.expire_time())));
  } else if (entry.has_power()) {
    const v1::PowerDetails& power = entry.power();
    absl::StrAppend(
        &html, Fact(page, "record.power", Say(page, PowerKey(power.power()))),
        Fact(page, "record.what-for", Purpose(page, power.overridden_purpose(), "")),
        Fact(page, "record.reasons", power.reasons().empty() ? "" : Bdi(power.reasons())),
        Fact(page, "record.law", Law(power.legal_basis())),
        Fact(page, "record.authorised-by",
             Person(power.authorising_officer().display_name(),
                    power.authorising_officer().job_title())),
        Fact(page, "record.review", EscapeHtml(when.CalendarDate(power.review_date()))),
        Fact(page, "record.until", When(when, power.has_expire_time(), power.expire_time())));
  }
  const std::string actor = entry.actor().display_name().empty()
                                ? Say(page, RoleKey(entry.actor().role()))
                                : Bdi(entry.actor().display_name());
  absl::StrAppend(&html, Fact(page, "record.decided-by", actor), "</dl>");
  return html;
}

std::string WithdrawButton(const PageContext& page, const v1::LedgerEntry& entry,
                           const std::string& heading_id) {
  return absl::StrCat("<form class=\"inline\" method=\"post\" action=\"/withdraw\">",
                      CsrfField(page), HiddenField("entry", entry.name()),
                      "<button class=\"btn btn-warn\" type=\"submit\" aria-describedby=\"",
                      heading_id, "\">", Say(page, "record.withdraw.button"), "</button></form>");
}

}  // namespace

std::string RecordPage(const PageContext& page, const v1::GetMyRecordResponse& record) {
  const TimeText when(page.language, ChooseTimeZone(page.time_zone, ""));
  const std::set<std::string> withdrawable(record.withdrawable_entries().begin(),
                                           record.withdrawable_entries().end());
  std::string html = absl::StrCat("<h1>", Say(page, "record.title"), "</h1><p>",
                                  Say(page, "record.intro"), "</p>");
  if (record.entries().empty()) absl::StrAppend(&html, "<p>", Say(page, "record.empty"), "</p>");
  for (const v1::LedgerEntry& entry : record.entries()) {
    const std::string heading_id = absl::StrCat("entry-", entry.index());
    absl::StrAppend(&html, "<div class=\"card\"><h2 id=\"", heading_id, "\">",
                    Say(page, KindKey(entry.kind())), "</h2>");
    if (entry.has_occur_time())
      absl::StrAppend(&html, "<p class=\"hint\">",
                      EscapeHtml(when.DateTime(ToAbslTime(entry.occur_time()))), "</p>");
    if (entry.erased()) {
      absl::StrAppend(&html, "<p>", Say(page, "record.erased"), "</p>");
    } else {
      absl::StrAppend(&html, Paragraphs(entry.decision(), true), EntryFacts(page, when, entry));
    }
    if (withdrawable.contains(entry.name())) html += WithdrawButton(page, entry, heading_id);
    html += "</div>";
  }
  if (!record.next_page_token().empty())
    absl::StrAppend(&html, "<p>", Say(page, "record.more"), "</p>");
  html += BackLink(page, "/invitation", "back.invitation");
  return Document(page, {.title = Plain(page, "record.title")}, html);
}

std::string WithdrawPage(const PageContext& page, const v1::LedgerEntry& consent) {
  const TimeText when(page.language, ChooseTimeZone(page.time_zone, ""));
  std::string html = absl::StrCat("<h1>", Say(page, "withdraw.title"), "</h1>");
  if (consent.has_occur_time()) {
    absl::StrAppend(
        &html, "<p>",
        MessageHtml(page.language, "withdraw.what",
                    {{"date", EscapeHtml(when.Date(ToAbslTime(consent.occur_time())))}}),
        "</p>");
  }
  absl::StrAppend(
      &html, "<div class=\"note\">", Paragraphs(consent.decision(), true),
      "</div><dl class=\"facts\">",
      Fact(page, "record.what-for",
           Purpose(page, consent.consent().purpose(), consent.consent().purpose_description())),
      "</dl><p>", Say(page, "withdraw.effect"), "</p><p>", Say(page, "withdraw.record"), "</p>",
      "<form method=\"post\" action=\"/withdraw\">", CsrfField(page),
      HiddenField("entry", consent.name()), HiddenField("confirm", "yes"),
      SubmitButton(Say(page, "withdraw.confirm"), /*warning=*/true), "</form>",
      BackLink(page, "/record", "withdraw.cancel"));
  return Document(page,
                  {.title = Plain(page, "withdraw.title"),
                   .language_query = absl::StrCat("entry=", PercentEncode(consent.name()), "&")},
                  html);
}

}  // namespace fgc::family_web
